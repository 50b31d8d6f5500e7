// The Windows executable under Wine (Debian's wine64): paths with drive letters and spaces, a
// Windows-shaped JRE under Program Files (x86), CRLF logs in the agent's default folder, a support
// bundle, and syslog over Wine's sockets (TCP and UDP on 127.0.0.1, both ways, with the npm form
// at the other end).
// What Wine cannot stand in for (PowerShell's process list, the Windows certificate store) is
// unit-tested instead (test/probes/process.test.ts).
//
// Two things about Wine 8 itself, not about the executable:
// - Node 24's V8 reserves memory with Windows 10's placeholder API (VirtualAlloc2 with
//   MapViewOfFile3), which Wine 8 exports but does not implement, and stops at start. The test
//   runs a copy in which the name V8 looks up, "MapViewOfFile3", is misspelt by one byte, so that
//   V8 takes the fallback it has for Windows before 10; the test checks that this is the only byte
//   that differs from the release file.
// - Under Wine, Node cannot write to a pipe handed in as stdout; the runs write to files.
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt, WINDOWS_EXE } from '../helpers/exe.js';
import { CACERTS, FIXTURES, ROOT } from '../helpers/paths.js';
import { closedPort } from '../helpers/servers.js';
import { windowsJre } from '../helpers/windows.js';

let prefix: string;
let driveC: string;
let exe: string;
const JRE_HOME = 'C:\\Program Files (x86)\\Java\\jre1.8.0_291';
const KEYSTORE = `${JRE_HOME}\\lib\\security\\cacerts`;
const onC = (windowsPath: string) => path.join(driveC, ...windowsPath.replace(/^C:\\/, '').split('\\'));

interface WineRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Starts the executable under Wine; what it writes goes to files (see above), read once it ends. */
function startWine(args: string[]): Promise<WineRun> {
  const out = path.join(prefix, `out-${process.hrtime.bigint()}`);
  const [stdout, stderr] = [openSync(`${out}.1`, 'w'), openSync(`${out}.2`, 'w')];
  const child = spawn('wine', [exe, ...args], {
    env: {
      WINEPREFIX: prefix,
      WINEDEBUG: '-all',
      PATH: '/usr/bin:/bin',
      HOME: prefix,
      LANG: 'C',
      LC_ALL: 'C',
    },
    stdio: ['ignore', stdout, stderr],
    timeout: 60_000,
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(stdout);
      closeSync(stderr);
      Promise.all([readFile(`${out}.1`, 'utf8'), readFile(`${out}.2`, 'utf8')]).then(
        ([o, e]) => resolve({ exitCode: code ?? -1, stdout: o, stderr: e }),
        reject,
      );
    });
  });
}

/** The npm form, run by this machine's node: the other end of the syslog tests. */
const npmForm = (args: string[]) =>
  execa(process.execPath, [path.join(ROOT, 'bin', 'run.js'), ...args], {
    env: { ...process.env, NO_COLOR: '1' },
    reject: false,
    timeout: 60_000,
  });

/** `syslog listen` over `protocol` on 127.0.0.1:port until 3 events came (at most 50 s). */
const listenArgs = (protocol: string, port: string) => [
  'syslog',
  'listen',
  '--protocol',
  protocol,
  '--port',
  port,
  '--count',
  '3',
  '--duration',
  '50',
];
/** `syslog send-test` of `count` events over `protocol` to 127.0.0.1:port. */
const sendArgs = (protocol: string, port: string, count: number) => [
  'syslog',
  'send-test',
  '--protocol',
  protocol,
  '--syslog-host',
  '127.0.0.1',
  '--syslog-port',
  port,
  '--count',
  String(count),
];

beforeAll(async () => {
  const release = await readFile(requireBuilt(WINDOWS_EXE));
  prefix = await mkdtemp(path.join(os.tmpdir(), 'sd-wine-'));
  const env = { WINEPREFIX: prefix, WINEDEBUG: '-all', PATH: '/usr/bin:/bin', HOME: prefix };
  // The first start creates the prefix (wineboot); Node 24 refuses what Wine calls Windows 7.
  await execa('wine', ['winecfg', '/v', 'win10'], { env, extendEnv: false, timeout: 120_000 });
  driveC = path.join(prefix, 'drive_c');
  const runnable = Buffer.from(release);
  const at = runnable.indexOf('\0MapViewOfFile3\0');
  expect(at).toBeGreaterThan(0);
  runnable.write('X', at + '\0MapViewOfFile'.length);
  exe = onC('C:\\Program Files\\siem-doctor\\siem-doctor.exe');
  await mkdir(path.dirname(exe), { recursive: true });
  await writeFile(exe, runnable);
  let differing = 0;
  for (let i = 0; i < release.length; i++) if (release[i] !== runnable[i]) differing++;
  expect(differing).toBe(1);

  await windowsJre(onC('C:\\Program Files (x86)'), 'Java\\jre1.8.0_291', {
    version: '1.8.0_291',
    implementor: 'Oracle Corporation',
  });
  await mkdir(path.dirname(onC(KEYSTORE)), { recursive: true });
  await copyFile(CACERTS, onC(KEYSTORE));
  await mkdir(onC('C:\\certs for import'), { recursive: true });
  await copyFile(
    path.join(FIXTURES, 'azure-cas', 'microsoft-tls-rsa-root-g2-xsign.pem'),
    onC('C:\\certs for import\\root g2.pem'),
  );
  // The agent's logs as Windows writes them: CRLF line ends, in its default folder.
  const logs = onC('C:\\MCAS-SIEM-Agent\\Logs');
  await mkdir(logs, { recursive: true });
  const broken = path.join(FIXTURES, 'agent-logs', 'broken');
  for (const name of await readdir(broken)) {
    const text = await readFile(path.join(broken, name), 'utf8');
    await writeFile(path.join(logs, name), text.replace(/\r?\n/g, '\r\n'));
  }
}, 180_000);

