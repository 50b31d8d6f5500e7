import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../command-base.js';
import { connectionFlags } from '../config/flags.js';
import { parseOutputFile } from '../config/resolve.js';
import type { BundleReceipt } from '../bundle/write.js';
import { renderBundleReceipt } from '../render/bundle.js';

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
        "read token, proxy, logs directory and JRE from the running agent's command line (flags still win, but the JRE judged is the agent's own)",
    }),
    'test-event': Flags.boolean({
      description: 'also send the marked test event to the SIEM (syslog-send)',
      default: false,
    }),
  };

  public async run(): Promise<BundleReceipt> {
    const { flags } = await this.parse(Bundle);
    const output = parseOutputFile(flags.output); // refused before anything runs
    const config = await this.resolveSettings(flags);
    const { writeSupportBundle } = await import('../bundle/write.js');
    const receipt = await writeSupportBundle({
      config,
      env: process.env,
      toolVersion: this.config.version,
      ...(output !== undefined && { file: output }),
      secrets: this.knownSecrets(),
    });
    const { catalog } = await this.speaker(undefined);
    this.log(renderBundleReceipt(receipt, catalog));
    return receipt;
  }
}
