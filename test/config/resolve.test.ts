// resolveConfig is a pure function of what the run was given: every rule of precedence for every
// key is a row here, without a process, a file system or a command line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseConfigFile,
  resolveConfig,
  secretsOfSources,
  type DiscoveredAgent,
  type DoctorConfig,
  type ResolveInput,
  type SettingName,
} from '../../src/config/resolve.js';
import { ConfigError, FileError } from '../../src/errors.js';
import { FIXTURES } from '../helpers/paths.js';

type Level = 'flag' | 'env' | 'agent' | 'file';

/** A whole input from the values each source gives; flags as oclif hands them over. */
function input(values: Partial<Record<Level, Partial<Record<SettingName, string>>>>): ResolveInput {
  const { flag = {}, env = {}, agent = {}, file = {} } = values;
  const flags: ResolveInput['flags'] = { ...flag };
  const argv: string[] = [];
  for (const [name, value] of Object.entries(flag)) argv.push(`--${name}`, value);
  const environment: NodeJS.ProcessEnv = {};
  const variables: Partial<Record<SettingName, string>> = {
    token: 'SIEM_DOCTOR_TOKEN',
    'portal-url': 'SIEM_DOCTOR_PORTAL_URL',
    'java-home': 'JAVA_HOME',
    storepass: 'SIEM_DOCTOR_STOREPASS',
  };
  for (const [name, value] of Object.entries(env) as [SettingName, string][]) {
    environment[variables[name]!] = value;
    // oclif fills an env-backed flag from its variable when the flag was not typed
    flags[name] ??= value;
  }
  const result: ResolveInput = { flags, argv, env: environment };
  if (Object.keys(file).length > 0)
    result.configFile = parseConfigFile({ path: '/etc/siem-doctor.json', text: JSON.stringify(file) });
  if (Object.keys(agent).length > 0) {
    result.flags['from-process'] = true;
    result.agent = {
      pid: 4242,
      jar: 'mcas-siemagent-0.87.20-signed.jar',
      javaOptions: [],
      ...(agent.token !== undefined && { token: agent.token }),
      ...(agent.proxy !== undefined && { proxy: agent.proxy }),
      ...(agent['logs-directory'] !== undefined && { logsDirectory: agent['logs-directory'] }),
      ...(agent['java-home'] !== undefined && { javaHome: agent['java-home'] }),
    };
  }
  return result;
}

const CA_PEM = readFileSync(path.join(FIXTURES, 'azure-cas', 'digicert-global-root-g2.pem'), 'utf8');
const OTHER_PEM = readFileSync(path.join(FIXTURES, 'azure-cas', 'baltimore-cybertrust-root.pem'), 'utf8');

/**
 * For each key: the value each source gives (every one valid), the sources it has, and what the
 * config holds for it. The default is what is left when no source gives one.
 */
const KEYS: {
  name: SettingName;
  levels: Partial<Record<Level, string>>;
  read: (config: DoctorConfig) => unknown;
  expect?: (value: string) => unknown;
  fallback: unknown;
  /** Where it differs from ORDER. */
  order?: Level[];
}[] = [
  {
    name: 'token',
    levels: { flag: 'flag-token', env: 'env-token', agent: 'agent-token', file: 'file-token' },
    read: (c) => c.token,
    fallback: undefined,
  },
  {
    name: 'proxy',
    levels: { flag: 'flag.proxy:1', agent: 'agent.proxy:2', file: 'file.proxy:3' },
    read: (c) => c.proxy && `${c.proxy.host}:${c.proxy.port}`,
    fallback: undefined,
  },
  {
    name: 'portal-url',
    levels: { flag: 'flag.portal', env: 'env.portal', file: 'file.portal' },
    read: (c) => c.portalUrl?.hostname,
    fallback: undefined,
  },
  {
    name: 'syslog-host',
    levels: { flag: 'flag.siem', file: 'file.siem' },
    read: (c) => c.syslogHost,
    fallback: undefined,
  },
  {
    name: 'syslog-port',
    levels: { flag: '514', file: '6514' },
    read: (c) => c.syslogPort,
    expect: Number,
    fallback: undefined,
  },
  { name: 'protocol', levels: { flag: 'udp', file: 'udp' }, read: (c) => c.protocol, fallback: 'tcp' },
  {
    name: 'java-home',
    levels: { flag: '/flag/jre', env: '/env/jre', agent: '/agent/jre', file: '/file/jre' },
    read: (c) => c.javaHome,
    fallback: undefined,
    // #12: with --from-process, the JRE judged is the one the agent runs on, whatever names another
    order: ['agent', 'flag', 'env', 'file'],
  },
  {
    name: 'keystore',
    levels: { flag: '/flag/cacerts', file: '/file/cacerts' },
    read: (c) => c.keystore,
    fallback: undefined,
  },
  {
    name: 'storepass',
    levels: { flag: 'flag-pass', env: 'env-pass', file: 'file-pass' },
    read: (c) => c.storepass,
    fallback: 'changeit',
  },
  {
    name: 'logs-directory',
    levels: { flag: '/flag/logs', agent: '/agent/logs', file: '/file/logs' },
    read: (c) => c.logsDirectory,
    fallback: undefined,
  },
  {
    name: 'timeout',
    levels: { flag: '1', file: '2.5' },
    read: (c) => c.timeoutMs,
    expect: (v) => Number(v) * 1000,
    fallback: 5000,
  },
];

