// .ci/run installs what the tests use: every program the tests and benches start by its path is
// one of its tools, and the README's list of what the tests need names every one of them.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** .ci/run's tools, as its table maps them to Debian packages (`[tool]=package`). */
async function ciTools(): Promise<Map<string, string>> {
  const script = await readFile(path.join(ROOT, '.ci', 'run'), 'utf8');
  return new Map([...script.matchAll(/^\s*\[([^\]]+)\]=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('.ci/run', () => {
  it('installs every program the tests and benches start by its path (/bin/sh is in every Debian)', async () => {
    const tools = await ciTools();
    const started = new Set<string>();
    for (const file of [...(await sources('test')), ...(await sources('bench'))]) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/\b(?:spawn|spawnSync|execa|execFile|execFileSync)\(\s*'(\/[^']+)'/g))
        started.add(m[1]!);
    }
    started.delete('/bin/sh');
    expect([...started]).toContain('/usr/bin/time'); // the memory bounds: found at all
    for (const program of started) expect(tools.has(program), program).toBe(true);
    expect(tools.get('/usr/bin/time')).toBe('time');
  });

  it('is what the README says the tests need, tool for tool', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const paragraph = readme.slice(readme.indexOf('The tests use real peers'));
    const needs = paragraph.slice(0, paragraph.indexOf('`.ci/run` installs'));
    const named = new Set([...needs.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    for (const tool of (await ciTools()).keys()) {
      const name = tool.startsWith('/usr/lib/') ? path.basename(tool) : tool;
      expect(named.has(name), tool).toBe(true);
    }
  });
});
