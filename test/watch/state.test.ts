import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Text } from '../../src/catalog/index.js';
import { readState, updateState, writeState, emptyState } from '../../src/watch/state.js';
import type { CheckResult, Status } from '../../src/checks/types.js';

const result = (id: CheckResult['id'], status: Status): CheckResult => ({
  id,
  title: id,
  status,
  message: `${id} ${status}`,
  durationMs: 1,
});
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 10, minutes));

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the watch state', () => {
  it('remembers when a check last passed and since when it fails, and tells each change', () => {
    let { state, changes } = updateState(emptyState(), [result('portal', 'pass')], at(0));
    expect(changes).toEqual([{ id: 'portal', to: 'pass', message: 'portal pass' }]);
    ({ state, changes } = updateState(state, [result('portal', 'fail')], at(5)));
    expect(changes).toEqual([{ id: 'portal', from: 'pass', to: 'fail', message: 'portal fail' }]);
    ({ state, changes } = updateState(state, [result('portal', 'fail')], at(10)));
    expect(changes).toEqual([]);
    // a crash says nothing about the portal: the failure goes on from where it started
    ({ state } = updateState(state, [result('portal', 'error')], at(15)));
    expect(state.checks.portal).toEqual({
      status: 'error',
      lastRun: at(15).toISOString(),
      lastPass: at(0).toISOString(),
      failingSince: at(5).toISOString(),
    });
    ({ state, changes } = updateState(state, [result('portal', 'pass')], at(20)));
    expect(state.checks.portal).toEqual({
      status: 'pass',
      lastRun: at(20).toISOString(),
      lastPass: at(20).toISOString(),
    });
    expect(changes.map((c) => [c.from, c.to])).toEqual([['error', 'pass']]);
  });

  it('survives a restart: what is written is read back', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-state-'));
    const file = path.join(dir, 'state.json');
    const { state } = updateState(
      emptyState(),
      [result('portal', 'fail'), result('lifecycle', 'warn')],
      at(1),
    );
    await writeState(file, state);
    expect(await readState(file)).toEqual({ state });
  });

  it('starts afresh on a first start, and on a damaged file says why', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-state-'));
    expect(await readState(path.join(dir, 'none.json'))).toEqual({ state: emptyState() });
    const reasons: Text[] = [];
    for (const damaged of ['{"version":1,"checks":{"portal":{"status":"dead"}}}', '{not json', '[]']) {
      await writeFile(path.join(dir, 'bad.json'), damaged);
      const { state, problem } = await readState(path.join(dir, 'bad.json'));
      expect(state).toEqual(emptyState());
      // a text to say in the run's language: why, then where the file was put aside
      expect(problem?.key).toBe('watch.state.keptAs');
      expect(problem?.params?.aside).toMatch(/bad\.json\.siem-doctor-.*\.damaged$/);
      reasons.push(problem!.parts!.reason!);
    }
    expect(reasons).toEqual([
      { key: 'watch.state.badEntry', params: { id: '"portal"' } },
      { key: 'watch.state.notJson', parts: { where: { key: 'json.at', params: { line: 1, column: 2 } } } },
      { key: 'watch.state.notState' },
    ]);
    // a damaged file (maybe not a state file at all) is moved aside whole, never overwritten later
    const aside = (await readdir(dir)).filter(
      (name) => name.startsWith('bad.json.') && name.endsWith('.damaged'),
    );
    expect(aside).toHaveLength(3);
    const kept = await Promise.all(aside.map((name) => readFile(path.join(dir!, name), 'utf8')));
    expect(kept.sort()).toEqual(
      ['[]', '{"version":1,"checks":{"portal":{"status":"dead"}}}', '{not json'].sort(),
    );
  });
});