const ORDER: Level[] = ['flag', 'env', 'agent', 'file'];

describe('resolveConfig: flag > environment > running agent > config file > default, for every key', () => {
  // Each row: the sources from `top` down give a value; the highest of them wins.
  const rows = KEYS.flatMap((key) =>
    (key.order ?? ORDER).filter((level) => key.levels[level] !== undefined).map((top) => ({ key, top })),
  );
  it.each(rows.map((row) => [row.key.name, row.top, row] as const))('%s from %s', (_name, top, { key }) => {
    const values: Partial<Record<Level, Partial<Record<SettingName, string>>>> = {};
    const order = key.order ?? ORDER;
    for (const level of order.slice(order.indexOf(top))) {
      const value = key.levels[level];
      if (value !== undefined) values[level] = { [key.name]: value };
    }
    const winner = key.levels[top]!;
    expect(key.read(resolveConfig(input(values)))).toEqual((key.expect ?? ((v) => v))(winner));
  });

  it.each(KEYS.map((key) => [key.name, key] as const))(
    '%s: the default when no source gives one',
    (_n, key) => {
      expect(key.read(resolveConfig(input({})))).toEqual(key.fallback);
    },
  );

  it('ca-file: the flag names the file over the config file, and its certificates are read from the text given', () => {
    const given = input({ flag: { 'ca-file': '/flag/ca.pem' }, file: { 'ca-file': '/file/ca.pem' } });
    const config = resolveConfig({ ...given, caFile: { path: '/flag/ca.pem', text: CA_PEM } });
    expect(config.caFile).toBe('/flag/ca.pem');
    expect(config.extraCAs).toEqual([`${CA_PEM.trim()}\n`]);
    const fromFile = input({ file: { 'ca-file': '/file/ca.pem' } });
    const byFile = resolveConfig({ ...fromFile, caFile: { path: '/file/ca.pem', text: OTHER_PEM } });
    expect(byFile.extraCAs).toEqual([`${OTHER_PEM.trim()}\n`]);
    expect(resolveConfig(input({})).extraCAs).toEqual([]);
  });

  it('the environment only counts where the flag was not typed (oclif hands both over as the flag)', () => {
    const both = input({ env: { 'java-home': '/env/jre' } });
    both.flags['java-home'] = '/flag/jre';
    both.argv = ['--java-home', '/flag/jre'];
    expect(resolveConfig(both)).toMatchObject({ javaHome: '/flag/jre', javaHomeSource: '--java-home' });
    // typed with the same value as the variable: still the flag
    const same = input({ env: { 'java-home': '/same/jre' } });
    same.argv = ['--java-home=/same/jre'];
    expect(resolveConfig(same).javaHomeSource).toBe('--java-home');
  });

  it('says where the JRE to judge came from', () => {
    const source = (values: Parameters<typeof input>[0]) => resolveConfig(input(values)).javaHomeSource;
    expect(source({ flag: { 'java-home': '/a' } })).toBe('--java-home');
    expect(source({ env: { 'java-home': '/a' } })).toBe('JAVA_HOME');
    expect(source({ file: { 'java-home': '/a' } })).toBe('config file');
    expect(source({ agent: { 'java-home': '/a' } })).toBe('agent process');
    expect(source({})).toBeUndefined();
  });

  it('an empty variable is unset, but an empty store password is one (password-less PKCS12)', () => {
    const emptyHome = input({ file: { 'java-home': '/file/jre' } });
    emptyHome.env.JAVA_HOME = '';
    expect(resolveConfig(emptyHome).javaHome).toBe('/file/jre');
    const emptyPass = input({ file: { storepass: 'file-pass' } });
    emptyPass.env.SIEM_DOCTOR_STOREPASS = '';
    expect(resolveConfig(emptyPass).storepass).toBe('');
  });

  it('the Windows default logs folder only when no source names one', () => {
    expect(
      resolveConfig({ ...input({}), defaultLogsDirectory: 'C:\\MCAS-SIEM-Agent\\Logs' }).logsDirectory,
    ).toBe('C:\\MCAS-SIEM-Agent\\Logs');
    const named = { ...input({ file: { 'logs-directory': 'D:\\logs' } }), defaultLogsDirectory: 'C:\\x' };
    expect(resolveConfig(named).logsDirectory).toBe('D:\\logs');
  });

  it('--test-event and --chain are part of the config, not set on it afterwards', () => {
    expect(resolveConfig(input({})).sendTestEvent).toBe(true);
    const off = input({});
    off.flags['test-event'] = false;
    expect(resolveConfig(off).sendTestEvent).toBe(false);
    const chain = input({});
    chain.flags.chain = '/served.pem';
    const config = resolveConfig({ ...chain, chain: { path: '/served.pem', text: CA_PEM + OTHER_PEM } });
    expect(config.servedChain).toHaveLength(2);
    expect(config.servedChain![0]).toBeInstanceOf(Buffer);
  });
});

