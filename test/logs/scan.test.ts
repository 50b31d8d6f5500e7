// Reading every file of the folder: plain and gzip (rotation names of the agent, log4j and
// logback), real line numbers across chunks, CRLF, NUL runs, binary and unreadable entries named,
// newest first by the lines' own times, and the --since window.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmod,
  mkdir,
  mkdtemp,
  rm,
  symlink,
  truncate,
  utimes,
  writeFile,
  appendFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LINE } from '../../src/logs/lines.js';
import { scanLogs } from '../../src/logs/scan.js';
import { parseSince } from '../../src/logs/times.js';
import { doctor } from '../helpers/cli.js';
import { stamp } from '../helpers/logs.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-scan-'));
  made.push(dir);
  return dir;
}

const HOUR = 3_600_000;
const NOW = Date.now();
const info = (ms: number, n: number) => `${stamp(ms)} INFO  [main] Heartbeat ${n}`;
const pkix = (ms: number) =>
  `${stamp(ms)} ERROR [pull] javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target`;

describe('every file, plain or compressed, with its real line numbers', () => {
  it('reads the rotations of the agent, log4j and logback, gzip included, and numbers their lines', async () => {
    const dir = await tempDir();
    const t0 = NOW - 10 * 24 * HOUR;
    const lines = (from: number, count: number, errorAt: number) =>
      Array.from({ length: count }, (_, i) =>
        i + 1 === errorAt ? pkix(from + i * 1000) : info(from + i * 1000, i),
      ).join('\n') + '\n';
    await writeFile(path.join(dir, 'siem-agent-2026-11-01.1.log.gz'), gzipSync(lines(t0, 500, 321)));
    await writeFile(
      path.join(dir, 'siem-agent.log.2026-11-02.gz'),
      gzipSync(lines(t0 + 24 * HOUR, 900, 777)),
    );
    await writeFile(path.join(dir, 'siem-agent.log.1'), lines(t0 + 48 * HOUR, 100, 42));
    await writeFile(path.join(dir, 'siem-agent.log'), lines(t0 + 72 * HOUR, 50, 7));
    const scan = await scanLogs(dir);
    expect(scan.skipped).toEqual([]);
    expect(scan.files).toBe(4);
    expect(scan.lines).toBe(1550);
    // newest first, by the lines' times
    expect(scan.read.map((f) => [f.file, f.compressed, f.lines])).toEqual([
      ['siem-agent.log', false, 50],
      ['siem-agent.log.1', false, 100],
      ['siem-agent.log.2026-11-02.gz', true, 900],
      ['siem-agent-2026-11-01.1.log.gz', true, 500],
    ]);
    const [finding] = scan.findings;
    expect(finding).toMatchObject({ kind: 'pkix-building', count: 4 });
    expect(finding!.first).toMatchObject({ file: 'siem-agent-2026-11-01.1.log.gz', line: 321 });
    expect(finding!.last).toMatchObject({ file: 'siem-agent.log', line: 7 });
    expect(Date.parse(finding!.first.time!)).toBe(t0 + 320 * 1000);
    expect(Date.parse(finding!.last.time!)).toBe(t0 + 72 * HOUR + 6000);
  });

  it('orders a copied folder by the times in its lines, not by its file times', async () => {
    const dir = await tempDir();
    const old = NOW - 5 * 24 * HOUR;
    const recent = NOW - HOUR;
    await writeFile(path.join(dir, 'a.log'), `${pkix(old)}\n`);
    await writeFile(path.join(dir, 'b.log'), `${info(recent - 1000, 1)}\n${pkix(recent)}\n`);
    // the copy gave the old file the newest file time
    await utimes(path.join(dir, 'a.log'), new Date(), new Date());
    await utimes(path.join(dir, 'b.log'), new Date(old), new Date(old));
    const scan = await scanLogs(dir);
    expect(scan.read.map((f) => f.file)).toEqual(['b.log', 'a.log']);
    expect(scan.findings[0]).toMatchObject({
      count: 2,
      last: { file: 'b.log', line: 2 },
      first: { file: 'a.log' },
    });
  });

  it('keeps line numbers right across chunk ends, CRLF and a line longer than a chunk', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'agent.log');
    const t = NOW - HOUR;
    const body: string[] = [];
    // about 3 MB of lines, so that errors fall on and around the 1 MB chunk ends
    for (let i = 0, size = 0; size < 3.2 * 1024 * 1024; i++) {
      body.push(info(t + i, i));
      size += body[i]!.length + 2;
    }
    const refusedLine = (n: number) =>
      `${stamp(t + n)} WARN  [push] java.net.ConnectException: Connection refused`;
    const errorsAt = [1, 22_222, body.length];
    for (const n of errorsAt) body[n - 1] = refusedLine(n);
    // and one cut by the first 1 MB chunk's end in the middle of "refused"
    const cut = refusedLine(0).indexOf('refused') + 3;
    let offset = 0;
    let straddling = 0;
    while (offset + body[straddling]!.length + 2 <= 1024 * 1024 - cut)
      offset += body[straddling++]!.length + 2;
    body[straddling - 1] += ' '.repeat(1024 * 1024 - cut - offset); // the line before ends just there
    offset = 1024 * 1024 - cut;
    body[straddling] = refusedLine(straddling + 1);
    errorsAt.splice(1, 0, straddling + 1);
    const huge = `${stamp(t)} DEBUG ${'x'.repeat(MAX_LINE + 5000)}`;
    body.splice(30_000, 0, huge); // shifts the last error down one line
    errorsAt[3] = body.length;
    expect(offset).toBeLessThan(1024 * 1024);
    await writeFile(file, body.join('\r\n')); // no line feed after the last line
    const scan = await scanLogs(dir);
    expect(scan.lines).toBe(body.length);
    const [refused] = scan.findings;
    expect(refused).toMatchObject({ kind: 'connection-refused', count: 4 });
    expect(refused!.first.line).toBe(1);
    expect(refused!.last.line).toBe(errorsAt[3]);
    expect(refused!.example.text).not.toContain('\r');
    // every one found at its own line: moving the needle past a chunk end loses none
    for (const at of [errorsAt[1]!, 22_222]) {
      const only = path.join(await tempDir(), 'one.log');
      await mkdir(path.dirname(only), { recursive: true });
      await writeFile(only, body.slice(0, at + 1).join('\r\n'));
      const one = await scanLogs(path.dirname(only));
      expect(one.findings[0]!.count).toBe(errorsAt.filter((n) => n <= at).length);
      expect(one.findings[0]!.last.line).toBe(at);
    }
  });

  it('reads the text of a compressed log with NUL runs, and of a pre-allocated one', async () => {
    const dir = await tempDir();
    const t = NOW - HOUR;
    const gz = `${info(t, 1)}\n${'\0'.repeat(300_000)}${info(t + 1, 2)}\n${pkix(t + 2)}\n`;
    await writeFile(path.join(dir, 'agent.log.1.gz'), gzipSync(gz));
    const file = path.join(dir, 'agent.log');
    await writeFile(file, `${info(t + 10, 1)}\n`);
    await truncate(file, 3 * 1024 * 1024); // pre-allocated: NULs to the end
    await appendFile(file, `${pkix(t + 20)}\n`);
    const scan = await scanLogs(dir);
    expect(scan.skipped).toEqual([]);
    expect(scan.findings[0]).toMatchObject({
      count: 2,
      first: { file: 'agent.log.1.gz', line: 3 },
      last: { file: 'agent.log', line: 2 },
    });
    expect(scan.findings[0]!.example.text).toBe(pkix(t + 20));
  });

  it('reads a damaged gzip up to where it breaks and says so', async () => {
    const dir = await tempDir();
    const t = NOW - HOUR;
    const lines = [pkix(t), ...Array.from({ length: 50_000 }, (_, i) => info(t + i, i))].join('\n');
    const whole = gzipSync(lines);
    await writeFile(path.join(dir, 'agent.log.1.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    const scan = await scanLogs(dir);
    expect(scan.read[0]).toMatchObject({ file: 'agent.log.1.gz', compressed: true });
    expect(scan.read[0]!.damaged).toMatch(/^(Z_|ERR_)/);
    expect(scan.read[0]!.lines).toBeGreaterThan(1);
    expect(scan.findings[0]).toMatchObject({ kind: 'pkix-building', last: { line: 1 } });
    const text = await doctor(['logs', dir]);
    expect(text.stdout).toContain('agent.log.1.gz: the compressed file is damaged');
  });
});

