import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import {
  createRedactor,
  proxyCredentials,
  secretsFromArgv,
  secretsFromEnvironment,
  secretsFromJavaOptions,
  secretsOfSettings,
} from '../../src/render/redact.js';

const TOKEN = 'QTFiMkMzZDRBMWIyQzNkNEExYjJDM2Q0QTFiMkMzZDRBMWIyQzNkNEExYjJDM2Q0QTFiMkMzZDQ=';

describe('the shapes of secrets the run was never told', () => {
  const redact = createRedactor([]);
  it.each([
    ['token=Zm9vYmFy123', 'token=<redacted>'],
    ['GET /api?token=Zm9v&x=1', 'GET /api?token=<redacted>&x=1'],
    ['started, token=abc123, retrying', 'started, token=<redacted>, retrying'],
    ['SIEM_DOCTOR_TOKEN=abc123', 'SIEM_DOCTOR_TOKEN=<redacted>'],
    ['{"token":"abc123"}', '{"token":"<redacted>"}'],
    ['{ "token": "a\\"b" , "n": 1 }', '{ "token": "<redacted>" , "n": 1 }'],
    ['{"storepass": "hunter22"}', '{"storepass": "<redacted>"}'],
    ['{"Authorization":"Token abc"}', '{"Authorization":"<redacted>"}'],
    [`java -jar mcas-siemagent.jar --token ${TOKEN}`, 'java -jar mcas-siemagent.jar --token <redacted>'],
    ['--token=abc', '--token=<redacted>'],
    ['--token Zm9vYmFyYmF6', '--token <redacted>'],
    ['keytool -list -storepass hunter22 -v', 'keytool -list -storepass <redacted> -v'],
    ['keytool -importcert -keypass S3cret!', 'keytool -importcert -keypass <redacted>'],
    ['Authorization: Token abc', 'Authorization: Token <redacted>'],
    ['Proxy-Authorization: Basic dXNlcjpwYXNz', 'Proxy-Authorization: Basic <redacted>'],
    ['Authorization: Zm9vOmJhcg==', 'Authorization: <redacted>'],
    ['password=s3cr3t', 'password=<redacted>'],
    [`storepass='s3cr3t' keystore=x`, `storepass='<redacted>' keystore=x`],
    ['proxy.password = s3cr3t now', 'proxy.password = <redacted> now'],
    ['login with password Hunter22', 'login with password <redacted>'],
    ['Password: Secret1', 'Password: <redacted>'],
    ['-Djavax.net.ssl.trustStorePassword=abc -Xmx1g', '-Djavax.net.ssl.trustStorePassword=<redacted> -Xmx1g'],
    ['-Dhttps.proxyPassword=pw -Dhttps.proxyHost=p', '-Dhttps.proxyPassword=<redacted> -Dhttps.proxyHost=p'],
    ['http://alice:pw@proxy:3128', 'http://<redacted>@proxy:3128'],
    ['socks5://Zm9vYmFy@proxy:1080', 'socks5://<redacted>@proxy:1080'],
    ['HTTPS_PROXY=user:pass@host:1', 'HTTPS_PROXY=<redacted>@host:1'],
    ['--proxy user:pass@proxy.contoso.local:8080', '--proxy <redacted>@proxy.contoso.local:8080'],
    ['"proxy": "bob:pw@[2001:db8::1]:8080"', '"proxy": "<redacted>@[2001:db8::1]:8080"'],
    [`ERROR Invalid token ${TOKEN}`, 'ERROR Invalid token <redacted>'],
    [`token: '${TOKEN}'`, "token: '<redacted>'"],
  ])('%s', (input, expected) => {
    expect(redact.text(input)).toBe(expected);
  });

  it('leaves a SIEM-token-shaped value alone when the word token is not next to it (a SHA-256)', () => {
    const sha = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
    expect(redact.text(`sha256 ${sha}`)).toBe(`sha256 ${sha}`);
  });
});

