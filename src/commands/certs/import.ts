import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../../command-base.js';
import { trustFlags } from '../../config/flags.js';
import { LANGUAGES, translate } from '../../catalog/index.js';
import { UsageError } from '../../errors.js';
import { neutralise } from '../../render/terminal.js';
import type { MessageFile } from '../../catalog/en.js';
import type { renderImportPlan } from '../../render/certs.js';
import type { ImportResult } from '../../trust/service.js';

export default class CertsImport extends DoctorCommand {
  static override summary = "Add the CA certificates the portal's chain needs to the Java keystore, safely";
  static override description = `Takes the CA certificates from the chain the portal serves (verified against this machine's trust first), from files (--from), or from Microsoft's PKI (--download, every file checked against a pinned SHA-256). Adds only CA certificates the keystore lacks, and no expired one unless --include-expired. Keeps a backup beside the keystore, writes a new file beside it, syncs it to disk, swaps it in, and reads it back. A second run changes nothing.

Exit codes: 0 the keystore holds everything needed, 1 something could not be obtained, 2 bad input (nothing changed).`;
  static override examples = [
    {
      description: 'From the chain the portal serves',
      command:
        '<%= config.bin %> <%= command.id %> --portal-url https://contoso.us3.portal.cloudappsecurity.com',
    },
    {
      description: 'From files, without asking (CI)',
      command: '<%= config.bin %> <%= command.id %> --from ./azure-cas/ --yes',
    },
    {
      description: 'See what would change',
      command: '<%= config.bin %> <%= command.id %> --download --dry-run',
    },
  ];
  static override flags = {
    ...trustFlags,
    from: Flags.string({
      description: 'certificate file or folder (PEM, DER, .crt, .cer, bundles); repeatable',
      multiple: true,
      helpValue: 'FILE|DIR',
    }),
    download: Flags.boolean({
      description: "download the CAs from Microsoft's PKI, checked against pinned SHA-256 fingerprints",
    }),
    'pki-base-url': Flags.string({
      description: 'a mirror of the PKI files to download from',
      helpValue: 'URL',
      dependsOn: ['download'],
    }),
    'include-expired': Flags.boolean({ description: 'import expired certificates too' }),
    'dry-run': Flags.boolean({ description: 'show what would change, change nothing' }),
    yes: Flags.boolean({
      char: 'y',
      description: 'do not ask for confirmation (required without a terminal)',
    }),
    keytool: Flags.boolean({
      description: "import through the JRE's own keytool (for keystore kinds siem-doctor does not write)",
    }),
    json: Flags.boolean({ description: 'print the result as JSON' }),
    lang: Flags.string({ description: 'language of the output', options: [...LANGUAGES] }),
  };

  public async run(): Promise<ImportResult> {
    const { flags } = await this.parse(CertsImport);
    const config = await this.resolveSettings(flags);
    const mirror = flags['pki-base-url'];
    if (mirror !== undefined && !/^https?:\/\/[^/\s]+/i.test(mirror)) {
      throw new UsageError({ key: 'import.error.mirror', params: { url: mirror } });
    }
    const [{ catalog }, { gatherFacts }, { importTrust }, render] = await Promise.all([
      this.speaker(flags.lang),
      import('../../checks/facts.js'),
      import('../../trust/service.js'),
      import('../../render/certs.js'),
    ]);
    const request = {
      ...(flags.from && { from: flags.from }),
      download: flags.download,
      ...(mirror && { pkiBaseUrl: mirror }),
      includeExpired: flags['include-expired'],
      keytool: flags.keytool,
      dryRun: flags['dry-run'],
      now: new Date(),
    };
    const ask = this.confirmation(flags.yes, catalog, render.renderImportPlan);
    const facts = gatherFacts(config, process.env, this.config.version);
    const result = await importTrust(facts, config, process.env, request, {
      catalog,
      confirm: ask.confirm,
    }).finally(() => facts.dispose());
    const redactor = this.redactor();
    const refused = render.renderImportError(result, catalog, redactor);
    if (refused) this.logToStderr(refused);
    render
      .renderImport(result, catalog, redactor, { planShown: ask.planShown() })
      .forEach((l) => this.log(l));
    this.verdictExitCode = result.ok ? 0 : 1;
    return result;
  }

  /** The document of the result, without the text its error is said with (the error holds its English). */
  protected override jsonDocument(result: unknown): unknown {
    const document: Partial<ImportResult> = { ...(result as ImportResult) };
    delete document.errorText;
    return super.jsonDocument(document);
  }

  /**
   * The question before anything is written: under --yes, yes; without a terminal, bad input;
   * else the plan, then the question (the plan is then not printed again).
   */
  private confirmation(yes: boolean, catalog: MessageFile, renderPlan: typeof renderImportPlan) {
    let shown = false;
    const confirm = async (plan: ImportResult) => {
      if (yes) return true;
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new UsageError({ key: 'import.error.notTerminal' });
      }
      const redactor = this.redactor();
      renderPlan(plan, catalog, redactor).forEach((line) => this.log(line));
      shown = true;
      const { confirm: ask } = await import('@inquirer/prompts');
      const question = translate(catalog, {
        key: 'import.confirm',
        params: { count: plan.add.length, file: plan.keystore },
      });
      return ask({ message: neutralise(redactor.text(question)), default: false });
    };
    return { confirm, planShown: () => shown };
  }
}
