// The recovery procedure carried through by `syslog listen` (issue #13), as a process, against
// real peers: Debian's rsyslog as the SIEM (imtcp → omfile with %rawmsg%, in the foreground with
// its own config, pid file and work folder), a SIEM that resets mid-stream and is down for a
// while, a UDP receiver, and the project's own sender (`syslog send-test`, src/syslog/sender.ts).
import { execa, type ResultPromise } from 'execa';
import net from 'node:net';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAgentLine } from '../../../src/syslog/cef.js';
import { frame } from '../../../src/syslog/framing.js';
import { sendMessages } from '../../../src/syslog/sender.js';
import { sampleEvents } from '../../../src/syslog/test-events.js';
import { probeTcp } from '../../../src/probes/tcp.js';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { doctor, sendTest } from '../../helpers/cli.js';
import { measuredCli } from '../../helpers/measured.js';
import { FIXTURES, ROOT } from '../../helpers/paths.js';
import { closedPort, udpServer } from '../../helpers/servers.js';
import { waitFor } from '../../helpers/wait.js';

const BIN = path.join(ROOT, 'bin', 'run.js');
const tmp = () => mkdtemp(path.join(os.tmpdir(), 'sd-listen-recovery-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `siem-doctor syslog listen --port <free> …` as a process; resolves once it says it listens. */
async function listen(args: string[]) {
  const port = await closedPort();
  const child = execa(BIN, ['syslog', 'listen', '--port', String(port), ...args], {
    reject: false,
    maxBuffer: 512 * 1024 * 1024,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // its first line says where it listens, in any language
  await waitFor('listen to start', () => (stderr.includes(`:${port}/`) ? true : undefined));
  return { port, child, stderr: () => stderr };
}

/** Agent-format lines of a run of its own (externalId <runId>-1 …). */
function agentLines(
  count: number,
  runId = `recovery-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
) {
  return sampleEvents({ count, runId, version: '1.0.0' }).map(formatAgentLine);
}

const lf = (lines: string[]) => lines.map((line) => frame(line, { framing: 'lf' }));
const linesOf = (text: string) => text.split('\n').filter(Boolean);
/** The summary: the last JSON line of listen --json. */
const summaryOf = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').at(-1)!).summary;

describe('listen --forward to a real rsyslog', () => {
  let dir: string;
  let rsyslog: ResultPromise;
  const ports = { agent: 0, framed: 0 };
  const stored = async (name: string, needle: string) =>
    linesOf(await readFile(path.join(dir, name), 'utf8').catch(() => '')).filter((l) => l.includes(needle));

  beforeAll(async () => {
    dir = await tmp();
    ports.agent = await closedPort();
    ports.framed = await closedPort();
    // `agent`: octet counting off, as an input for the agent's lines needs (DOMAIN.md);
    // `framed`: rsyslog's defaults, where octet-counted messages are read as such.
    await writeFile(
      path.join(dir, 'rsyslog.conf'),
      `global(workDirectory="${dir}" maxMessageSize="64k")
module(load="imtcp")
template(name="raw" type="string" string="%rawmsg%\\n")
ruleset(name="agent") { action(type="omfile" file="${dir}/agent.log" template="raw") }
ruleset(name="framed") { action(type="omfile" file="${dir}/framed.log" template="raw") }
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
    for (const port of Object.values(ports))
      await waitFor('rsyslog to listen', async () =>
        (await probeTcp('127.0.0.1', port, 500)).ok ? true : undefined,
      );
  });

  afterAll(async () => {
    rsyslog?.kill();
    await rsyslog;
  });

  it('gets every message byte for byte, line-feed framed and octet-counted, and --output holds the same', async () => {
    const cases = [
      { input: ports.agent, log: 'agent.log', flags: [] as string[] },
      { input: ports.framed, log: 'framed.log', flags: ['--framing', 'octet', '--pri', '134'] },
    ];
    for (const { input, log, flags } of cases) {
      const out = path.join(await tmp(), 'recovered.log');
      const { port, child } = await listen([
        '--forward',
        `127.0.0.1:${input}`,
        '--output',
        out,
        '--count',
        '500',
        '--duration',
        '60',
      ]);
      const sent = await sendTest(port, '--count', '500', '--json', ...flags);
      expect(sent.exitCode).toBe(0);
      const { runId } = JSON.parse(sent.stdout);
      const { stdout, exitCode } = await child;
      expect(exitCode).toBe(0);
      expect(stdout).toContain('Forwarding to 127.0.0.1:');
      expect(stdout).toContain(': 500 received, 500 forwarded, 0 not forwarded');
      const kept = linesOf(await readFile(out, 'utf8'));
      expect(kept).toHaveLength(500);
      expect(kept.every((line, i) => line.includes(`externalId=${runId}-${i + 1} `))).toBe(true);
      if (flags.length > 0) expect(kept.every((line) => line.startsWith('<134>'))).toBe(true);
      const inSiem = await waitFor('rsyslog to write the run', async () => {
        const found = await stored(log, runId);
        return found.length === 500 ? found : undefined;
      });
      expect(inSiem).toEqual(kept);
    }
  }, 60_000);

  it('relays 100,000 events from send-test with an exact count', async () => {
    const events = 100_000;
    const out = path.join(await tmp(), 'recovered.log');
    const { port, child } = await listen([
      '--forward',
      `127.0.0.1:${ports.agent}`,
      '--output',
      out,
      '--count',
      String(events),
      '--duration',
      '120',
    ]);
    const started = performance.now();
    const sent = await sendTest(port, '--count', String(events), '--json');
    expect(sent.exitCode).toBe(0);
    const { runId } = JSON.parse(sent.stdout);
    const { stdout, exitCode } = await child;
    const relayed = performance.now();
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`Received ${events} events`);
    expect(stdout).toContain(`: ${events} received, ${events} forwarded, 0 not forwarded`);
    const inSiem = await waitFor(
      'rsyslog to write 100,000 lines',
      async () => {
        const found = await stored('agent.log', runId);
        return found.length >= events ? found : undefined;
      },
      60_000,
    );
    const kept = linesOf(await readFile(out, 'utf8'));
    expect(kept).toHaveLength(events);
    expect(inSiem).toEqual(kept);
    expect(new Set(kept.map((line) => /externalId=(\S+)/.exec(line)?.[1])).size).toBe(events);
    // a figure for the report, not a bound: speed is measured in bench/
    console.log(
      `100,000 events relayed: listen done after ${((relayed - started) / 1000).toFixed(2)} s, in rsyslog after ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  }, 180_000);
});

describe('listen --forward to a SIEM that fails', () => {
  it('resets mid-stream, then is down a while: nothing is lost that --output does not keep, and the counts say so', async () => {
    // The SIEM: its first connection is reset after 64 KB, and it stops listening until told
    const connections: Buffer[][] = [];
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      const mine: Buffer[] = [];
      connections.push(mine);
      let bytes = 0;
      socket.on('data', (chunk) => {
        mine.push(chunk);
        bytes += chunk.length;
        if (connections.length === 1 && bytes >= 64 * 1024) {
          socket.resetAndDestroy();
          server.close();
        }
      });
    });
    const siemPort = await closedPort();
    server.listen(siemPort, '127.0.0.1');
    await once(server, 'listening');
    const out = path.join(await tmp(), 'recovered.log');
    const { port, child, stderr } = await listen([
      '--forward',
      `127.0.0.1:${siemPort}`,
      '--output',
      out,
      '--json',
    ]);
    try {
      const lines = agentLines(6000);
      const send = (part: string[]) =>
        sendMessages({ host: '127.0.0.1', port, protocol: 'tcp', messages: lf(part), timeoutMs: 5000 });
      // 1: the stream, during which the SIEM resets
      expect((await send(lines.slice(0, 3000))).ok).toBe(true);
      await waitFor('the reset to be reported', () =>
        stderr().includes('reset the connection') ? true : undefined,
      );
      // 2: the SIEM is down
      expect((await send(lines.slice(3000, 5000))).ok).toBe(true);
      await sleep(300);
      // 3: it is back; listen reconnects by itself
      server.listen(siemPort, '127.0.0.1');
      await once(server, 'listening');
      await waitFor('listen to reconnect', () => (connections.length >= 2 ? true : undefined), 15_000);
      expect((await send(lines.slice(5000))).ok).toBe(true);
      await waitFor('forwarding again', () => (/ again$/m.test(stderr()) ? true : undefined));
      await waitFor('listen to receive everything', async () =>
        linesOf(await readFile(out, 'utf8')).length === lines.length ? true : undefined,
      );
      child.kill('SIGTERM');
      const { stdout, exitCode } = await child;
      expect(exitCode).toBe(0);

      // --output holds every message, in order, byte for byte
      expect(await readFile(out, 'utf8')).toBe(`${lines.join('\n')}\n`);
      const summary = summaryOf(stdout);
      expect(summary).toMatchObject({
        received: 6000,
        stoppedBy: 'signal',
        output: { messages: 6000, notKept: 0 },
      });
      const { forwarded, notForwarded, unconfirmed, outages, problems } = summary.forward;
      expect(forwarded + notForwarded).toBe(6000);
      expect(notForwarded).toBeGreaterThanOrEqual(2000); // at least what came while it was down
      expect(outages).toBe(1);
      expect(problems[0].kind).toBe('reset');
      // what the SIEM got, whole, is in --output in the same order; what went on the connection it
      // did not break all arrived; only the broken connection's share is unknown, and said so
      const whole = connections.flatMap((chunks) => {
        const got = Buffer.concat(chunks).toString().split('\n');
        got.pop(); // the unfinished end (the reset cut a message), or '' after the last line feed
        return got;
      });
      let at = 0;
      for (const line of whole) {
        at = lines.indexOf(line, at);
        expect(at).toBeGreaterThanOrEqual(0);
      }
      expect(whole.length).toBeGreaterThanOrEqual(forwarded - unconfirmed);
      expect(whole.length).toBeLessThanOrEqual(forwarded);
      expect(whole.slice(-1000)).toEqual(lines.slice(5000));
      // one line when it broke, one when it worked again: not one per failed retry
      const said = stderr()
        .split('\n')
        .filter((line) => line.startsWith('Forwarding to'));
      expect(said).toHaveLength(2); // the reset, and "again"
      expect(said[0]).toContain(`kept in ${out}`);
      expect(said[1]).toBe(`Forwarding to 127.0.0.1:${siemPort}/tcp again`);
    } finally {
      child.kill();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  }, 90_000);

  it('refuses from the start: said once, in French with --lang fr, every message kept in --output', async () => {
    const siemPort = await closedPort();
    const out = path.join(await tmp(), 'recovered.log');
    const { port, child, stderr } = await listen([
      '--forward',
      `127.0.0.1:${siemPort}`,
      '--output',
      out,
      '--count',
      '20',
      '--duration',
      '30',
      '--lang',
      'fr',
    ]);
    const lines = agentLines(20);
    expect(
      (await sendMessages({ host: '127.0.0.1', port, protocol: 'tcp', messages: lf(lines), timeoutMs: 5000 }))
        .ok,
    ).toBe(true);
    const { stdout, exitCode } = await child;
    expect(exitCode).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(`${lines.join('\n')}\n`);
    expect(
      stderr()
        .split('\n')
        .filter((l) => l.includes('le SIEM a refusé la connexion')),
    ).toHaveLength(1);
    expect(stdout).toContain(': 20 reçus, 0 relayés, 20 non relayés');
    expect(stdout).toContain(`Les 20 messages non relayés sont dans ${out}`);
  }, 30_000);
});

describe('listen --output and --forward over UDP', () => {
  it('UDP in, UDP out: one datagram per message, byte for byte, and the same in --output', async () => {
    const peer = await udpServer();
    try {
      const out = path.join(await tmp(), 'udp.log');
      const { port, child } = await listen([
        '--protocol',
        'udp',
        '--forward',
        `127.0.0.1:${peer.port}`,
        '--output',
        out,
        '--count',
        '50',
        '--duration',
        '30',
        '--json',
      ]);
      const lines = agentLines(50);
      const result = await sendMessages({
        host: '127.0.0.1',
        port,
        protocol: 'udp',
        messages: lf(lines),
        timeoutMs: 3000,
      });
      expect(result.ok).toBe(true);
      const { stdout, exitCode } = await child;
      expect(exitCode).toBe(0);
      await waitFor('the datagrams', () => (peer.messages.length >= 50 ? true : undefined), 5000);
      expect(peer.messages.map(String)).toEqual(lines);
      expect(linesOf(await readFile(out, 'utf8'))).toEqual(lines);
      expect(summaryOf(stdout).forward).toMatchObject({ protocol: 'udp', forwarded: 50, notForwarded: 0 });
    } finally {
      await peer.close();
    }
  }, 30_000);

  it('TCP in, /udp out', async () => {
    const peer = await udpServer();
    try {
      const { port, child } = await listen([
        '--forward',
        `127.0.0.1:${peer.port}/udp`,
        '--count',
        '10',
        '--duration',
        '30',
      ]);
      const lines = agentLines(10);
      await sendMessages({ host: '127.0.0.1', port, protocol: 'tcp', messages: lf(lines), timeoutMs: 3000 });
      const { stdout, exitCode } = await child;
      expect(exitCode).toBe(0);
      expect(stdout).toContain(
        `Forwarding to 127.0.0.1:${peer.port}/udp: 10 received, 10 forwarded, 0 not forwarded`,
      );
      await waitFor('the datagrams', () => (peer.messages.length >= 10 ? true : undefined), 5000);
      expect(peer.messages.map(String)).toEqual(lines);
    } finally {
      await peer.close();
    }
  }, 30_000);
});

describe('listen --output rotated by size', () => {
  it('keeps the newest files of at most the size, in order, flushed and closed on SIGTERM', async () => {
    const dir = await tmp();
    const out = path.join(dir, 'recovered.log');
    const { port, child } = await listen([
      '--output',
      out,
      '--output-max-size',
      '64K',
      '--output-files',
      '3',
      '--json',
    ]);
    const lines = agentLines(2000); // some 1.2 MB: about 19 files of 64 KB
    expect(
      (await sendMessages({ host: '127.0.0.1', port, protocol: 'tcp', messages: lf(lines), timeoutMs: 5000 }))
        .ok,
    ).toBe(true);
    // every message is in (the listener counts it) before the stop
    await waitFor('the last event', async () => {
      const text = await readFile(out, 'utf8').catch(() => '');
      return text.endsWith(`${lines.at(-1)}\n`) ? true : undefined;
    });
    child.kill('SIGTERM');
    const { stdout, exitCode } = await child;
    expect(exitCode).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([
      'recovered.log',
      'recovered.log.1',
      'recovered.log.2',
      'recovered.log.3',
    ]);
    const files = [`${out}.3`, `${out}.2`, `${out}.1`, out];
    for (const file of files) expect((await stat(file)).size).toBeLessThanOrEqual(64 * 1024);
    const kept = linesOf((await Promise.all(files.map((f) => readFile(f, 'utf8')))).join(''));
    const summary = summaryOf(stdout);
    expect(summary.output).toMatchObject({ messages: 2000, keep: 3, maxBytes: 65536 });
    expect(summary.output.rotations).toBeGreaterThan(3);
    expect(kept).toEqual(lines.slice(summary.output.rotatedAway));
  }, 30_000);
});

describe('listen: bad input and what it prints', () => {
  it.each([
    [
      ['--forward', 'siem.contoso.local'],
      /^Error: --forward "siem.contoso.local" has no port: give HOST:PORT\[\/tcp\|udp\]/,
    ],
    [
      ['--forward', '2001:db8::5:514'],
      /^Error: --forward "2001:db8::5:514" is an IPv6 address without brackets/,
    ],
    [
      ['--forward', 'no-such-host.invalid:514'],
      /^Error: --forward: the SIEM's name no-such-host.invalid does not resolve/,
    ],
    [
      ['--output', 'x.log', '--output-max-size', '5parsecs'],
      /^Error: --output-max-size "5parsecs" is not a size of at least 1 KB/,
    ],
    [['--output-files', '3'], /--output-max-size/],
    [
      ['--forward-timeout', '0', '--forward', '127.0.0.1:9'],
      /^Error: --forward-timeout "0" must be a number of seconds/,
    ],
  ])('%j: one line, exit 2', async (flags, message) => {
    const { exitCode, stderr } = await doctor(['syslog', 'listen', '--port', '5599', ...flags]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });

  it.each([
    [
      ['--lang', 'fr', '--forward', 'siem.contoso.local'],
      'Erreur : --forward "siem.contoso.local" n’a pas de port : donnez HÔTE:PORT[/tcp|udp], par ex. siem.contoso.local:514/tcp ou [2001:db8::5]:514',
    ],
    [
      ['--lang', 'fr', '--forward', '2001:db8::5:514'],
      'Erreur : --forward "2001:db8::5:514" est une adresse IPv6 sans crochets : donnez HÔTE:PORT[/tcp|udp], par ex. siem.contoso.local:514/tcp ou [2001:db8::5]:514',
    ],
    [
      ['--lang', 'fr', '--forward', ':514'],
      'Erreur : --forward ":514" ne contient ni hôte ni adresse ("") : donnez HÔTE:PORT[/tcp|udp], par ex. siem.contoso.local:514/tcp ou [2001:db8::5]:514',
    ],
    [
      ['--lang', 'fr', '--forward', 'no-such-host.invalid:514'],
      'Erreur : --forward : le nom du SIEM no-such-host.invalid ne se résout pas (ENOTFOUND)',
    ],
    [
      ['--lang', 'fr', '--output', 'x.log', '--output-max-size', '5parsecs'],
      'Erreur : --output-max-size "5parsecs" n’est pas une taille d’au moins 1 Ko, par ex. 100M ou 1G',
    ],
    [
      ['--lang', 'nl', '--forward', 'siem.contoso.local:99999/udp'],
      'Fout: --forward "siem.contoso.local:99999/udp" heeft geen poort van 1 tot 65535: geef HOST:POORT[/tcp|udp], bv. siem.contoso.local:514/tcp of [2001:db8::5]:514',
    ],
    [
      ['--lang', 'nl', '--forward', 'siem'],
      'Fout: --forward "siem" heeft geen poort: geef HOST:POORT[/tcp|udp], bv. siem.contoso.local:514/tcp of [2001:db8::5]:514',
    ],
    [
      ['--lang', 'nl', '--forward', 'no-such-host.invalid:514/tcp'],
      'Fout: --forward: de naam van de SIEM no-such-host.invalid lost niet op (ENOTFOUND)',
    ],
    [
      ['--lang', 'nl', '--output', 'x.log', '--output-max-size', '512'],
      'Fout: --output-max-size "512" is geen grootte van minstens 1 KB, bv. 100M of 1G',
    ],
  ])('%j: one line in French or Dutch, exit 2', async (flags, line) => {
    const { exitCode, stderr, stdout } = await doctor(['syslog', 'listen', '--port', '5599', ...flags]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${line}\n`);
  });

  it('LANG=nl_BE.UTF-8 says a bad --forward in Dutch, and the JSON error object too', async () => {
    const text = await doctor(['syslog', 'listen', '--port', '5599', '--forward', 'siem.contoso.local/udp'], {
      LANG: 'nl_BE.UTF-8',
    });
    expect(text.exitCode).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe(
      'Fout: --forward "siem.contoso.local/udp" heeft geen poort: geef HOST:POORT[/tcp|udp], bv. siem.contoso.local:514/tcp of [2001:db8::5]:514\n',
    );
    const json = await doctor([
      'syslog',
      'listen',
      '--port',
      '5599',
      '--forward',
      'siem',
      '--json',
      '--lang',
      'fr',
    ]);
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        code: 'config',
        message:
          '--forward "siem" n’a pas de port : donnez HÔTE:PORT[/tcp|udp], par ex. siem.contoso.local:514/tcp ou [2001:db8::5]:514',
      },
    });
  });

  it('an --output that cannot be written, and a --forward to itself, are bad input before it listens', async () => {
    const dir = await tmp();
    const folder = await doctor(['syslog', 'listen', '--port', '5599', '--output', dir]);
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr.trim()).toBe(`Error: --output: ${dir} is a folder, not a file`);
    const loop = await doctor(['syslog', 'listen', '--port', '5599', '--forward', '127.0.0.1:5599']);
    expect(loop.exitCode).toBe(2);
    expect(loop.stderr.trim()).toBe(
      'Error: 127.0.0.1:5599 is the address this listens on: every message would come back to it',
    );
  });

  it.skipIf(!existsSync('/dev/full'))(
    "an --output whose disk fills mid-run is said in the run's language; JSON keeps the English",
    async () => {
      const send = async (port: number) => {
        const socket = net.connect(port, '127.0.0.1');
        await once(socket, 'connect');
        socket.end(Buffer.concat(lf(agentLines(50))));
        await once(socket, 'close');
      };
      // /dev/full opens for appending like a file; every write then fails with ENOSPC
      const fr = await listen(['--output', '/dev/full', '--count', '50', '--lang', 'fr']);
      await send(fr.port);
      const text = await fr.child;
      expect(text.exitCode).toBe(0);
      expect(fr.stderr()).toContain(
        'L’écriture de /dev/full a échoué : /dev/full : plus de place sur le périphérique ; ce qui arrive désormais n’y est plus conservé',
      );
      expect(text.stdout).toMatch(
        /\b50 messages n’ont pas pu être conservés : \/dev\/full : plus de place sur le périphérique$/m,
      );

      const json = await listen(['--output', '/dev/full', '--count', '50', '--json', '--lang', 'nl']);
      await send(json.port);
      const { stdout } = await json.child;
      expect(json.stderr()).toContain(
        'Schrijven naar /dev/full mislukte: /dev/full: geen ruimte meer op het apparaat',
      );
      const { output } = summaryOf(stdout);
      expect(output).toMatchObject({
        messages: 0,
        notKept: 50,
        error: '/dev/full: no space left on the device',
      });
    },
  );

  it('under --json a bad --forward is a JSON error object', async () => {
    const { exitCode, stdout } = await doctor([
      'syslog',
      'listen',
      '--port',
      '5599',
      '--forward',
      'siem',
      '--json',
    ]);
    expect(exitCode).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: {
        code: 'config',
        message: expect.stringMatching(/^--forward "siem" has no port/),
      },
    });
  });

  it('says where it listens with IPv6 in brackets, and the port in use in French', async () => {
    const { child, port, stderr } = await listen(['--host', '::1', '--duration', '20']);
    try {
      expect(stderr()).toContain(`Listening on [::1]:${port}/tcp`);
      const taken = await doctor([
        'syslog',
        'listen',
        '--host',
        '::1',
        '--port',
        String(port),
        '--lang',
        'fr',
      ]);
      expect(taken.exitCode).toBe(2);
      expect(taken.stderr.trim()).toBe(
        `Erreur : le port ${port} sur ::1 est déjà utilisé : arrêtez ce qui y écoute, ou choisissez un autre --port`,
      );
    } finally {
      child.kill('SIGINT');
      await child;
    }
  });

  it('the summary tells when the stream went quiet and the range of rt', async () => {
    const { port, child } = await listen(['--duration', '1.5', '--json']);
    const lines = agentLines(5);
    await sendMessages({ host: '127.0.0.1', port, protocol: 'tcp', messages: lf(lines), timeoutMs: 3000 });
    const sentAt = Date.now();
    const { stdout, exitCode } = await child;
    expect(exitCode).toBe(0);
    const summary = summaryOf(stdout);
    const rts = lines.map((l) => Number(/ (?:rt|start)=(\d+)/.exec(l)![1])); // alerts have only start
    expect(summary).toMatchObject({
      events: 5,
      received: 5,
      stoppedBy: 'duration',
      firstRt: new Date(Math.min(...rts)).toISOString(),
      lastRt: new Date(Math.max(...rts)).toISOString(),
    });
    expect(Date.parse(summary.lastMessageAt)).toBeLessThanOrEqual(sentAt);
    expect(summary.quietMs).toBeGreaterThan(0);
    // today's fields stay
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining([
        'events',
        'byCategory',
        'senders',
        'connections',
        'framing',
        'malformed',
        'durationMs',
      ]),
    );
  });
});