describe('resolveConfig with --from-process', () => {
  const agent = (extra: Partial<DiscoveredAgent> = {}): DiscoveredAgent => ({
    pid: 7,
    jar: 'mcas-siemagent-0.87.20-signed.jar',
    javaOptions: ['-Djdk.tls.client.protocols=TLSv1.2'],
    javaHome: '/opt/agent/jre',
    ...extra,
  });
  const fromProcess = (
    extra: Partial<ResolveInput> = {},
    flags: ResolveInput['flags'] = {},
  ): ResolveInput => ({
    flags: { 'from-process': true, ...flags },
    argv: ['--from-process', ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)])],
    env: {},
    agent: agent(),
    ...extra,
  });

  it('judges the agent’s JRE, with its options and pid', () => {
    expect(resolveConfig(fromProcess())).toMatchObject({
      javaHome: '/opt/agent/jre',
      javaHomeSource: 'agent process',
      agentJavaHome: '/opt/agent/jre',
      agentJavaOptions: ['-Djdk.tls.client.protocols=TLSv1.2'],
      agentPid: 7,
    });
  });

  it('keeps a --java-home or config-file javaHome naming another JRE aside, for java-runtime to warn', () => {
    const flagged = resolveConfig(fromProcess({}, { 'java-home': '/other/jre' }));
    expect(flagged).toMatchObject({
      javaHome: '/opt/agent/jre',
      javaHomeSource: 'agent process',
      namedJavaHome: { home: '/other/jre', source: '--java-home' },
    });
    const filed = resolveConfig(
      fromProcess({ configFile: parseConfigFile({ path: 'c.json', text: '{"javaHome": "/file/jre"}' }) }),
    );
    expect(filed.namedJavaHome).toEqual({ home: '/file/jre', source: 'config file' });
    // JAVA_HOME in this shell says nothing about the agent's service: judged over, not warned about
    const env = resolveConfig(
      fromProcess({
        env: { JAVA_HOME: '/env/jre' },
        flags: { 'from-process': true, 'java-home': '/env/jre' },
      }),
    );
    expect(env).toMatchObject({ javaHome: '/opt/agent/jre' });
    expect(env.namedJavaHome).toBeUndefined();
  });

  it('keeps the named JRE when the agent’s java has no home to tell (started as plain `java`)', () => {
    const config = resolveConfig(
      fromProcess({ agent: agent({ javaHome: undefined }) }, { 'java-home': '/x' }),
    );
    expect(config).toMatchObject({ javaHome: '/x', javaHomeSource: '--java-home' });
    expect(config.agentJavaHome).toBeUndefined();
  });

  it('a proxy the agent itself was started with and rejects is a finding, not bad input', () => {
    const config = resolveConfig(fromProcess({ agent: agent({ proxy: 'http://bob:pw@proxy:8080' }) }));
    expect(config.proxy).toBeUndefined();
    expect(config.proxyProblem).toEqual({
      value: 'http://<redacted>@proxy:8080',
      problem: { problem: 'scheme', scheme: 'http://' },
    });
  });

  it('no running agent is bad input about --from-process', () => {
    const none = fromProcess({ agent: undefined });
    expect(() => resolveConfig(none)).toThrow(ConfigError);
    expect(() => resolveConfig(none)).toThrow(
      expect.objectContaining({ input: 'from-process', code: 'config' }),
    );
  });

  it('knows every secret of every source before judging, the agent’s -D passwords included', () => {
    const secrets = secretsOfSources(
      fromProcess({
        agent: agent({ token: 'AgentTok', javaOptions: ['-Djavax.net.ssl.trustStorePassword=TsPw'] }),
        env: { SIEM_DOCTOR_STOREPASS: 'EnvPw' },
        configFile: parseConfigFile({
          path: 'c.json',
          text: '{"token": "FileTok", "storepass": "changeit"}',
        }),
      }),
    );
    expect(secrets).toEqual(expect.arrayContaining(['AgentTok', 'TsPw', 'EnvPw', 'FileTok']));
    expect(secrets).not.toContain('changeit'); // the JRE's public default
  });
});

