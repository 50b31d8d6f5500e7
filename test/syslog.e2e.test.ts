// The SIEM side against real peers: Debian's rsyslog as the SIEM, logger and ncat as senders, and
// siem-doctor's own listener as a separate process.
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAgentLine, parseSyslogLine } from '../src/syslog/cef.js';
import { frame } from '../src/syslog/framing.js';
import { sendMessages } from '../src/syslog/sender.js';
import { sampleEvents } from '../src/syslog/test-events.js';
import { probeTcp } from '../src/probes/tcp.js';
import { closedPort, tcpServer } from './helpers/servers.js';
import dgram from 'node:dgram';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { RAW_CONTROL } from './helpers/terminal.js';
import { sendTest } from './helpers/cli.js';
import { waitFor } from './helpers/wait.js';

const BIN = path.join(ROOT, 'bin', 'run.js');
const SAMPLES = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);

describe('against rsyslog', () => {
  let dir: string;
  let rsyslog: ResultPromise;
  const ports = { agent: 0, framed: 0 };
  const log = (name: string) => readFile(path.join(dir, name), 'utf8').catch(() => '');
  const linesWith = async (name: string, needle: string) =>
    (await log(name)).split('\n').filter((l) => l.includes(needle));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-rsyslog-'));
    ports.agent = await closedPort();
    ports.framed = await closedPort();
    // `agent`: octet-counted framing off, as DOMAIN.md says an agent-facing input needs.
    // `framed`: rsyslog's defaults, which take a line starting with a digit as octet-counted.
    await writeFile(
      path.join(dir, 'rsyslog.conf'),
      `global(workDirectory="${dir}")
module(load="imtcp")
template(name="raw" type="string" string="%rawmsg%\\n")
ruleset(name="agent") { action(type="omfile" file="${dir}/agent.log" template="raw" flushOnTXEnd="on" asyncWriting="off") }
ruleset(name="framed") { action(type="omfile" file="${dir}/framed.log" template="raw" flushOnTXEnd="on" asyncWriting="off") }
input(type="imtcp" port="${ports.agent}" address="127.0.0.1" ruleset="agent" supportOctetCountedFraming="off")
input(type="imtcp" port="${ports.framed}" address="127.0.0.1" ruleset="framed")
`,
    );
    rsyslog = execa(
      'rsyslogd',
      ['-n', '-f', path.join(dir, 'rsyslog.conf'), '-i', path.join(dir, 'rsyslogd.pid')],
      {
        reject: false,
      },
    );
    for (const port of Object.values(ports)) {
      await waitFor('rsyslog to listen', async () =>
        (await probeTcp('127.0.0.1', port, 500)).ok ? true : undefined,
      );
    }
  });

  afterAll(async () => {
    rsyslog?.kill();
    await rsyslog;
  });

  it('stores the agent-format lines siem-doctor sends, byte for byte', async () => {
    const events = sampleEvents({ count: 7, runId: `siem-doctor-e2e-${Date.now()}`, version: '1.0.0' });
    const lines = events.map(formatAgentLine);
    const result = await sendMessages({
      host: '127.0.0.1',
      port: ports.agent,
      protocol: 'tcp',
      messages: lines.map((l) => frame(l, { framing: 'lf' })),
      timeoutMs: 3000,
    });
    expect(result).toMatchObject({ ok: true, sent: 7 });
    const stored = await waitFor('rsyslog to write', async () => {
      const found = await linesWith('agent.log', events[0]!.extension[0]![1].replace(/-1$/, ''));
      return found.length === 7 ? found : undefined;
    });
    expect(stored).toEqual(lines);
  });

  it('receives the syslog-send test event of `check`', async () => {
    const { stdout, exitCode } = await execa(
      BIN,
      [
        'check',
        '--only',
        'syslog-connection,syslog-send',
        '--syslog-host',
        '127.0.0.1',
        '--syslog-port',
        String(ports.agent),
        '--json',
      ],
      { reject: false },
    );
    expect(exitCode).toBe(0);
    const send = JSON.parse(stdout).checks.find((c: { id: string }) => c.id === 'syslog-send');
    expect(send.status).toBe('pass');
    const [line] = await waitFor('the test event', async () => {
      const found = await linesWith('agent.log', send.evidence.externalId);
      return found.length > 0 ? found : undefined;
    });
    const parsed = parseSyslogLine(line!);
    expect(parsed.ok && parsed.event.cef.signatureId).toBe('EVENT_CATEGORY_SIEM_DOCTOR_TEST');
    expect(Buffer.byteLength(`${line}\n`)).toBe(send.evidence.bytes);
  });

  it('send-test lands in rsyslog', async () => {
    const { stdout, exitCode } = await sendTest(ports.agent, '--count', '5', '--json');
    expect(exitCode).toBe(0);
    const { runId } = JSON.parse(stdout);
    const stored = await waitFor('send-test events', async () => {
      const found = await linesWith('agent.log', runId);
      return found.length === 5 ? found : undefined;
    });
    expect(stored.every((l) => parseSyslogLine(l).ok)).toBe(true);
  });

  it('shows the octet-counting pitfall: a default input drops agent lines but keeps them with PRI', async () => {
    const plain = await sendTest(ports.framed, '--count', '3', '--json');
    const withPri = await sendTest(ports.framed, '--count', '3', '--pri', '134', '--json');
    expect(withPri.exitCode).toBe(0);
    const priRun = JSON.parse(withPri.stdout).runId;
    await waitFor('the PRI events', async () =>
      (await linesWith('framed.log', priRun)).length === 3 ? true : undefined,
    );
    // the send "worked" as far as TCP can tell, and rsyslog kept nothing of it
    expect(JSON.parse(plain.stdout).ok).toBe(true);
    expect(await linesWith('framed.log', JSON.parse(plain.stdout).runId)).toEqual([]);
  });
});