afterAll(async () => {
  if (!prefix) return;
  await execa('wineserver', ['-k'], { env: { WINEPREFIX: prefix }, reject: false });
  await rm(prefix, { recursive: true, force: true });
});

describe('the Windows executable under Wine', () => {
  it('answers --version as win32-x64 with its embedded Node 24', async () => {
    const result = await startWine(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toMatch(/^siem-doctor\/\d+\.\d+\.\d+ win32-x64 node-v24\.\d+\.\d+$/);
  });

  it('judges a JRE under C:\\Program Files (x86) given with --java-home', async () => {
    const result = await startWine([
      'check',
      '--only',
      'java-runtime,lifecycle',
      '--java-home',
      JRE_HOME,
      '--json',
    ]);
    const report = JSON.parse(result.stdout);
    const runtime = report.checks.find((c: { id: string }) => c.id === 'java-runtime');
    expect(runtime.status).toBe('pass');
    expect(runtime.message).toContain(JRE_HOME);
    expect(runtime.message).toContain('1.8.0_291');
    expect(result.exitCode).toBe(0);
  });

  it('finds that JRE by itself, with no JAVA_HOME and no java on PATH', async () => {
    const result = await startWine(['check', '--only', 'java-runtime']);
    expect(result.stdout).toContain('found through Program Files');
    expect(result.stdout).toContain(JRE_HOME);
    // written to a file, not a console: no colour codes
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('lists the keystore of that JRE and dry-runs an import from a path with spaces', async () => {
    const list = await startWine(['certs', 'list', '--keystore', KEYSTORE]);
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toContain(`${KEYSTORE} (JKS, 140 entries)`);
    const before = await readFile(onC(KEYSTORE));
    const dry = await startWine([
      'certs',
      'import',
      '--keystore',
      KEYSTORE,
      '--from',
      'C:\\certs for import\\root g2.pem',
      '--dry-run',
    ]);
    expect(dry.stdout).toContain('Microsoft TLS RSA Root G2');
    expect(await readFile(onC(KEYSTORE))).toEqual(before);
  });

  it('names a missing keystore by the Windows path as typed (exit 2)', async () => {
    const typed = 'C:\\Program Files\\Java\\jre-1.8\\lib\\security\\cacerts';
    const result = await startWine(['certs', 'list', '--keystore', typed]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(typed);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the CRLF logs of C:\\MCAS-SIEM-Agent\\Logs by default', async () => {
    const result = await startWine(['logs']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Data server connection error');
    expect(result.stdout).toContain('Issue with new versions of Java');
    expect(result.stdout).not.toContain('\r');
  });

  it('writes a support bundle to a folder with a space, with the tail of the CRLF logs', async () => {
    const out = 'C:\\support files\\siem-doctor bundle.json';
    await mkdir(path.dirname(onC(out)), { recursive: true });
    const result = await startWine(['bundle', '--java-home', JRE_HOME, '-o', out]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(out);
    const bundle = JSON.parse(await readFile(onC(out), 'utf8'));
    expect(bundle.machine.platform).toBe('win32');
    expect(bundle.java.home).toBe(JRE_HOME);
    // the agent's log, read from C:\MCAS-SIEM-Agent\Logs with no folder given
    expect(bundle.logTail.file).toBe('siem-agent.log');
    expect(bundle.logTail.lines.length).toBeGreaterThan(0);
    expect(bundle.logTail.lines.join('\n')).not.toContain('\r');
    expect(bundle.report.checks.find((c: { id: string }) => c.id === 'java-runtime').status).toBe('pass');
  });

  for (const protocol of ['tcp', 'udp'] as const) {
    it(`sends test events over ${protocol} to a listener on 127.0.0.1 (the npm form's)`, async () => {
      const port = String(await closedPort(protocol));
      const listener = npmForm(listenArgs(protocol, port));
      // send once it listens (it says so on stderr), not before
      await new Promise<void>((resolve) => {
        const onData = (chunk: Buffer) => {
          if (chunk.toString().includes('Listening on')) resolve();
        };
        listener.stderr?.on('data', onData);
        listener.stdout?.on('data', onData);
        void listener.finally(resolve); // it ended without listening: the expectations below say how
      });
      const sent = await startWine(sendArgs(protocol, port, 3));
      expect(sent.exitCode, sent.stderr).toBe(0);
      expect(sent.stdout).toContain(`Sent 3 events`);
      const heard = await listener;
      expect(heard.exitCode).toBe(0);
      expect(heard.stdout).toMatch(/Received 3 events/);
      expect(heard.stdout).toContain('EVENT_CATEGORY_LOGOUT');
    }, 60_000);

    it(`listens over ${protocol} and counts what a sender sends it`, async () => {
      const port = String(await closedPort(protocol));
      const listening = startWine(listenArgs(protocol, port));
      let ended = false;
      void listening.finally(() => (ended = true));
      // Under Wine its output is a file, read at the end: so the sender tries until it is heard.
      // Over UDP nothing says whether anyone listened; events sent before it did are simply lost.
      for (let i = 0; i < 60 && !ended; i++) {
        await npmForm(sendArgs(protocol, port, protocol === 'tcp' ? 3 : 1));
        await new Promise((r) => setTimeout(r, 300));
      }
      const heard = await listening;
      expect(heard.exitCode, heard.stderr).toBe(0);
      expect(heard.stdout).toMatch(/Received 3 events/);
      expect(heard.stdout).toContain('Senders: 127.0.0.1');
    }, 60_000);
  }
});
