// The tests refuse a dist/ that is not a build of the current src/: the record the build writes,
// compared with the source as it is now.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordSourceHash, sourceHash, staleBuild } from '../../scripts/source-hash.js';
import { ROOT } from '../helpers/paths.js';

let root: string;
afterEach(() => rm(root, { recursive: true, force: true }));

async function project() {
  root = await mkdtemp(path.join(os.tmpdir(), 'sd-stale-'));
  await mkdir(path.join(root, 'src', 'config'), { recursive: true });
  await mkdir(path.join(root, 'dist'));
  await writeFile(path.join(root, 'src', 'config', 'resolve.ts'), 'export const a = 1;\n');
  await writeFile(path.join(root, 'src', 'main.ts'), 'export {};\n');
  return { dist: path.join(root, 'dist') };
}

describe('the stale-build guard', () => {
  it('passes a build of the current source, and fails once a source file changes', async () => {
    const { dist } = await project();
    recordSourceHash(root, dist);
    expect(staleBuild(root, dist)).toBeUndefined();
    await writeFile(path.join(root, 'src', 'config', 'resolve.ts'), 'export const a = 2;\n');
    expect(staleBuild(root, dist)).toBe('dist/ is older than src/: run npm run build');
  });

  it('fails on a file added, removed or renamed, and without any record', async () => {
    const { dist } = await project();
    expect(staleBuild(root, dist)).toBe(
      'dist/ holds no build of src/ (no source-hash.txt): run npm run build',
    );
    recordSourceHash(root, dist);
    const before = sourceHash(root);
    await writeFile(path.join(root, 'src', 'new.ts'), '');
    expect(staleBuild(root, dist)).toMatch(/older than src/);
    await rm(path.join(root, 'src', 'new.ts'));
    expect(sourceHash(root)).toBe(before);
    await rm(path.join(root, 'src', 'main.ts'));
    await writeFile(path.join(root, 'src', 'main2.ts'), 'export {};\n');
    expect(staleBuild(root, dist)).toMatch(/older than src/);
  });

  it('this run’s dist/ is a build of this src/ (the global setup let it through)', async () => {
    expect((await readFile(path.join(ROOT, 'dist', 'source-hash.txt'), 'utf8')).trim()).toBe(
      sourceHash(ROOT),
    );
  });
});
