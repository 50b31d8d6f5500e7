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
  const { execute, createRedactor, secretsFromArgv } = await import('../dist/main.js');
  // Last resort: an exception that escapes every check (a socket callback, say) still ends in one
  // redacted line, never a stack trace. SIEM_DOCTOR_DEBUG=1 shows the stack for a bug report.
  const last = (error) => {
    const redactor = createRedactor(secretsFromArgv(args, process.env));
    const line = String(error?.message ?? error).split('\n')[0];
    process.stderr.write(`Error: unexpected failure: ${redactor.text(line)}\n`);
    if (process.env.SIEM_DOCTOR_DEBUG) process.stderr.write(`${redactor.text(String(error?.stack ?? ''))}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  await execute({ dir: import.meta.url });
}
