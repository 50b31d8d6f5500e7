import {
  appendFile,
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  stat,
  symlink,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctor } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/paths.js';
import { RAW_CONTROL } from '../helpers/terminal.js';

const TOKEN = 'QnVuZGxlVG9rZW5TaG91bGROZXZlckFwcGVhckFueXdoZXJlMDEyMzQ1Njc4OWFiY2RlZg==';

describe('siem-doctor bundle', () => {
  it('writes one JSON file with the report, the machine and the logs, and no secret anywhere', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-bundle-'));
    const logs = path.join(dir, 'logs');
    await (await import('node:fs/promises')).mkdir(logs);
    await writeFile(
      path.join(logs, 'agent.log'),
      `started with --token ${TOKEN}\nERROR Invalid token ${TOKEN}\n`,
    );
    const file = path.join(dir, 'bundle.json');
    const storepass = 'Store-Pa55word!';
    const proxyPassword = 'pr0xy-Secret';
    const env = {
      SIEM_DOCTOR_STOREPASS: storepass,
      HTTPS_PROXY: `http://alice:${proxyPassword}@proxy.contoso.local:3128`,
      JAVA_TOOL_OPTIONS: `-Djavax.net.ssl.trustStorePassword=${storepass} -Xmx1g`,
    };
    const run = await doctor(
      [
        'bundle',
        '--token',
        TOKEN,
        '--keystore',
        path.join(FIXTURES, 'keystores', 'cacerts-140.jks'),
        '--logs-directory',
        logs,
        '--output',
        file,
      ],
      env,
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Support bundle written to ${file}`);
    const text = await readFile(file, 'utf8');
    for (const secret of [TOKEN, storepass, proxyPassword]) expect(text).not.toContain(secret);
    const bundle = JSON.parse(text);
    expect(bundle.report.checks).toHaveLength(10);
    expect(bundle.settings.token).toEqual({ length: TOKEN.length, last4: TOKEN.slice(-4) });
    expect(bundle.environment.HTTPS_PROXY).toBe('http://<redacted>@proxy.contoso.local:3128');
    expect(bundle.environment.JAVA_TOOL_OPTIONS).toBe('-Djavax.net.ssl.trustStorePassword=<redacted> -Xmx1g');
    expect(bundle.logTail.lines).toContain('ERROR Invalid token <redacted>');
    expect(bundle.report.checks.find((c: { id: string }) => c.id === 'agent-logs')).toMatchObject({
      documentedError: 'Invalid token',
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('says so in one line when the output cannot be written', async () => {
    const run = await doctor(['bundle', '--output', '/proc/nope/bundle.json', '--only-not-a-flag']);
    expect(run.exitCode).toBe(2);
    const again = await doctor(['bundle', '--output', '/proc/nope/bundle.json']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('--output:');
    // a FileError: under --json, the error document says "file"
    const json = await doctor(['bundle', '--output', '/proc/nope/bundle.json', '--json']);
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'file', message: '--output: /proc/nope/bundle.json does not exist' },
    });
  });

  it('writes no control character raw, C1 (CSI) and DEL included, and keeps them as JSON values', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-bundle-'));
    try {
      const logs = path.join(dir, 'logs');
      await mkdir(logs);
      const hostile = '\u009b31m\u009d0;owned\u0007\u007f\u001b[2J';
      await writeFile(path.join(logs, 'agent.log'), `ERROR Invalid token ${hostile} end\n`);
      const file = path.join(dir, 'bundle.json');
      const run = await doctor(['bundle', '--logs-directory', logs, '--output', file]);
      expect(run.exitCode).toBe(0);
      const text = await readFile(file, 'utf8');
      expect(text.replaceAll('\n', '')).not.toMatch(RAW_CONTROL);
      expect(text).toContain('\\u009b31m\\u009d0;owned\\u0007\\u007f\\u001b[2J end');
      expect(JSON.parse(text).logTail.lines).toContain(`ERROR Invalid token ${hostile} end`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says where it wrote the bundle in the user’s language, and returns the receipt under --json', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-bundle-'));
    try {
      const file = path.join(dir, 'b.json');
      const run = await doctor(['bundle', '--output', file], { LANG: 'fr_FR.UTF-8' });
      expect(run.exitCode).toBe(0);
      const { size } = await stat(file);
      expect(run.stdout).toBe(`Paquet de support écrit dans ${file} (${size} octets, secrets masqués)\n`);
      const json = await doctor(['bundle', '--output', file, '--json'], { LANG: 'nl_NL.UTF-8' });
      expect(JSON.parse(json.stdout)).toEqual({ file, bytes: (await stat(file)).size });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('siem-doctor bundle: proxies of the environment and the file it writes', () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('redacts a proxy password given without scheme, writes 0600 over an existing file, counts bytes', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-bundle-'));
    const logs = path.join(dir, 'logs');
    await mkdir(logs);
    // non-ASCII, so that characters and bytes differ
    await writeFile(path.join(logs, 'agent.log'), 'INFO connexion établie\n');
    const file = path.join(dir, 'bundle.json');
    await writeFile(file, 'an older file anyone may read\n', { mode: 0o644 });
    await chmod(file, 0o644);
    const run = await doctor(['bundle', '--logs-directory', logs, '--output', file], {
      HTTPS_PROXY: 'bob:Bundl3ProxyPw@proxy.contoso.local:1',
      ALL_PROXY: 'socks5://carol:S0cksPw@proxy.contoso.local:1080',
    });
    expect(run.exitCode).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('Bundl3ProxyPw');
    expect(text).not.toContain('S0cksPw');
    const bundle = JSON.parse(text);
    expect(bundle.environment).toMatchObject({
      HTTPS_PROXY: '<redacted>@proxy.contoso.local:1',
      ALL_PROXY: 'socks5://<redacted>@proxy.contoso.local:1080',
    });
    expect(bundle.logTail.lines).toContain('INFO connexion établie');
    const info = await stat(file);
    expect(info.mode & 0o777).toBe(0o600);
    expect(run.stdout).toContain(`(${info.size} bytes, secrets redacted)`);
    expect(info.size).not.toBe(text.length);
  });
});

/**
 * The bundle's log tail once `fill` has written the folder `logs` (in a folder of its own, removed
 * after).
 */
async function logTailOf(fill: (logs: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-bundle-'));
  try {
    const logs = path.join(dir, 'logs');
    await mkdir(logs);
    await fill(logs);
    const file = path.join(dir, 'bundle.json');
    const run = await doctor(['bundle', '--logs-directory', logs, '--output', file]);
    expect(run.exitCode).toBe(0);
    return JSON.parse(await readFile(file, 'utf8')).logTail;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('siem-doctor bundle: the log folder as it is', () => {
  it('takes the newest log although its name is not UTF-8 and a link beside it dangles', async () => {
    const tail = await logTailOf(async (logs) => {
      const older = path.join(logs, 'siem-agent.log.1');
      await writeFile(older, '2026-11-20 10:00:00 INFO older\n');
      const hourAgo = new Date(Date.now() - 3_600_000);
      await utimes(older, hourAgo, hourAgo);
      await symlink(path.join(logs, 'gone.log'), path.join(logs, 'dangling.log'));
      // `agent-é.log` from a Latin-1 system: é is the one byte 0xE9
      const latin1 = Buffer.concat([
        Buffer.from(path.join(logs, 'agent-')),
        Buffer.of(0xe9),
        Buffer.from('.log'),
      ]);
      await writeFile(latin1, '2026-11-21 10:00:00 INFO newest line\n');
    });
    expect(tail).toEqual({ file: 'agent-\ufffd.log', lines: ['2026-11-21 10:00:00 INFO newest line'] });
  });

  it('holds the last 200 lines of a 2 GB log, read from its end', async () => {
    const last = Array.from({ length: 300 }, (_, i) => `2026-11-21 10:00:00 INFO line ${i}`);
    const tail = await logTailOf(async (logs) => {
      const log = path.join(logs, 'siem-agent.log');
      await writeFile(log, 'start\n');
      await truncate(log, 2 * 1024 ** 3); // sparse: 2 GB that take no disk
      await appendFile(log, `\n${last.join('\n')}\n`);
    });
    expect(tail).toEqual({ file: 'siem-agent.log', lines: last.slice(-200) });
  });
});
