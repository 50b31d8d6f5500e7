// The Linux executable, run where no node is: every feature, and the same verdicts as the npm form.
import { execa } from 'execa';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINUX_EXE, pathWithout, requireBuilt, withoutTimes } from '../helpers/exe.js';
import { CACERTS, FIXTURES, JRE, ROOT, brokenAgentLogs } from '../helpers/paths.js';
import { Terminal } from '../helpers/tmux.js';
import { closedPort } from '../helpers/servers.js';

let bin: { dir: string; PATH: string };
let work: string;
const env = () => ({ PATH: bin.PATH, HOME: work, LANG: 'C', LC_ALL: 'C', NO_COLOR: '1' });
const exe = (args: string[], options: { input?: string } = {}) =>
  execa(LINUX_EXE, args, {
    env: env(),
    extendEnv: false,
    reject: false,
    cwd: work,
    timeout: 30_000,
    ...options,
  });

beforeAll(async () => {
  requireBuilt(LINUX_EXE);
  bin = await pathWithout(['java', 'keytool']);
  work = await mkdtemp(path.join(os.tmpdir(), 'sd-exe-'));
});
afterAll(async () => {
  await rm(bin.dir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('the Linux executable without node on PATH', () => {
  it('has no node to fall back to', async () => {
    const which = await execa('/bin/sh', ['-c', 'command -v node'], {
      env: env(),
      extendEnv: false,
      reject: false,
    });
    expect(which.exitCode).not.toBe(0);
  });

  it('answers --version with its embedded Node 24', async () => {
    const result = await exe(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^siem-doctor\/\d+\.\d+\.\d+ linux-x64 node-v24\.\d+\.\d+$/);
  });

  it('starts commands from the code cache built in, which V8 takes', async () => {
    // The cache is only worth its megabyte if V8 accepts it: made by another V8 or for other
    // flags, it is rejected and every start compiles the bundle again. A flag that changes the
    // code V8 makes (--jitless) shows that the cache is there and checked.
    const debug = { ...env(), SIEM_DOCTOR_DEBUG: '1' };
    const taken = await execa(LINUX_EXE, ['check', '--only', 'lifecycle', '--json'], {
      env: debug,
      extendEnv: false,
      reject: false,
    });
    expect(taken.exitCode).toBe(0);
    expect(taken.stderr).not.toContain('code cache was rejected');
    const rejected = await execa(LINUX_EXE, ['check', '--only', 'lifecycle', '--json'], {
      env: { ...debug, NODE_OPTIONS: '--jitless' },
      extendEnv: false,
      reject: false,
    });
    expect(rejected.exitCode).toBe(0);
    expect(rejected.stderr).toContain('siem-doctor: the code cache was rejected');
  });

  it('reports check exactly as the npm form does, on the same inputs', async () => {
    const args = [
      'check',
      '--only',
      'java-runtime,java-tls,lifecycle',
      '--java-home',
      JRE('jre8u291'),
      '--json',
    ];
    const ours = await exe(args);
    const npm = await execa(process.execPath, [path.join(ROOT, 'bin', 'run.js'), ...args], {
      env: { ...env(), PATH: process.env.PATH! },
      extendEnv: false,
      reject: false,
      cwd: work,
    });
    expect(ours.exitCode).toBe(npm.exitCode);
    expect(withoutTimes(JSON.parse(ours.stdout))).toEqual(withoutTimes(JSON.parse(npm.stdout)));
    expect(JSON.parse(ours.stdout).checks.map((c: { id: string }) => c.id)).toEqual([
      'java-runtime',
      'java-tls',
      'lifecycle',
    ]);
  });

  it('writes text and JUnit too, and finds the java on PATH', async () => {
    const text = await exe(['check', '--only', 'java-runtime,lifecycle']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/PASS\s+java-runtime/);
    expect(text.stdout).toContain('found through PATH');
    const junit = await exe(['check', '--only', 'lifecycle', '--format', 'junit']);
    expect(junit.stdout).toMatch(/^<\?xml/);
    expect(junit.stdout).toContain('<testcase');
  });

  it('starts the JVM when the release file is missing (execa, bundled)', async () => {
    const result = await exe([
      'check',
      '--only',
      'java-runtime',
      '--java-home',
      JRE('jdk11-no-release'),
      '--json',
    ]);
    const [runtime] = JSON.parse(result.stdout).checks;
    expect(runtime.status).not.toBe('error');
    expect(JSON.stringify(runtime)).toContain('11.0.10');
  });

  it('lists the CAs of a JKS and a PKCS#12 keystore, and dry-runs an import', async () => {
    const jks = await exe(['certs', 'list', '--keystore', CACERTS]);
    expect(jks.exitCode).toBe(0);
    expect(jks.stdout).toContain('(JKS, 140 entries)');
    const p12 = path.join(work, 'cacerts.p12');
    await execa('keytool', [
      '-importkeystore',
      '-srckeystore',
      CACERTS,
      '-srcstorepass',
      'changeit',
      '-destkeystore',
      p12,
      '-deststoretype',
      'PKCS12',
      '-deststorepass',
      'changeit',
      '-noprompt',
    ]);
    const pkcs12 = await exe(['certs', 'list', '--keystore', p12]);
    expect(pkcs12.exitCode).toBe(0);
    expect(pkcs12.stdout).toContain('(PKCS12, 140 entries)');
    const copy = path.join(work, 'cacerts.jks');
    await copyFile(CACERTS, copy);
    const before = await readFile(copy);
    const dry = await exe([
      'certs',
      'import',
      '--keystore',
      copy,
      '--from',
      path.join(FIXTURES, 'azure-cas', 'microsoft-tls-rsa-root-g2-xsign.pem'),
      '--dry-run',
    ]);
    expect(dry.stdout).toContain('Microsoft TLS RSA Root G2');
    expect(await readFile(copy)).toEqual(before);
  });

  it('reads agent logs and writes a support bundle', async () => {
    const logs = await brokenAgentLogs();
    try {
      const result = await exe(['logs', logs]);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('Data server connection error');
      const out = path.join(work, 'bundle.json');
      const bundle = await exe([
        'bundle',
        '--logs-directory',
        logs,
        '--java-home',
        JRE('jre8u291'),
        '-o',
        out,
      ]);
      expect(bundle.exitCode).toBe(0);
      expect(JSON.parse(await readFile(out, 'utf8'))).toHaveProperty('report');
    } finally {
      await rm(logs, { recursive: true, force: true });
    }
  });

  it('sends test events to its own listener', async () => {
    const port = String(await closedPort());
    const listener = execa(
      LINUX_EXE,
      ['syslog', 'listen', '--port', port, '--count', '3', '--duration', '20'],
      {
        env: env(),
        extendEnv: false,
        reject: false,
        timeout: 30_000,
      },
    );
    let sent;
    for (let i = 0; i < 50; i++) {
      sent = await exe([
        'syslog',
        'send-test',
        '--syslog-host',
        '127.0.0.1',
        '--syslog-port',
        port,
        '--count',
        '3',
      ]);
      if (sent.exitCode === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent?.exitCode).toBe(0);
    const heard = await listener;
    expect(heard.exitCode).toBe(0);
    expect(heard.stdout).toMatch(/Received 3 events/);
  });

  it('shows help for a command and writes shell completion for bash, zsh and PowerShell', async () => {
    const help = await exe(['help', 'logs']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('USAGE');
    for (const shell of ['bash', 'zsh', 'powershell']) {
      const completion = await exe(['autocomplete', shell]);
      expect(completion.exitCode, completion.stderr).toBe(0);
      expect(completion.stdout).toContain('siem-doctor autocomplete script');
    }
  });

  it('runs init in a terminal through every question, and check takes the file it writes', async () => {
    // node is absent from this PATH (see the first test), as on a server that has only Java
    const dir = await mkdtemp(path.join(work, 'init-'));
    const logs = path.join(dir, 'agent logs');
    const line = `env -i PATH=${bin.PATH} HOME=${work} LANG=C TERM=xterm ${LINUX_EXE} init`;
    const first = await Terminal.start(`sd-exe-init-${process.pid}`, dir, line);
    try {
      await first.answer('Tenant portal URL', 'https://contoso.eu2.portal.cloudappsecurity.com');
      await first.answer('Proxy the agent is started with', 'proxy.contoso.local:8080');
      await first.answer('SIEM server name or address', '127.0.0.1');
      await first.answer('SIEM port', 'abc');
      await first.waitFor('a whole number from 1 to 65535');
      await first.keys('BSpace', 'BSpace', 'BSpace');
      await first.answer('SIEM port', '6514');
      await first.waitFor('SIEM protocol');
      await first.keys('Down', 'Enter');
      await first.answer('Java home the agent runs on', JRE('jre8u291'));
      await first.answer('logs directory', logs);
      await first.answer('Write the config to');
      await first.waitFor('The token is not stored there');
    } finally {
      await first.close();
    }
    const file = path.join(dir, 'siem-doctor.json');
    const written = await readFile(file, 'utf8');
    expect(JSON.parse(written)).toEqual({
      portalUrl: 'https://contoso.eu2.portal.cloudappsecurity.com',
      proxy: 'proxy.contoso.local:8080',
      syslogHost: '127.0.0.1',
      syslogPort: 6514,
      protocol: 'udp',
      javaHome: JRE('jre8u291'),
      logsDirectory: logs,
    });

    // asked again, it keeps the file unless told to replace it
    const again = await Terminal.start(`sd-exe-init2-${process.pid}`, dir, line);
    try {
      for (const prompt of [
        'Tenant portal URL',
        'Proxy the agent',
        'SIEM server name',
        'Java home',
        'logs directory',
      ]) {
        await again.answer(prompt);
      }
      await again.answer('Write the config to');
      await again.answer('siem-doctor.json exists. Replace it?');
      await again.waitFor('Nothing was changed.');
    } finally {
      await again.close();
    }
    expect(await readFile(file, 'utf8')).toBe(written);

    const check = await exe(['check', '--only', 'java-runtime', '--config', file, '--json']);
    const [runtime] = JSON.parse(check.stdout).checks;
    expect(runtime.status).toBe('pass');
    expect(runtime.message).toContain('1.8.0_291');
    expect(runtime.message).toContain(JRE('jre8u291'));
  }, 60_000);
});
