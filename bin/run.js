#!/usr/bin/env node
// Production entry. Start-up is part of the product: `--version` is answered before oclif loads,
// and oclif is imported through its narrow entry points and reads oclif.manifest.json, so only
// the command asked for is imported.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(
    `siem-doctor/${version} ${process.platform}-${process.arch} node-${process.version}\n`,
  );
} else {
  const { execute } = await import('@oclif/core/execute');
  await execute({ dir: import.meta.url });
}
