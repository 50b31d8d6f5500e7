#!/usr/bin/env node
// Production entry. Start-up is part of the product: `--version` is answered before oclif loads;
// everything else goes through dist/main.js, oclif bundled with our code, which reads
// oclif.manifest.json and imports only the command asked for.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(
    `siem-doctor/${version} ${process.platform}-${process.arch} node-${process.version}\n`,
  );
} else {
  const { execute } = await import('../dist/main.js');
  await execute({ dir: import.meta.url });
}
