// --from-process against a real running process that looks like the agent: a JRE home whose
// bin/java is a script that waits, started as `java -D… -jar mcas-siemagent-….jar --token … …`.
import { execa } from 'execa';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgentArgv, splitWindowsCommandLine } from '../src/probes/process.js';
import { doctor } from './helpers/cli.js';
import { brokenAgentLogs, JRE } from './helpers/paths.js';

const TOKEN = 'RnJvbVByb2Nlc3NUb2tlbk5ldmVyU2hvd24wMTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcA==';

describe('reading the agent’s command line', () => {
  it('takes the JVM options, the jar and the agent’s own flags', () => {
    const agent = parseAgentArgv(42, [
      '/opt/jre/bin/java',
      '-Xmx1g',
      '-Dhttps.protocols=TLSv1.2',
      '-jar',
      'mcas-siemagent-0.87.20-signed.jar',
      '--logsDirectory',
      '/var/log/mcas',
      '--proxy=proxy:8080',
      '--token',
      'T0KEN',
    ]);
    expect(agent).toEqual({
      pid: 42,
      javaBinary: '/opt/jre/bin/java',
      javaOptions: ['-Xmx1g', '-Dhttps.protocols=TLSv1.2'],
      jar: 'mcas-siemagent-0.87.20-signed.jar',
      logsDirectory: '/var/log/mcas',
      proxy: 'proxy:8080',
      token: 'T0KEN',
    });
    expect(parseAgentArgv(1, ['java', '-jar', 'other.jar'])).toBeUndefined();
  });

  it('splits a Windows command line as the C runtime does', () => {
    expect(
      splitWindowsCommandLine(
        '"C:\\Program Files\\Java\\jre1.8.0_291\\bin\\java.exe" -jar mcas-siemagent-0.87.20-signed.jar --token "a b" --logsDirectory C:\\MCAS-SIEM-Agent\\Logs\\',
      ),
    ).toEqual([
      'C:\\Program Files\\Java\\jre1.8.0_291\\bin\\java.exe',
      '-jar',
      'mcas-siemagent-0.87.20-signed.jar',
      '--token',
      'a b',
      '--logsDirectory',
      'C:\\MCAS-SIEM-Agent\\Logs\\',
    ]);
  });
});