describe('resolveConfig: bad values name their input, never a flag the user did not type', () => {
  const failure = (given: ResolveInput) => {
    try {
      resolveConfig(given);
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('no error');
  };

  it.each([
    [{ flag: { 'syslog-port': '70000' } }, 'syslog-port', '"70000" must be a whole number from 1 to 65535'],
    [
      { file: { 'syslog-port': '70000' } },
      'syslog-port',
      'syslog-port "70000" in /etc/siem-doctor.json must be a whole number from 1 to 65535',
    ],
    [
      { env: { 'portal-url': 'http://x' } },
      'portal-url',
      'SIEM_DOCTOR_PORTAL_URL "http://x": the portal answers',
    ],
    [{ flag: { proxy: 'http://p:1' } }, 'proxy', '"http://p:1": leave out "http://"'],
    [{ file: { proxy: 'http://p:1' } }, 'proxy', 'proxy "http://p:1" in /etc/siem-doctor.json: leave out'],
    [{ flag: { timeout: '0x10' } }, 'timeout', '"0x10" must be a number of seconds'],
    [
      { file: { protocol: 'sctp' } },
      'protocol',
      'protocol "sctp" in /etc/siem-doctor.json must be tcp or udp',
    ],
    [{ flag: { 'syslog-host': 'siem:514' } }, 'syslog-host', '"siem:514": give the port with --syslog-port'],
  ] as const)('%j', (values, role, message) => {
    const error = failure(input(values));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.input).toBe(role);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).not.toMatch(/^--/);
  });

  it('a damaged or empty CA file is a FileError about ca-file', () => {
    const given = {
      ...input({ flag: { 'ca-file': 'ca.pem' } }),
      caFile: { path: 'ca.pem', text: 'nothing' },
    };
    const error = failure(given);
    expect(error).toBeInstanceOf(FileError);
    expect(error).toMatchObject({
      input: 'ca-file',
      message: 'ca.pem holds no PEM certificate (-----BEGIN CERTIFICATE-----)',
    });
  });

  it('a CA file the caller did not read is its mistake (exit 1), never read here', () => {
    const unread = input({ flag: { 'ca-file': 'ca.pem' } });
    expect(() => resolveConfig(unread)).toThrow('ca.pem was not read');
    expect(() => resolveConfig(unread)).not.toThrow(FileError);
  });

  it('a config file that is not an object of known keys is a ConfigError about config', () => {
    const parse = (text: string) => () => parseConfigFile({ path: 'c.json', text });
    expect(parse('[1]')).toThrow(expect.objectContaining({ input: 'config', code: 'config' }));
    expect(parse('{"sylogHost": "x"}')).toThrow('c.json has an unknown key "sylogHost"');
    expect(parse('{"token": "Qk9PTQ==" ')).toThrow(/^c\.json is not valid JSON/);
    expect(parse('{"token": "Qk9PTQ==" ')).not.toThrow(/Qk9PTQ/);
    // V8 quotes the start of a file it cannot parse: an unquoted token would show in that quote
    expect(parse('{"token": QkSecretTokenValue0123}')).toThrow(
      'c.json is not valid JSON (line 1, column 11)',
    );
    expect(parse('{"token": QkSecretTokenValue0123}')).not.toThrow(/QkSecret/);
    expect(parse('"QkSecretTokenValue0123"x')).not.toThrow(/QkSecret/);
    // a value is named by the key as the file writes it
    const camel = {
      flags: {},
      argv: [],
      env: {},
      configFile: parseConfigFile({ path: 'c.json', text: '{"syslogPort": 0}' }),
    };
    expect(() => resolveConfig(camel)).toThrow('syslogPort "0" in c.json must be a whole number');
    expect(parseConfigFile({ path: 'c.json', text: '\uFEFF{"logs-directory": "/l"}' }).settings).toEqual({
      'logs-directory': '/l',
    });
  });
});
