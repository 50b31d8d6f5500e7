// What dist/ was built from: one hash of every file under src/ (and the build scripts), recorded by
// scripts/build.js in dist/source-hash.txt and compared by the tests' global setup, so that a test
// run never passes on a build older than the source it claims to test.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RECORD = 'source-hash.txt';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? files(full) : [full];
    })
    .sort();
}

/** The hash of the sources under `root`: file names and contents, in a fixed order. */
export function sourceHash(root, { dirs = ['src'], extra = ['scripts/build.js', 'scripts/entry.js'] } = {}) {
  const hash = createHash('sha256');
  const all = [
    ...dirs.flatMap((dir) => files(path.join(root, dir))),
    ...extra.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
  ];
  for (const file of all) {
    hash.update(path.relative(root, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function recordSourceHash(root, dist, options) {
  writeFileSync(path.join(dist, RECORD), `${sourceHash(root, options)}\n`);
}

/** Why dist/ does not hold a build of the current source, or undefined when it does. */
export function staleBuild(root, dist, options) {
  const record = path.join(dist, RECORD);
  if (!existsSync(record)) return `dist/ holds no build of src/ (no ${RECORD}): run npm run build`;
  if (readFileSync(record, 'utf8').trim() !== sourceHash(root, options))
    return 'dist/ is older than src/: run npm run build';
  return undefined;
}