/** A process that looks like the agent: a copied JRE home whose bin/java waits, started with `args`. */
async function startFakeAgent(args: (home: string) => Promise<string[]>) {
  const home = await mkdtemp(path.join(os.tmpdir(), 'sd-agent-jre-'));
  await cp(JRE('jre8u291'), home, { recursive: true });
  await writeFile(
    path.join(home, 'bin', 'java'),
    '#!/bin/sh\n# stands in for the agent: waits, does nothing\nsleep 30\n',
  );
  await chmod(path.join(home, 'bin', 'java'), 0o755);
  const agent = execa(path.join(home, 'bin', 'java'), await args(home), { reject: false, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  const stop = async () => {
    agent.kill();
    await agent;
    await rm(home, { recursive: true, force: true });
  };
  return { home, stop };
}

describe.runIf(process.platform === 'linux')('check --from-process', () => {
  let agent: Awaited<ReturnType<typeof startFakeAgent>>;
  let home: string;
  beforeAll(async () => {
    agent = await startFakeAgent(async () => [
      '-Djdk.tls.client.protocols=TLSv1.1',
      '-jar',
      '/opt/mcas/mcas-siemagent-0.87.20-signed.jar',
      '--logsDirectory',
      await brokenAgentLogs(),
      '--proxy',
      'http://proxy.contoso.local:8080',
      '--token',
      TOKEN,
    ]);
    home = agent.home;
  });
  afterAll(() => agent.stop());

  it('diagnoses the agent as it runs: its JRE, its -D options, its proxy, its logs, its token unseen', async () => {
    const { stdout, exitCode } = await doctor([
      'check',
      '--from-process',
      '--only',
      'java-runtime,java-tls,token,proxy,agent-logs',
      '--json',
    ]);
    expect(exitCode).toBe(1);
    expect(stdout).not.toContain(TOKEN);
    const checks = Object.fromEntries(JSON.parse(stdout).checks.map((c: { id: string }) => [c.id, c]));
    expect(checks['java-runtime']).toMatchObject({
      status: 'pass',
      evidence: { home, source: 'agent process', version: '1.8.0_291' },
    });
    expect(checks['java-tls']).toMatchObject({ status: 'fail', documentedError: 'TLS 1.2 required' });
    expect(checks['java-tls'].message).toBe(
      "the agent's command line sets -Djdk.tls.client.protocols=TLSv1.1, which leaves TLS 1.2 out",
    );
    expect(checks.proxy).toMatchObject({ status: 'fail', documentedError: 'Invalid proxy address' });
    expect(checks.proxy.message).toContain('leave out "http://"');
    expect(checks.token.status).toBe('skip'); // well formed; no portal given to confirm it
    expect(checks['agent-logs']).toMatchObject({
      status: 'fail',
      documentedError: 'Data server connection error',
    });
  });

  it('judges the JRE the agent runs on, and says that a --java-home naming another is not it', async () => {
    const { stdout } = await doctor([
      'check',
      '--from-process',
      '--only',
      'java-runtime',
      '--java-home',
      JRE('jre8u281'),
      '--json',
    ]);
    const [runtime] = JSON.parse(stdout).checks;
    // the agent's own JRE (8u291) is the one judged, not the 8u281 the flag names
    expect(runtime.evidence).toMatchObject({
      home,
      source: 'agent process',
      version: '1.8.0_291',
      namedJavaHome: JRE('jre8u281'),
      namedBy: '--java-home',
    });
    expect(runtime.status).toBe('warn');
    expect(runtime.message).toBe(
      `Oracle Corporation 1.8.0_291 in ${home} is the Java the running agent uses, and is the one judged here; --java-home names ${JRE('jre8u281')}, which the agent does not run on (an update may have moved it): leave it out, or point it at ${home}`,
    );
  });

  it('asks the agent’s JRE even when JAVA_HOME names another, without a warning for it', async () => {
    const { stdout } = await doctor(['check', '--from-process', '--only', 'java-runtime', '--json'], {
      JAVA_HOME: JRE('jre8u281'),
    });
    const [runtime] = JSON.parse(stdout).checks;
    expect(runtime).toMatchObject({ status: 'pass', evidence: { home, source: 'agent process' } });
  });

  it('lets the other flags win over what the process says', async () => {
    const { stdout } = await doctor([
      'check',
      '--from-process',
      '--only',
      'proxy',
      '--proxy',
      'proxy.contoso.local:3128',
      '--json',
    ]);
    const [proxy] = JSON.parse(stdout).checks;
    // the flag's proxy is judged (well formed), not the agent's "http://…" that it rejects
    expect(proxy.message).not.toContain('leave out "http://"');
    expect(JSON.stringify(proxy)).toContain('proxy.contoso.local:3128');
  });
});

describe.runIf(process.platform === 'linux')('--from-process: the agent’s secrets', () => {
  const token = 'QWdlbnRTZWNyZXRUb2tlbk5vdEluQW55T3V0cHV0MDEyMzQ1Njc4OWFiY2RlZmdoaWpr';
  const proxyPassword = 'AgentPr0xyPw';
  const trustStorePassword = 'TrustSt0rePw';
  const secrets = [token, proxyPassword, trustStorePassword];
  let agent: Awaited<ReturnType<typeof startFakeAgent>>;
  let logs: string;
  beforeAll(async () => {
    agent = await startFakeAgent(async (home) => {
      logs = path.join(home, 'logs');
      await mkdir(logs);
      // the secrets bare, next to no word that gives them away: only knowing them catches them
      await writeFile(
        path.join(logs, 'agent.log'),
        `ERROR Data server connection error; sent ${token} via ${proxyPassword} with ${trustStorePassword}\n`,
      );
      return [
        `-Djavax.net.ssl.trustStorePassword=${trustStorePassword}`,
        '-jar',
        '/opt/mcas/mcas-siemagent-0.87.20-signed.jar',
        '--logsDirectory',
        logs,
        '--proxy',
        `bob:${proxyPassword}@proxy.contoso.local:8080`,
        '--token',
        token,
      ];
    });
  });
  afterAll(() => agent.stop());

  // The stand-in's java never answers the JVM probe: each run waits out the probe's allowance.
  it('none reaches check --json, logs or the bundle', { timeout: 90_000 }, async () => {
    const check = await doctor(['check', '--from-process', '--only', 'java-tls,proxy,agent-logs', '--json']);
    const checks = JSON.parse(check.stdout).checks;
    expect(checks.find((c: { id: string }) => c.id === 'proxy').evidence.proxy).toBe(
      '<redacted>@proxy.contoso.local:8080',
    );
    const bundleFile = path.join(agent.home, 'bundle.json');
    const outputs = [
      check.stdout + check.stderr,
      // one after the other: doctor() runs in this process and captures its output
      (await doctor(['logs', '--from-process'])).stdout,
      (await doctor(['logs', '--from-process', '--json'])).stdout,
      (await doctor(['bundle', '--from-process', '--output', bundleFile])).stderr,
      await readFile(bundleFile, 'utf8'),
    ];
    expect(outputs[1]).toContain('sent <redacted> via <redacted> with <redacted>');
    expect(outputs[2]).toContain('sent <redacted> via <redacted> with <redacted>');
    expect(outputs[4]).toContain('sent <redacted> via <redacted> with <redacted>');
    for (const out of outputs) for (const secret of secrets) expect(out).not.toContain(secret);
  });
});

describe('without a running agent', () => {
  it('--from-process says so and exits 2', async () => {
    const result = await doctor(['logs', '--from-process']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim()).toBe(
      'Error: --from-process: no running SIEM agent found (looked for java -jar mcas-siemagent*.jar); give its settings as flags instead',
    );
  });
});
