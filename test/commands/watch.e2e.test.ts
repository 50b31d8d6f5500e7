// `watch` and the machine formats as a monitoring system meets them: separate processes, a real
// node_exporter (Debian's prometheus-node-exporter) scraped over HTTP, promtool as the judge.
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JRE, ROOT } from '../helpers/paths.js';

const BIN = path.join(ROOT, 'bin', 'run.js');
const ENV = { JAVA_HOME: undefined, NO_COLOR: '1', LANG: 'C', LC_ALL: 'C' };
const LOCAL = ['--only', 'lifecycle,java-runtime', '--java-home', JRE('jre8u291')];
const run = (args: string[]) => execa(BIN, args, { reject: false, env: ENV, extendEnv: true });

let dir: string;
const children: ResultPromise[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.catch(() => undefined);
  }
  await rm(dir, { recursive: true, force: true });
});

/** node_exporter on a loopback port the OS chose, with only the textfile collector, reading `folder`. */
async function startNodeExporter(folder: string): Promise<string> {
  const child = execa(
    'prometheus-node-exporter',
    [
      '--web.listen-address=127.0.0.1:0',
      '--collector.disable-defaults',
      '--collector.textfile',
      `--collector.textfile.directory=${folder}`,
    ],
    { reject: false, buffer: false },
  );
  children.push(child);
  // It logs the address it got: `msg="Listening on" address=127.0.0.1:PORT`.
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`node_exporter did not start: ${seen}`)), 10_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Listening on" address=(127\.0\.0\.1:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(`http://${match[1]}/metrics`);
      }
    });
    child.catch(reject);
  });
}

describe('siem-doctor watch', () => {
  it('--once writes siem_doctor.prom that a real node_exporter serves and promtool accepts', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-watch-'));
    const { exitCode, stdout, stderr } = await run(['watch', '--once', ...LOCAL, '--textfile-dir', dir]);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/java-runtime: PASS: /);
    expect(stdout).toMatch(/lifecycle: WARN: /);
    const prom = await readFile(path.join(dir, 'siem_doctor.prom'), 'utf8');
    const lint = await execa('promtool', ['check', 'metrics'], { input: prom, reject: false });
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.exitCode).toBe(0);

    const scrape = await (await fetch(await startNodeExporter(dir))).text();
    expect(scrape).toContain('siem_doctor_check_status{check="java-runtime",status="pass"} 1');
    expect(scrape).toContain('siem_doctor_check_status{check="lifecycle",status="warn"} 1');
    expect(scrape).toContain(`siem_doctor_info{host="${os.hostname()}",version="0.1.0"} 1`);
    expect(scrape).toContain('siem_doctor_portal_status_projection{state="connected"} 1');
    expect(scrape).toContain('siem_doctor_portal_seconds_until{mark="connection_error"} +Inf');
    // node_exporter read the file without complaint
    expect(scrape).toMatch(/node_textfile_scrape_error 0/);
    if (process.env.SIEM_DOCTOR_SHOW_SCRAPE) process.stderr.write(scrape);
  });

  it('a damaged state file is reported on stderr and kept aside, never overwritten; the run goes on', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-watch-'));
    const state = path.join(dir, 'state.json');
    // a --state that names a file of the user's (its words must not be quoted either)
    await writeFile(state, 'important notes of the user\n');
    const { exitCode, stderr } = await run(['watch', '--once', ...LOCAL, '--state', state]);
    expect(exitCode).toBe(0);
    expect(stderr).toContain(`The state file ${state} could not be used`);
    expect(stderr).not.toContain('important');
    expect(JSON.parse(await readFile(state, 'utf8')).checks['java-runtime'].status).toBe('pass');
    const aside = (await readdir(dir)).filter((name) => name.endsWith('.damaged'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dir, aside[0]!), 'utf8')).toBe('important notes of the user\n');
    expect(stderr).toContain(aside[0]);
  });

  it("says why a state file is damaged, and where it went, in the run's language", async () => {
    const lines = {
      fr: (state: string, aside: string) =>
        `Le fichier d'état ${state} est inutilisable (ce n'est pas du JSON valide (ligne 2, colonne 3) ; le fichier est conservé sous ${aside}) ; reprise à zéro`,
      nl: (state: string, aside: string) =>
        `Het toestandsbestand ${state} is onbruikbaar (geen geldige JSON (regel 2, kolom 3); het bestand is bewaard als ${aside}); opnieuw begonnen`,
    };
    for (const [lang, line] of Object.entries(lines)) {
      dir = await mkdtemp(path.join(os.tmpdir(), 'sd-watch-'));
      const state = path.join(dir, 'state.json');
      await writeFile(state, '{\n  x: 1}\n');
      const { exitCode, stderr } = await run(['watch', '--once', ...LOCAL, '--state', state, '--lang', lang]);
      expect(exitCode).toBe(0);
      const aside = (await readdir(dir)).filter((name) => name.endsWith('.damaged'));
      expect(aside).toHaveLength(1);
      expect(stderr.split('\n')).toContain(line(state, path.join(dir, aside[0]!)));
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops on SIGTERM with exit 0 and its state file intact', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-watch-'));
    const state = path.join(dir, 'state.json');
    const child = execa(BIN, ['watch', '--interval', '1h', ...LOCAL, '--state', state], {
      reject: false,
      env: ENV,
      extendEnv: true,
    });
    children.push(child);
    // The first round has ended once its lines are out (the state is written before them).
    await new Promise<void>((resolve) =>
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('lifecycle') && resolve()),
    );
    child.kill('SIGTERM');
    const result = await Promise.race([
      child,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('watch did not stop')), 15_000)),
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('Stopping (SIGTERM)');
    expect(JSON.parse(await readFile(state, 'utf8')).checks.lifecycle.status).toBe('warn');
  });

  it('refuses a malformed --interval with one line and exit 2', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-watch-'));
    const { exitCode, stderr } = await run(['watch', '--interval', 'soon', ...LOCAL]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--interval');
  });

  it.each([
    [
      ['--interval', 'soon', '--lang', 'fr'],
      'Erreur : --interval : "soon" n’est pas une durée comme 30s, 5m ou 1h',
    ],
    [['--interval', 'soon', '--lang', 'nl'], 'Fout: --interval: "soon" is geen duur zoals 30s, 5m of 1h'],
    [['--warn-share', '2', '--lang', 'fr'], 'Erreur : --warn-share : "2" n’est pas un nombre entre 0 et 1'],
    [['--warn-share', '1', '--lang', 'nl'], 'Fout: --warn-share: "1" is geen getal tussen 0 en 1'],
  ])('says a malformed %j in the user’s language', async (args, line) => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-watch-'));
    const { exitCode, stderr, stdout } = await run(['watch', ...args, ...LOCAL]);
    expect(stderr.trim().split('\n')).toEqual([line]);
    expect(stdout).toBe('');
    expect(exitCode).toBe(2);
  });
});

