import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentLogs } from '../src/checks/agent-logs.js';
import { scanLogs } from '../src/logs/scan.js';
import { runOne } from './helpers/context.js';
import { doctor } from './helpers/cli.js';
import { removeTempDirs, tempDir } from './helpers/logs.js';
import { brokenAgentLogs, FIXTURES } from './helpers/paths.js';
import { RAW_CONTROL } from './helpers/terminal.js';

let BROKEN: string;
beforeAll(async () => {
  BROKEN = await brokenAgentLogs();
});
const CLEAN = path.join(FIXTURES, 'agent-logs', 'clean');
const TOKEN = 'QTFiMkMzZDRBMWIyQzNkNEExYjJDM2Q0QTFiMkMzZDRBMWIyQzNkNEExYjJDM2Q0QTFiMkMzZDQ=';

describe('scanLogs', () => {
  it('maps Java exceptions and error names to documented errors, most recent first', async () => {
    const scan = await scanLogs(BROKEN);
    expect(scan.files).toBe(2);
    expect(scan.findings.map((m) => [m.error, m.label, m.side, m.count])).toEqual([
      ['Data server connection error', 'Data server connection error', 'siem', 1], // the name itself
      // "Connection refused" after "Could not send events to siem.contoso.local:514"
      ['Data server connection error', 'Connection refused', 'siem', 1],
      ['Issue with new versions of Java', 'PKIX path building failed', 'portal', 2],
    ]);
    expect(scan.findings[0]!.example).toMatchObject({ file: 'siem-agent.log', line: 5 });
    expect(scan.findings[1]).toMatchObject({ host: 'siem.contoso.local', port: 514 });
  });

  it('finds nothing in a healthy log', async () => {
    expect((await scanLogs(CLEAN)).findings).toEqual([]);
  });
});

