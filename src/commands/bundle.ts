import * as Flags from '@oclif/core/flags';
import { writeFile } from 'node:fs/promises';
import { DoctorCommand } from '../command-base.js';
import { connectionFlags } from '../config/flags.js';
import { describeFileError, UsageError } from '../errors.js';
import { neutralise } from '../render/terminal.js';

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

  public async run(): Promise<void> {
    const { flags } = await this.parse(Bundle);
    const [{ parseOutputFile, resolveConfig }, { collectBundle }] = await Promise.all([
      import('../config/resolve.js'),
      import('../bundle/collect.js'),
    ]);
    const output = parseOutputFile(flags.output);
    const config = await resolveConfig({ flags, argv: this.argv, env: process.env });
    config.sendTestEvent = flags['test-event'];
    this.keepSecrets(config);
    const bundle = await collectBundle({
      config,
      env: process.env,
      toolVersion: this.config.version,
    });
    const file = output ?? `siem-doctor-bundle-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    const redactor = this.redactor();
    // Redacted twice over: every value through the known secrets and shapes, then the text itself.
    const text = redactor.text(`${JSON.stringify(redactor.deep(bundle), null, 2)}\n`);
    try {
      await writeFile(file, text, { mode: 0o600 });
    } catch (error) {
      throw new UsageError(`--output: ${describeFileError(error, file)}`);
    }
    this.log(neutralise(`Support bundle written to ${file} (${text.length} bytes, secrets redacted)`));
  }
}
