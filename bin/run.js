#!/usr/bin/env node
// Production entry of the npm form. Start-up is part of the product: `--version` is answered before
// oclif loads; everything else goes through dist/main.js, oclif bundled with our code, given the
// package.json and the manifest beside it (the executables carry the same two inside: src/sea.ts).
import { readFileSync } from 'node:fs';

const read = (name) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'));
const pjson = read('package.json');
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(
    `siem-doctor/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`,
  );
} else {
  const { main, COMMANDS } = await import('../dist/main.js');
  const root = new URL('..', import.meta.url).pathname;
  await main({ root, pjson, manifest: read('oclif.manifest.json'), commands: COMMANDS }, args);
}