describe('siem-doctor logs', () => {
  it('reports in JSON and exits 1 when a documented error is found', async () => {
    const { stdout, exitCode } = await doctor(['logs', BROKEN, '--json']);
    expect(exitCode).toBe(1);
    expect(JSON.parse(stdout).findings.map((m: { error: string }) => m.error)).toEqual([
      'Data server connection error',
      'Data server connection error',
      'Issue with new versions of Java',
    ]);
  });

  it('and the agent-logs check report the same findings', async () => {
    const { stdout } = await doctor(['logs', BROKEN, '--json', '--syslog-host', 'siem.contoso.local']);
    const fromLogs = JSON.parse(stdout).findings.map(
      (f: { error: string; label: string; count: number; example: { file: string; line: number } }) =>
        [f.error, f.label, f.count, `${f.example.file}:${f.example.line}`].join(' '),
    );
    const check = await runOne(agentLogs, { logsDirectory: BROKEN, syslogHost: 'siem.contoso.local' });
    const fromCheck = (
      check.evidence!.findings as { error: string; label: string; count: number; example: string }[]
    ).map((f) => [f.error, f.label, f.count, f.example.split(': ')[0]].join(' '));
    expect(fromCheck).toEqual(fromLogs);
    expect(fromLogs).toHaveLength(3);
  });

  it.each([
    [
      ['logs', '--lang', 'fr'],
      {},
      'Erreur : indiquez le dossier des journaux de l’agent : siem-doctor logs DOSSIER (ou --logs-directory DOSSIER)',
    ],
    [
      ['logs'],
      { LANG: 'nl_NL.UTF-8' },
      'Fout: noem de logmap van de agent: siem-doctor logs MAP (of --logs-directory MAP)',
    ],
    [
      ['logs', CLEAN, '--since', 'soon', '--lang', 'fr'],
      {},
      'Erreur : --since "soon" n’est ni une durée (30m, 2h, 7d, 1h30m) ni une date (2026-11-30, 2026-11-30T10:00, 2026-11-30T10:00:00Z)',
    ],
    [
      ['logs', CLEAN, '--since', '2026-13-45'],
      { LANG: 'nl_BE.UTF-8' },
      'Fout: --since "2026-13-45" is geen duur (30m, 2h, 7d, 1h30m) en geen tijdstip (2026-11-30, 2026-11-30T10:00, 2026-11-30T10:00:00Z)',
    ],
    [
      ['logs', CLEAN, '--since', '99999999999999w', '--lang', 'nl'],
      {},
      'Fout: --since "99999999999999w" gaat verder terug dan elke datum: geef een kortere duur op, bv. 30d',
    ],
    [
      ['logs', CLEAN, '--since', '99999999999999w'],
      { LC_ALL: 'fr_FR.UTF-8' },
      'Erreur : --since "99999999999999w" remonte plus loin que toute date : donnez une durée plus courte, par ex. 30d',
    ],
    [
      ['logs', '/nonexistent/logs', '--lang', 'fr'],
      {},
      'Erreur : impossible de lire le dossier des journaux /nonexistent/logs (ENOENT)',
    ],
  ])('says bad input in the user’s language: %j %j', async (args, env, line) => {
    const { stderr, stdout, exitCode } = await doctor(args, env as Record<string, string>);
    expect(stderr.trim().split('\n')).toEqual([line]);
    expect(stdout).toBe('');
    expect(exitCode).toBe(2);
  });

  it('exits 0 on a clean log and 2 on a folder it cannot read', async () => {
    expect((await doctor(['logs', CLEAN])).exitCode).toBe(0);
    const missing = await doctor(['logs', '/nonexistent/logs']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim()).toBe('Error: cannot read the logs directory /nonexistent/logs (ENOENT)');
    const json = await doctor(['logs', '/nonexistent/logs', '--json']);
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'file', message: 'cannot read the logs directory /nonexistent/logs (ENOENT)' },
    });
  });

  it('says it could not confirm anything, and exits 1, when it read no log file', async () => {
    const empty = await tempDir();
    const run = await doctor(['logs', empty]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`could not confirm anything: no log file under ${empty}`);
    expect(run.stdout).not.toContain('no documented error');
    // a folder of entries none of which is a log file (here a folder named agent.log): each named, then the verdict
    const odd = await tempDir();
    await mkdir(path.join(odd, 'agent.log'));
    const skipped = await doctor(['logs', odd, '--lang', 'fr']);
    expect(skipped.exitCode).toBe(1);
    expect(skipped.stdout).toContain(`rien n’a pu être confirmé : aucune entrée sous ${odd}`);
    expect(skipped.stdout).toContain('1 entrée écartée');
    expect(JSON.parse((await doctor(['logs', odd, '--json'])).stdout)).toMatchObject({ files: 0 });
  });

  it('never prints the token, even when the agent logged it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-logs-'));
    await writeFile(path.join(dir, 'agent.log'), `2026-11-21 10:00:00 ERROR Invalid token ${TOKEN}\n`);
    const runs = [
      await doctor(['logs', dir], { SIEM_DOCTOR_TOKEN: TOKEN }),
      await doctor(['logs', dir, '--json'], { SIEM_DOCTOR_TOKEN: TOKEN }),
      await doctor(['check', '--only', 'agent-logs', '--logs-directory', dir, '--token', TOKEN, '--json']),
    ];
    for (const { stdout, stderr } of runs) {
      expect(stdout + stderr).not.toContain(TOKEN);
      expect(stdout).toContain('Invalid token');
      expect(stdout).toContain('<redacted>');
    }
  });

  it('prints no control character of a log line or a file name raw, in any format', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sd-logs-'));
    try {
      const hostile = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u007f';
      const dir = path.join(root, `logs${hostile}`);
      await mkdir(dir);
      await writeFile(
        path.join(dir, `agent${hostile}.log`),
        `2026-11-21 10:00:00 ERROR Invalid token ${hostile} and more\n`,
      );
      const runs = [
        await doctor(['logs', dir]),
        await doctor(['logs', dir, '--json']),
        await doctor(['check', '--only', 'agent-logs', '--logs-directory', dir]),
        await doctor(['check', '--only', 'agent-logs', '--logs-directory', dir, '--format', 'junit']),
        await doctor(['check', '--only', 'agent-logs', '--logs-directory', dir, '--json']),
      ];
      for (const { stdout } of runs) {
        expect(stdout).toContain('Invalid token');
        expect(stdout).not.toMatch(RAW_CONTROL);
      }
      expect(runs[0]!.stdout).toContain('in agent?]0;owned??[2J?31m?.log line 1');
      expect(runs[0]!.stdout).toContain('Invalid token ?]0;owned??[2J?31m? and more');
      // JSON keeps the bytes, escaped
      expect(JSON.parse(runs[1]!.stdout).findings[0].example.text).toContain(hostile);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('logs that are not plain text from their first byte', () => {
  afterEach(removeTempDirs);
  /** 3 lines, a 20 MB sparse hole of NULs (as a pre-allocated log has), then 2 lines: the error on line 5. */
  async function sparseLog(dir: string) {
    const file = path.join(dir, 'siem-agent.log');
    await writeFile(
      file,
      '2026-11-21 10:00:00 INFO start\n2026-11-21 10:00:01 INFO polling\n2026-11-21 10:00:02 INFO ok\n',
    );
    await truncate(file, 20 * 1024 * 1024);
    await appendFile(
      file,
      '2026-11-21 10:05:00 INFO polling\n2026-11-21 10:05:01 ERROR sun.security.validator.ValidatorException: PKIX path building failed\n',
    );
    return file;
  }

  it('reads the text of a sparse log whose read window starts with NULs, with its real line numbers', async () => {
    const dir = await tempDir();
    await sparseLog(dir);
    const scan = await scanLogs(dir);
    expect(scan).toMatchObject({ files: 1, lines: 5, skipped: [] });
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]).toMatchObject({
      error: 'Issue with new versions of Java',
      last: { file: 'siem-agent.log', line: 5 },
    });
    expect(scan.findings[0]!.example.text).toContain('PKIX path building failed');
  });

  it('names a binary file as skipped, with the reason, in the scan, the check and both outputs', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'core.dump'), randomBytes(64 * 1024));
    await writeFile(path.join(dir, 'agent.log'), '2026-11-21 10:00:00 INFO all is well\n');
    await writeFile(path.join(dir, 'agent.log.1.gz'), randomBytes(1024));
    const scan = await scanLogs(dir);
    expect(scan.files).toBe(1);
    expect(scan.skipped).toEqual(
      expect.arrayContaining([
        { file: 'core.dump', reason: 'binary' },
        // named .gz but not gzip at all: read as what it is
        { file: 'agent.log.1.gz', reason: 'binary' },
      ]),
    );
    const result = await runOne(agentLogs, { logsDirectory: dir });
    // nothing found in what was read, but one file could not be read as text: not a clean pass
    expect(result).toMatchObject({ status: 'warn' });
    expect(result.evidence!.skipped).toEqual(expect.arrayContaining(['core.dump: binary']));
    const text = await doctor(['logs', dir], { LANG: 'C', LC_ALL: 'C' });
    expect(text.stdout).toContain('skipped core.dump: binary content, not text');
    expect(text.stdout).toContain('skipped agent.log.1.gz: binary content, not text');
    const json = JSON.parse((await doctor(['logs', dir, '--json'], { LANG: 'C', LC_ALL: 'C' })).stdout);
    expect(json.skipped).toEqual(expect.arrayContaining([{ file: 'core.dump', reason: 'binary' }]));
  });
});

