// The benchmark scripts (bench/), which no test runs whole (they take minutes): each parses, and
// imports a module once, statically, rather than again with `await import()` further down.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const BENCH = path.join(ROOT, 'bench');
const scripts = (await readdir(BENCH)).filter((f) => f.endsWith('.js')).sort();

describe('bench/', () => {
  it('has the scripts the README names', () => {
    expect(scripts).toEqual(expect.arrayContaining(['run.js', 'logs.js', 'bounds.js']));
  });

  it.each(scripts)('%s parses and imports nothing twice (statically, then with import())', async (script) => {
    const file = path.join(BENCH, script);
    expect((await execa(process.execPath, ['--check', file], { reject: false })).exitCode).toBe(0);
    const text = await readFile(file, 'utf8');
    const statically = new Set([...text.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!));
    const again = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
    expect(again.filter((specifier) => statically.has(specifier))).toEqual([]);
  });
});