describe('no collateral', () => {
  const sentences = [
    'wrong keystore password',
    'Keystore was tampered with, or password was incorrect',
    'Flag --token expects a value',
    'the token is malformed',
    'Invalid token',
    'give the keystore password with --storepass (the JRE default is changeit)',
    'use --storepass to give it, or --token TOKEN',
    'java -jar agent.jar --token … --proxy ADDRESS[:PORT]',
    'curl -sS -H "Authorization: Token $SIEM_DOCTOR_TOKEN" https://contoso.portal.cloudappsecurity.com/api',
    'Authorization: denied',
    'password: check --storepass',
    'write to bob@contoso.com at 10:00:00',
    'PWD=/home/agent',
    'tokens=3 passed',
  ];

  it.each(sentences)('%s stays as it is', (sentence) => {
    expect(createRedactor([]).text(sentence)).toBe(sentence);
  });

  it('replaces a short secret only as a whole value', () => {
    const redact = createRedactor(['pass', 'abc']);
    expect(redact.text('wrong keystore password')).toBe('wrong keystore password');
    expect(redact.text('a pass-through proxy, pass.txt, bypass')).toBe(
      'a pass-through proxy, pass.txt, bypass',
    );
    expect(redact.text('abc is here, abcdef is not')).toBe('<redacted> is here, abcdef is not');
    expect(redact.text('storepass "pass" given; pass.')).toBe('storepass "<redacted>" given; <redacted>.');
  });

  it('replaces a long secret wherever it stands', () => {
    const redact = createRedactor(['Pr0xyPassw0rd', `  "${TOKEN}"\n`]);
    expect(redact.text('xPr0xyPassw0rdx')).toBe('x<redacted>x');
    expect(redact.text(`got${TOKEN}`)).toBe('got<redacted>');
  });

  it('changes no text of the catalogs, in any language', () => {
    const redact = createRedactor([]);
    const texts = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(texts)
          : [];
    const all = [en, fr, nl].flatMap(texts);
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((text) => redact.text(text) !== text)).toEqual([]);
  });

  it('is idempotent and keeps a JSON document whole', () => {
    const redact = createRedactor(['hunter22']);
    const doc = JSON.stringify({
      lines: ['Authorization: Token abc', 'token="abc123"', 'password hunter22', 'u:p@h:1', `token ${TOKEN}`],
      '"token"': 'x',
    });
    const once = redact.text(doc);
    expect(redact.text(once)).toBe(once);
    expect(JSON.parse(once).lines).toEqual([
      'Authorization: Token <redacted>',
      'token="<redacted>"',
      'password <redacted>',
      '<redacted>@h:1',
      'token <redacted>',
    ]);
  });
});

describe('the secrets of every source', () => {
  it('finds them on a command line, the next flag taken for no value', () => {
    expect(
      secretsFromArgv(['--token', 'T0K', '--storepass=pw1', '--proxy', 'u:p4ss@proxy:8080'], {
        SIEM_DOCTOR_TOKEN: 'envtok',
      }),
    ).toEqual(['T0K', 'pw1', 'u:p4ss', 'p4ss', 'envtok']);
    expect(secretsFromArgv(['check', '--token', '--json'], {})).toEqual([]);
    expect(secretsFromArgv(['check', '--token'], {})).toEqual([]);
  });

  it('finds them in the environment: ours, the proxies with or without scheme, JVM options', () => {
    expect(
      secretsFromEnvironment({
        SIEM_DOCTOR_STOREPASS: 'st0re',
        HTTPS_PROXY: 'user:pass@host:1',
        https_proxy: 'http://alice:wonder@proxy:3128',
        HTTP_PROXY: 'proxy:3128',
        ALL_PROXY: 'socks5://Zm9vYmFy@proxy:1080',
        JAVA_TOOL_OPTIONS: '-Xmx1g -Djavax.net.ssl.trustStorePassword=tsp4ss',
        _JAVA_OPTIONS: '-Dhttps.proxyPassword=pxp4ss',
      }),
    ).toEqual(['st0re', 'user:pass', 'pass', 'alice:wonder', 'wonder', 'Zm9vYmFy', 'tsp4ss', 'pxp4ss']);
  });

  it('finds them among JVM options and settings', () => {
    expect(
      secretsFromJavaOptions([
        '-Djavax.net.ssl.trustStorePassword=a1',
        '-Djavax.net.ssl.keyStorePassword=a2',
        '-Dhttps.proxyPassword=a3',
        '-Dhttps.proxyHost=proxy',
        '-Xmx1g',
      ]),
    ).toEqual(['a1', 'a2', 'a3']);
    expect(secretsOfSettings({ token: 'T', storepass: ' ', proxy: 'proxy:8080' })).toEqual(['T']);
    expect(proxyCredentials('proxy:8080')).toEqual([]);
    expect(proxyCredentials('http://u:p:w@proxy')).toEqual(['u:p:w', 'p:w']);
  });
});