describe('siem-doctor logs: secrets it learnt or only sees the shape of', () => {
  const dirs: string[] = [];
  const logDir = async (lines: string[]) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-logs-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'agent.log'), `${lines.join('\n')}\n`);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('redacts the token of the --config file wherever a log line holds it', async () => {
    // not next to the word token: only knowing the file's token catches it
    const dir = await logDir([`2026-11-21 10:00:00 ERROR Invalid token; the agent sent ${TOKEN} (rejected)`]);
    const file = path.join(dir, 'siem-doctor.json');
    await writeFile(file, JSON.stringify({ token: TOKEN, logsDirectory: dir }));
    for (const args of [[], ['--json']]) {
      const { stdout, stderr, exitCode } = await doctor(['logs', '--config', file, ...args]);
      expect(exitCode).toBe(1);
      expect(stdout + stderr).not.toContain(TOKEN);
      expect(stdout).toContain('the agent sent <redacted> (rejected)');
    }
  });

  it('redacts a known token that crosses the example line cut, in every output', async () => {
    // the token starts 20 characters before the example's 1000-character cut
    const head = '2026-11-21 10:00:00 ERROR Invalid token; the agent sent ';
    const line = `${head}${'ab '.repeat(Math.ceil((980 - head.length) / 3)).slice(0, 980 - head.length)}${TOKEN} (rejected)`;
    expect(line.indexOf(TOKEN)).toBe(980);
    const dir = await logDir([line]);
    const bundle = path.join(dir, 'bundle.json');
    const runs = [
      await doctor(['logs', dir, '--token', TOKEN]),
      await doctor(['logs', dir, '--json'], { SIEM_DOCTOR_TOKEN: TOKEN }),
      await doctor(['check', '--only', 'agent-logs', '--logs-directory', dir, '--token', TOKEN]),
      await doctor(['check', '--only', 'agent-logs', '--logs-directory', dir, '--token', TOKEN, '--json']),
      await doctor(['bundle', '--logs-directory', dir, '--token', TOKEN, '--output', bundle]),
    ];
    const written = await readFile(bundle, 'utf8');
    const pieces = Array.from({ length: TOKEN.length - 7 }, (_, i) => TOKEN.slice(i, i + 8));
    for (const output of [...runs.map((r) => r.stdout + r.stderr), written])
      for (const piece of pieces) expect(output).not.toContain(piece);
    for (const output of [...runs.slice(0, 4).map((r) => r.stdout), written])
      expect(output).toContain('the agent sent ab ab');
    // the example is still cut at 1000 characters, after the redaction
    const example = JSON.parse(runs[1]!.stdout).findings[0].example.text as string;
    expect(example).toBe(`${line.slice(0, 980)}<redacted> (rejected)`.slice(0, 1000) + '…');
  });

  it('redacts secrets it was never told by their shape, and nothing around them', async () => {
    const dir = await logDir([
      'ERROR Invalid token, request had token=Zm9vYmFyU2VjcmV0MQ',
      'ERROR Too many critical errors; Authorization: Token QXV0aFNlY3JldA==',
      'ERROR General error during bootstrap: keystore password=Hunter2!x',
      'ERROR Invalid proxy address bob:Pr0xyPw@proxy.contoso.local:3128',
      'ERROR Internal error {"password": "SnNvblNlY3JldA", "user": "bob"}',
    ]);
    for (const args of [[], ['--json']]) {
      const { stdout } = await doctor(['logs', dir, ...args]);
      for (const secret of [
        'Zm9vYmFyU2VjcmV0MQ',
        'QXV0aFNlY3JldA==',
        'Hunter2!x',
        'Pr0xyPw',
        'SnNvblNlY3JldA',
      ])
        expect(stdout).not.toContain(secret);
      const lines = args.length
        ? JSON.parse(stdout).findings.map((m: { example: { text: string } }) => m.example.text)
        : stdout.split('\n').map((line) => line.trim());
      expect(lines).toEqual(
        expect.arrayContaining([
          'ERROR Invalid token, request had token=<redacted>',
          'ERROR Too many critical errors; Authorization: Token <redacted>',
          'ERROR General error during bootstrap: keystore password=<redacted>',
          'ERROR Invalid proxy address <redacted>@proxy.contoso.local:3128',
          'ERROR Internal error {"password": "<redacted>", "user": "bob"}',
        ]),
      );
    }
  });
});
