// Entry of the single-file executables (scripts/dist.js): the same start-up path as bin/run.js
// (main.ts), given the package.json and the manifest the build bundled in, since nothing lies
// beside an executable. A Node SEA's main script can require built-ins only, so everything else is
// inside this one script; what bin/run.js loads from lazy chunks is evaluated only when imported
// here too (esbuild keeps each dynamic import() a deferred module), so start-up still runs only
// what the command asked for needs.
import path from 'node:path';
import { manifest, pjson } from 'siem-doctor:bundle';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(
    `siem-doctor/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`,
  );
} else {
  void Promise.all([import('./main.js'), import('siem-doctor:commands')]).then(([{ main }, { COMMANDS }]) =>
    main({ root: path.dirname(process.execPath), pjson, manifest, commands: COMMANDS }, args),
  );
}