describe('entries that cannot be read are named, never left out', () => {
  it('names a binary file, a dangling link, a link loop, a FIFO and a folder with the reason', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'agent.log'), `${info(NOW, 1)}\n`);
    await writeFile(path.join(dir, 'heap.hprof'), randomBytes(32 * 1024));
    await writeFile(path.join(dir, 'old.log.gz'), gzipSync(randomBytes(32 * 1024))); // gzip of a binary
    await symlink(path.join(dir, 'gone.log'), path.join(dir, 'dangling.log'));
    await symlink('loop.log', path.join(dir, 'loop.log'));
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.log')]).status).toBe(0);
    await mkdir(path.join(dir, 'archive'));
    const scan = await scanLogs(dir);
    expect(scan.files).toBe(1);
    expect(scan.skipped).toEqual(
      expect.arrayContaining([
        { file: 'heap.hprof', reason: 'binary' },
        { file: 'old.log.gz', reason: 'binary' },
        { file: 'dangling.log', reason: 'unreadable', code: 'ENOENT' },
        { file: 'loop.log', reason: 'unreadable', code: 'ELOOP' },
        { file: 'pipe.log', reason: 'not-a-file', code: 'fifo' },
        { file: 'archive', reason: 'folder' },
      ]),
    );
    expect(scan.skipped).toHaveLength(6);
    const { stdout } = await doctor(['logs', dir]);
    expect(stdout).toContain('skipped dangling.log: cannot be read (ENOENT)');
    expect(stdout).toContain('skipped pipe.log: not a regular file (fifo), not read');
  });

  it('reads a file whose name is not UTF-8 (Latin-1 bytes), and names it with U+FFFD', async () => {
    const dir = await tempDir();
    // `agent-é.log` written by a Latin-1 system: é is the one byte 0xE9
    const name = Buffer.concat([Buffer.from('agent-'), Buffer.of(0xe9), Buffer.from('.log')]);
    await writeFile(Buffer.concat([Buffer.from(path.join(dir, path.sep)), name]), `${pkix(NOW)}\n`);
    await writeFile(path.join(dir, 'agent-ü.log'), `${info(NOW - HOUR, 1)}\n`); // UTF-8, as usual
    const scan = await scanLogs(dir);
    expect(scan.skipped).toEqual([]);
    expect(scan.read.map((f) => f.file)).toEqual(['agent-\ufffd.log', 'agent-ü.log']);
    expect(scan.findings[0]).toMatchObject({
      kind: 'pkix-building',
      last: { file: 'agent-\ufffd.log', line: 1 },
    });
  });

  // Tests run as root here, where chmod 000 stops nothing: the links and the FIFO above stand in.
  it.runIf(process.getuid?.() !== 0)('names a file this account may not read (chmod 000)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'agent.log');
    await writeFile(file, `${pkix(NOW)}\n`);
    await chmod(file, 0o000);
    const scan = await scanLogs(dir);
    expect(scan.skipped).toEqual([{ file: 'agent.log', reason: 'unreadable', code: 'EACCES' }]);
  });
});

