// Main script of the single-file executables (scripts/dist.js). It is kept small on purpose: Node
// compiles a SEA's main script at every start, so whatever it holds is paid for by every run, even
// `--version`. Everything else, the same start-up path as bin/run.js (main.ts, oclif, the commands,
// with the package.json and the manifest bundled in since nothing lies beside an executable), is
// the asset `cli.js`, compiled only when a command runs. On Linux it comes with `cli.cache`, V8's
// code cache for it made at build time by the same Node binary after the bundle's modules were
// loaded, so what they compile at start is read, not compiled again. The Windows executable is
// cross-built and carries no cache (one made here would not match the target).
//
// A SEA's main script can require built-ins only; the bundle needs nothing else, and is given
// that same `require`.
import { getAsset } from 'node:sea';
import path from 'node:path';
import { Script } from 'node:vm';
import type { Bundle } from './main.js';
import { pjson } from 'siem-doctor:bundle';

/** What the asset `cli.js` exports (scripts/dist.js: the `cli` entry). */
interface Cli {
  main(bundle: Bundle, args: string[]): Promise<void>;
  COMMANDS: Bundle['commands'];
  pjson: Bundle['pjson'];
  manifest: Bundle['manifest'];
}

function loadCli(): Cli {
  let cachedData: Buffer | undefined;
  try {
    cachedData = Buffer.from(getAsset('cli.cache'));
  } catch {
    // the Windows executable has none
  }
  // cli.js is a function expression `(function (exports, require, module) { … })`, the same text
  // the build compiled to make the cache: V8 takes a cache only for the source it was made from.
  const script = new Script(getAsset('cli.js', 'utf8'), { filename: 'siem-doctor-cli.js', cachedData });
  if (cachedData && script.cachedDataRejected && process.env.SIEM_DOCTOR_DEBUG) {
    process.stderr.write('siem-doctor: the code cache was rejected; compiling without it\n');
  }
  const module = { exports: {} as Cli };
  (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object) => void)(
    module.exports,
    require,
    module,
  );
  return module.exports;
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(
    `siem-doctor/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`,
  );
} else {
  const cli = loadCli();
  void cli.main(
    {
      root: path.dirname(process.execPath),
      pjson: cli.pjson,
      manifest: cli.manifest,
      commands: cli.COMMANDS,
    },
    args,
  );
}
