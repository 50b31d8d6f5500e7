// Builds dist/ with esbuild: one bundle per command plus shared chunks (code splitting keeps every
// dynamic import lazy), oclif included. Start-up is part of the product: bundling saves ~25% of a
// `check` run against loading oclif's ~150 modules one by one. Type checking is tsc's job (npm run
// lint); this only emits.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

function commandFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? commandFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [path.join(src, 'main.ts'), ...commandFiles(path.join(src, 'commands'))],
  outdir: path.join(root, 'dist'),
  outbase: src,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // oclif loads TypeScript only to run uncompiled commands in development; never bundle it.
  external: ['typescript', 'ts-node'],
  // oclif is CommonJS and calls require(); give the ESM bundle a real one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