describe('the examples', () => {
  it('the Prometheus alerting rules are accepted by promtool check rules', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-rules-'));
    const rules = path.join(ROOT, 'examples', 'prometheus', 'siem-doctor.rules.yml');
    const result = await execa('promtool', ['check', 'rules', rules], { reject: false });
    expect(result.stdout).toContain('SUCCESS: 4 rules found');
    expect(result.exitCode).toBe(0);
  });
});

describe('siem-doctor check, machine formats', () => {
  it('--format ndjson --append adds both rounds’ lines, each parsing as JSON', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-ndjson-'));
    const file = path.join(dir, 'runs.ndjson');
    for (let i = 0; i < 2; i++)
      expect(
        (await run(['check', ...LOCAL, '--format', 'ndjson', '--output', file, '--append'])).exitCode,
      ).toBe(0);
    const lines = (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.runId)).size).toBe(2);
    expect(lines.map((l) => l.id)).toEqual(['java-runtime', 'lifecycle', 'java-runtime', 'lifecycle']);
    expect(lines[0]).toMatchObject({ host: os.hostname(), tool: { name: 'siem-doctor' } });
    expect(typeof lines[0].startedAt).toBe('string');
  });

  it('--format prometheus --output replaces the file, and a failing run is accepted by promtool too', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-prom-'));
    const file = path.join(dir, 'siem_doctor.prom');
    await writeFile(file, 'old contents\n');
    const failing = await run([
      'check',
      '--only',
      'java-runtime',
      '--java-home',
      JRE('jre7u80'),
      '--format',
      'prometheus',
      '--output',
      file,
    ]);
    expect(failing.exitCode).toBe(1);
    const prom = await readFile(file, 'utf8');
    expect(prom).not.toContain('old contents');
    expect(prom).toContain(
      'siem_doctor_documented_error{check="java-runtime",error="General error during bootstrap"} 1',
    );
    const lint = await execa('promtool', ['check', 'metrics'], { input: prom, reject: false });
    expect(lint.exitCode).toBe(0);
  });

  it('--append without --format ndjson --output is bad input (exit 2)', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-prom-'));
    const { exitCode, stderr } = await run(['check', ...LOCAL, '--append']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('--append');
  });

  it('every report names its host', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-host-'));
    const json = JSON.parse((await run(['check', ...LOCAL, '--json'])).stdout);
    expect(Object.keys(json).slice(0, 3)).toEqual(['schemaVersion', 'tool', 'host']);
    expect(json.host).toBe(os.hostname());
    expect((await run(['check', ...LOCAL])).stdout).toContain(`Host: ${os.hostname()}`);
    expect((await run(['check', ...LOCAL, '--format', 'junit'])).stdout).toContain(
      `hostname="${os.hostname()}"`,
    );
  });
});
