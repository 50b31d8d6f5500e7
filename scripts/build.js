// Builds dist/ with esbuild. Start-up is part of the product: loading oclif's ~150 CommonJS files
// and our modules one by one cost more than the work itself. So everything a command needs at
// start is bundled into one entry, dist/main.js (oclif included); what only some runs need
// (PKCS#12 support, execa, the network probes, other languages) stays in lazily imported chunks.
// oclif finds the commands in main.js's COMMANDS (package.json: the "explicit" strategy), the
// table scripts/entry.js makes from src/commands; the executables (scripts/dist.js) use the same.
// Type checking is tsc's job (npm run lint); this only emits.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { entryModules, root } from './entry.js';
import { recordSourceHash } from './source-hash.js';

const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const entry = ["export * from './main.ts';", "export { COMMANDS } from 'siem-doctor:commands';"].join('\n');

rmSync(dist, { recursive: true, force: true });
const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
await build({
  stdin: { contents: entry, resolveDir: src, sourcefile: 'entry.ts', loader: 'ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // oclif loads TypeScript only to run uncompiled commands in development; never bundle it.
  external: ['typescript', 'ts-node'],
  // oclif is CommonJS and calls require(); give the ESM bundle a real one.
  banner: { js: banner },
  plugins: [entryModules()],
  logLevel: 'warning',
});
renameSync(path.join(dist, 'stdin.js'), path.join(dist, 'main.js'));
// bench/: the in-process parse of a keystore, on its own
await build({
  entryPoints: [path.join(src, 'keystore', 'jks.ts')],
  outdir: path.join(dist, 'keystore'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// what this build was made from: the tests refuse to run on a dist/ older than src/
recordSourceHash(root, dist);