describe('syslog listen as a process', () => {
  async function startListen(args: string[]) {
    const port = await closedPort();
    const child = execa(BIN, ['syslog', 'listen', '--port', String(port), ...args], { reject: false });
    await waitFor('listen to start', async () =>
      (await probeTcp('127.0.0.1', port, 300)).ok ? true : undefined,
    );
    return { port, child };
  }

  it('parses every sample line sent by ncat, and what logger sends, into the right fields', async () => {
    const { port, child } = await startListen([
      '--count',
      String(SAMPLES.length + 1),
      '--json',
      '--duration',
      '20',
    ]);
    await execa('ncat', ['-4', '--send-only', '127.0.0.1', String(port)], {
      input: `${SAMPLES.join('\n')}\n`,
    });
    await execa('logger', [
      '-n',
      '127.0.0.1',
      '-P',
      String(port),
      '-T',
      '--rfc3164',
      '-t',
      'mcas',
      'CEF:0|MCAS|SIEM_Agent|0.1|EVENT_CATEGORY_LOGIN|Log on|0|suser=logger@contoso.com destinationServiceName=Box',
    ]);
    const { stdout, exitCode } = await child;
    expect(exitCode).toBe(0);
    const records = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = records.pop().summary;
    expect(summary).toMatchObject({
      events: SAMPLES.length + 1,
      malformed: 0,
      alerts: 6,
      activities: SAMPLES.length - 5,
    });
    expect(records[0]).toMatchObject({
      framing: 'lf',
      timestamp: '2017-11-22T17:50:04.000Z',
      cef: { signatureId: 'EVENT_CATEGORY_LOGOUT', extension: { suser: 'admin@contoso.com' } },
    });
    const fromLogger = records.find((r) => r.cef.extension.suser === 'logger@contoso.com');
    expect(fromLogger).toMatchObject({
      cef: { name: 'Log on', extension: { destinationServiceName: 'Box' } },
    });
    expect(fromLogger.pri).toBeTypeOf('number');
  });

  it('takes several senders at once and counts a binary line as malformed without stopping', async () => {
    const { port, child } = await startListen(['--count', '4', '--duration', '20']);
    await Promise.all([
      execa('ncat', ['-4', '--send-only', '127.0.0.1', String(port)], {
        input: `${SAMPLES[0]}\n\u0000\u0001binary\u00ff\n${SAMPLES[1]}\n`,
      }),
      execa('ncat', ['-4', '--send-only', '127.0.0.1', String(port)], {
        input: `${SAMPLES[6]}\n${SAMPLES[7]}\n`,
      }),
    ]);
    const { stdout, exitCode } = await child;
    expect(exitCode).toBe(0);
    // three connections: the two ncat senders and the readiness probe of startListen
    expect(stdout).toMatch(/Received 4 events \(2 activities, 2 alerts\) from 1 sender over 3 connections/);
    expect(stdout).toContain('1 malformed');
    expect(stdout).toContain('First malformed message, from 127.0.0.1 (no CEF: in the line)');
  });

  it('lets no control character a sender put in events reach the terminal, in lines or summary', async () => {
    // ESC ]0; retitles the window, ESC [2J clears the screen, U+009B is CSI to an 8-bit terminal
    const hostile = '\u001b]0;title\u0007\u001b[2J\u009b31m\u007f';
    const line = `CEF:0|MCAS|SIEM_Agent|0.1|ALERT_${hostile}|Name ${hostile}|3|suser=u${hostile} destinationServiceName=a${hostile}`;
    const input =
      `junk ${hostile}\n` + // malformed: the summary quotes it
      `2024-03-01T10:00:00.000Z h${hostile} ${line}\n` + // the agent's header
      `<13>Mar  1 10:00:00 host ${line}\n`; // an RFC 3164 header
    for (const json of [false, true]) {
      const { port, child } = await startListen([
        '--count',
        '2',
        '--duration',
        '20',
        ...(json ? ['--json'] : []),
      ]);
      await execa('ncat', ['-4', '--send-only', '127.0.0.1', String(port)], { input });
      const { stdout, exitCode } = await child;
      expect(exitCode).toBe(0);
      expect(stdout).not.toMatch(RAW_CONTROL);
      if (json) {
        const records = stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(records.pop().summary.byCategory).toEqual({ [`ALERT_${hostile}`]: 2 }); // escaped, not lost
      } else {
        const masked = '?]0;title??[2J?31m?';
        expect(stdout).toContain(
          `2024-03-01T10:00:00.000Z  ALERT_${masked}  Name ${masked}  u${masked}  a${masked}\n`,
        );
        expect(stdout).toContain(`Mar  1 10:00:00  ALERT_${masked}`);
        expect(stdout).toContain(`  ALERT_${masked}  2\n`); // the summary's categories
        expect(stdout).toContain('First malformed message');
      }
    }
  });

  it('receives UDP from logger', async () => {
    const port = await closedPort();
    const child = execa(
      BIN,
      ['syslog', 'listen', '--port', String(port), '--protocol', 'udp', '--count', '1', '--duration', '20'],
      { reject: false },
    );
    await new Promise((r) => setTimeout(r, 600)); // UDP gives no way to see that it listens
    for (let i = 0; i < 20 && child.exitCode === null; i++) {
      await execa('logger', [
        '-n',
        '127.0.0.1',
        '-P',
        String(port),
        '-d',
        'CEF:0|MCAS|SIEM_Agent|0.1|ALERT_X|p|3|suser=udp@contoso.com',
      ]);
      await new Promise((r) => setTimeout(r, 100));
    }
    const { stdout, exitCode } = await child;
    expect(exitCode).toBe(0);
    expect(stdout).toContain('ALERT_X  p  udp@contoso.com');
  });

  it('exits 1 when nothing valid arrived', async () => {
    const port = await closedPort();
    const { exitCode, stdout } = await execa(
      BIN,
      ['syslog', 'listen', '--port', String(port), '--duration', '0.3'],
      { reject: false },
    );
    expect(exitCode).toBe(1);
    expect(stdout).toContain('No valid event arrived.');
  });

  it('exits 2 when the port is taken', async () => {
    const { port, child } = await startListen(['--duration', '5']);
    const { exitCode, stderr } = await execa(BIN, ['syslog', 'listen', '--port', String(port)], {
      reject: false,
    });
    child.kill('SIGINT');
    await child;
    expect(exitCode).toBe(2);
    expect(stderr.trim()).toBe(
      `Error: port ${port} on 127.0.0.1 is already in use: stop what listens there, or choose another --port`,
    );
  });

  it.each([
    [['--duration', '0x10'], '--duration "0x10" must be a number of seconds from 0.001 to'],
    [['--duration', '1e3'], '--duration "1e3" must be a number of seconds from 0.001 to'],
    [['--duration', 'Infinity'], '--duration "Infinity" must be a number of seconds from 0.001 to'],
    [
      ['--forward', '127.0.0.1:9', '--forward-timeout', '1e3'],
      '--forward-timeout "1e3" must be a number of seconds',
    ],
    [['--output', ''], '"" names no file: give a file name, e.g. --output recovered.log'],
  ])('refuses %j before it listens (exit 2)', async (args, message) => {
    const port = await closedPort();
    const { exitCode, stderr } = await execa(BIN, ['syslog', 'listen', '--port', String(port), ...args], {
      reject: false,
    });
    expect(exitCode).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('over UDP, a SIEM that cannot keep up leaves every event printed: "not printed" is for a full stdout only', async () => {
    const siem = await tcpServer((socket) => socket.pause()); // never reads
    const port = await closedPort();
    // stdout to a file: it always takes what is written (a pipe's reader may fall behind)
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-listen-udp-'));
    const out = createWriteStream(path.join(dir, 'events.jsonl'));
    await once(out, 'open'); // a stream with a file descriptor: the child writes to the file itself
    const listen = execa(
      BIN,
      [
        'syslog',
        'listen',
        '--port',
        String(port),
        '--protocol',
        'udp',
        '--forward',
        `127.0.0.1:${siem.port}/tcp`,
        '--json',
        '--duration',
        '60',
      ],
      { reject: false, stdout: out },
    );
    let stderr = '';
    listen.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor('listen to start', () => (stderr.includes(String(port)) ? true : undefined));
    // about 25 MB: more than the SIEM's system buffers and our own limit hold
    const socket = dgram.createSocket('udp4');
    for (let i = 0; i < 40_000; i++) {
      await new Promise((resolve) => socket.send(SAMPLES[i % SAMPLES.length]!, port, '127.0.0.1', resolve));
      if (i % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 1)); // let it read
    }
    socket.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    listen.kill('SIGINT');
    await listen;
    await siem.close();
    await new Promise((resolve) => out.close(resolve));
    const stdout = await readFile(path.join(dir, 'events.jsonl'), 'utf8');
    await rm(dir, { recursive: true, force: true });
    const lines = stdout.trim().split('\n');
    const { summary } = JSON.parse(lines.at(-1)!) as {
      summary: { events: number; notPrinted?: number; forward: { notForwarded: number } };
    };
    expect(summary.forward.notForwarded).toBeGreaterThan(0); // the SIEM was full
    expect(summary.events).toBeGreaterThan(0);
    expect(summary.notPrinted).toBeUndefined(); // stdout was read all along
    expect(lines.length - 1).toBe(summary.events);
  });

  it('a port in use leaves no --output file and says nothing of the SIEM: one line, exit 2', async () => {
    const { port, child } = await startListen(['--duration', '5']);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-listen-inuse-'));
    const file = path.join(dir, 'recovered.log');
    const siem = await closedPort(); // refuses: would say so if it were tried
    const { exitCode, stderr } = await execa(
      BIN,
      ['syslog', 'listen', '--port', String(port), '--output', file, '--forward', `127.0.0.1:${siem}`],
      { reject: false },
    );
    child.kill('SIGINT');
    await child;
    const created = await readFile(file).then(
      () => true,
      () => false,
    );
    await rm(dir, { recursive: true, force: true });
    expect(exitCode).toBe(2);
    expect(stderr.trim()).toBe(
      `Error: port ${port} on 127.0.0.1 is already in use: stop what listens there, or choose another --port`,
    );
    expect(created).toBe(false);
  });

  it('stops on Ctrl-C (SIGINT) with its summary', async () => {
    const { port, child } = await startListen([]);
    await execa('ncat', ['-4', '--send-only', '127.0.0.1', String(port)], { input: `${SAMPLES[0]}\n` });
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    const { stdout, exitCode } = await child;
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Received 1 event (');
  });
});