describe('listen --output, bounded', () => {
  it('a file that takes nothing for a while pauses the sender: every message kept, memory flat', async () => {
    const events = 100_000; // some 66 MB
    const dir = await tmp();
    const fifo = path.join(dir, 'slow-disk');
    await execa('mkfifo', [fifo]); // a "disk" that takes nothing while nobody reads it
    const samples = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);
    const stream = Array.from({ length: events }, (_, i) => `${samples[i % samples.length]} cn2=${i}\n`).join(
      '',
    );
    const port = await closedPort();
    const { child, done } = measuredCli([
      'syslog',
      'listen',
      '--port',
      String(port),
      '--output',
      fifo,
      '--count',
      String(events),
      '--duration',
      '120',
    ]);
    const reader = createReadStream(fifo); // listen opens it for writing once we open it for reading
    const readerClosed = once(reader, 'close'); // at the end of the stream: listen closed its end
    const hash = createHash('sha256');
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor('listen to start', () => (stderr.includes(`:${port}/`) ? true : undefined));
    reader.pause();
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.end(stream);
    await sleep(3000); // the disk takes nothing: the listener must hold the sender, not the bytes
    reader.on('data', (chunk) => hash.update(chunk));
    reader.resume();
    const { exitCode, peakMB } = await done;
    await readerClosed;
    socket.destroy();
    expect(exitCode).toBe(0);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(stream).digest('hex'));
    expect(peakMB).toBeLessThan(150);
  }, 120_000);
});