describe('--since: the window by the lines’ own times', () => {
  const errors = async () => {
    const dir = await tempDir();
    const at = [NOW - 3 * 24 * HOUR, NOW - 2 * HOUR, NOW - 10 * 60_000];
    // a stack trace line carries no time: it belongs to the statement before it
    await writeFile(
      path.join(dir, 'agent.log'),
      at
        .map(
          (t) =>
            `${stamp(t)} WARN  [push] Could not send events to siem.contoso.local:514\njava.net.ConnectException: Connection refused`,
        )
        .join('\n'),
    );
    // a rotated file that ends before every window below: not read under --since
    await writeFile(path.join(dir, 'agent.log.1'), `${pkix(NOW - 9 * 24 * HOUR)}\n`);
    await writeFile(path.join(dir, 'agent.log.2.gz'), gzipSync(`${pkix(NOW - 10 * 24 * HOUR)}\n`));
    return { dir, at };
  };

  it('counts only the lines from the start of the window on', async () => {
    const { dir, at } = await errors();
    const now = new Date(NOW);
    const refused = async (since: string) =>
      (await scanLogs(dir, { since: parseSince(since, now), now })).findings.find(
        (f) => f.kind === 'connection-refused',
      );
    expect((await scanLogs(dir)).findings.map((f) => f.count)).toEqual([3, 2]);
    expect(await refused('1h')).toMatchObject({ count: 1, first: { line: 6 }, last: { line: 6 } });
    expect(await refused('2h30m')).toMatchObject({ count: 2, first: { line: 4 } });
    expect(Date.parse((await refused('2h30m'))!.first.time!)).toBe(at[1]);
    expect(await refused(stamp(NOW - 4 * 24 * HOUR).slice(0, 16))).toMatchObject({ count: 3 });
    const windowed = await scanLogs(dir, { since: parseSince('7d', now), now });
    expect(windowed.skipped).toEqual([
      { file: 'agent.log.1', reason: 'before-since' },
      // compressed: its end is known from the next file of its rotation
      { file: 'agent.log.2.gz', reason: 'before-since' },
    ]);
    expect(windowed.findings.map((f) => f.kind)).toEqual(['connection-refused']);
  });

  it('takes --since on the command line, and refuses a value that is neither a duration nor a time', async () => {
    const { dir } = await errors();
    const json = await doctor(['logs', dir, '--since', '1h', '--json']);
    expect(json.exitCode).toBe(1);
    const scan = JSON.parse(json.stdout);
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]).toMatchObject({ error: 'Data server connection error', count: 1, side: 'siem' });
    expect(Date.parse(scan.since)).toBeGreaterThan(NOW - 2 * HOUR);
    const text = await doctor(['logs', dir, '--since', '2h30m']);
    expect(text.stdout).toContain('Counting only lines from');
    expect(text.stdout).toMatch(/Connection refused \(SIEM siem\.contoso\.local:514\), 2 times/);
    const bad = await doctor(['logs', dir, '--since', 'yesterday']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'Error: --since "yesterday" is neither a duration (30m, 2h, 7d, 1h30m) nor a time (2026-11-30, 2026-11-30T10:00, 2026-11-30T10:00:00Z)',
    );
    const badJson = await doctor(['logs', dir, '--since', 'soon', '--json']);
    expect(JSON.parse(badJson.stdout)).toMatchObject({ error: { code: 'config' } });
  });

  it('every file ending before the window: quiet for it, exit 0, in its own words', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'agent.log'), `${pkix(NOW - 3 * 24 * HOUR)}\n`);
    await writeFile(path.join(dir, 'agent.log.1.gz'), gzipSync(`${pkix(NOW - 4 * 24 * HOUR)}\n`));
    const json = await doctor(['logs', dir, '--since', '2h', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      files: 0,
      findings: [],
      skipped: [
        { file: 'agent.log', reason: 'before-since' },
        { file: 'agent.log.1.gz', reason: 'before-since' },
      ],
    });
    expect(json.exitCode).toBe(0);
    const said = {
      en: `nothing in the --since window: every log file under ${dir} ends before it starts (2 files left out, see above)`,
      fr: `rien dans la fenêtre --since : chaque fichier journal sous ${dir} s’arrête avant son début (2 fichiers écartés, voir ci-dessus)`,
      nl: `niets in het --since-venster: elk logbestand onder ${dir} houdt op vóór het begin ervan (2 bestanden overgeslagen, zie boven)`,
    };
    for (const [lang, line] of Object.entries(said)) {
      const text = await doctor(['logs', dir, '--since', '2h', '--lang', lang]);
      expect(text.exitCode).toBe(0);
      expect(text.stdout.split('\n')).toContain(line);
    }
    // an entry that could not be read besides: nothing is confirmed (exit 1, as before)
    await mkdir(path.join(dir, 'agent.log.2'));
    const mixed = await doctor(['logs', dir, '--since', '2h']);
    expect(mixed.exitCode).toBe(1);
    expect(mixed.stdout).toContain('could not confirm anything');
  });

  it('reads durations and times as the user means them', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(parseSince('90m', now)).toBe(Date.parse('2026-12-01T10:30:00Z'));
    expect(parseSince('1d12h', now)).toBe(Date.parse('2026-11-30T00:00:00Z'));
    expect(parseSince('2026-11-30T10:00:00Z', now)).toBe(Date.parse('2026-11-30T10:00:00Z'));
    expect(parseSince('2026-11-30T10:00+01:00', now)).toBe(Date.parse('2026-11-30T09:00:00Z'));
    expect(parseSince('2026-11-30', now)).toBe(new Date(2026, 10, 30).getTime());
    expect(() => parseSince('', now)).toThrow(/neither a duration/);
  });

  it('refuses a date that does not exist and a duration beyond any date, as bad input about --since', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    for (const raw of ['2026-13-45', '2026-02-30', '2026-11-30T24:00', '2026-11-30T10:61Z'])
      expect(() => parseSince(raw, now), raw).toThrow(
        expect.objectContaining({ code: 'config', input: 'since' }),
      );
    expect(() => parseSince('99999999999d', now)).toThrow(
      expect.objectContaining({
        code: 'config',
        input: 'since',
        message: expect.stringMatching(/further back than any date/),
      }),
    );
    expect(parseSince('2024-02-29', now)).toBe(new Date(2024, 1, 29).getTime());
  });
});
