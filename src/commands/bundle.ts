import * as Flags from '@oclif/core/flags';
import { open } from 'node:fs/promises';
import { DoctorCommand } from '../command-base.js';
import { connectionFlags } from '../config/flags.js';
import { describeFileError, UsageError } from '../errors.js';
import { neutralise } from '../render/terminal.js';
import { createRedactor, redactReport } from '../render/redact.js';

export default class Bundle extends DoctorCommand {
  static override summary = 'Write a support bundle, every secret redacted';
  static override description = `Runs every check (without sending a test event to the SIEM unless --test-event) and writes one JSON file for a support case: the report, this machine and its Java (version, TLS settings, launcher options), the Azure CAs in the keystore, and the agent's logs (what they map to, and the last lines). The token, keystore passwords and proxy credentials are replaced by <redacted> everywhere, log lines included.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> --portal-url https://contoso.us3.portal.cloudappsecurity.com --logs-directory /opt/mcas/logs',
    '<%= config.bin %> <%= command.id %> --config siem-doctor.json --output case-2611.json',
  ];
  static override flags = {
    ...connectionFlags,
    output: Flags.string({
      char: 'o',
      description: 'where to write it [default: siem-doctor-bundle-<time>.json here]',
      helpValue: 'FILE',
    }),
    'from-process': Flags.boolean({
      description:
        "read token, proxy, logs directory and JRE from the running agent's command line (flags still win)",
    }),
    'test-event': Flags.boolean({ description: 'also send the marked test event to the SIEM (syslog-send)' }),
  };

  public async run(): Promise<unknown> {
    const { flags } = await this.parse(Bundle);
    const [{ parseOutputFile }, { collectBundle }] = await Promise.all([
      import('../config/resolve.js'),
      import('../bundle/collect.js'),
    ]);
    const output = parseOutputFile(flags.output);
    const config = await this.resolveSettings(flags);
    config.sendTestEvent = flags['test-event'];
    const bundle = await collectBundle({
      config,
      env: process.env,
      toolVersion: this.config.version,
    });
    const file = output ?? `siem-doctor-bundle-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    // Every string and key through the redactor before it is written (so before JSON escapes a
    // secret out of its known form); the report keeps its statuses and ids as render does.
    const secrets = this.knownSecrets();
    const safe = { ...createRedactor(secrets).deep(bundle), report: redactReport(bundle.report, secrets) };
    const text = `${JSON.stringify(safe, null, 2)}\n`;
    try {
      await writePrivately(file, text);
    } catch (error) {
      throw new UsageError(`--output: ${describeFileError(error, file)}`);
    }
    const receipt = { file, bytes: Buffer.byteLength(text) };
    this.log(neutralise(`Support bundle written to ${file} (${receipt.bytes} bytes, secrets redacted)`));
    return receipt;
  }
}

/**
 * Writes a file only its owner can read. writeFile's mode applies only to a file it creates: one
 * that was there keeps its mode, so the mode is set on the emptied file before anything is written.
 */
async function writePrivately(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}
