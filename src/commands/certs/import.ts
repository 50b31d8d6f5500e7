import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../../command-base.js';
import { trustFlags } from '../../config/flags.js';
import { LANGUAGES, type Text } from '../../catalog/index.js';
import { UsageError } from '../../errors.js';

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

  public async run(): Promise<void> {
    const { flags } = await this.parse(CertsImport);
    const [{ locateKeystore, keytoolOf }, store, importer] = await Promise.all([
      import('../../trust/locate.js'),
      import('../../keystore/store.js'),
      import('../../trust/import.js'),
    ]);
    const config = await this.resolveSettings(flags);
    const { say } = await this.speaker(flags.lang);
    const out: string[] = [];
    const line = (t: Text) => out.push(say(t));

    const mirror = flags['pki-base-url'];
    if (mirror !== undefined && !/^https?:\/\/[^/\s]+/i.test(mirror)) {
      throw new UsageError(
        `--pki-base-url "${mirror}" must be an http:// or https:// address, e.g. https://mirror.contoso.local/pkiops/certs/`,
      );
    }
    const { keystore: file, javaHome } = await locateKeystore(config, process.env);
    const keytool = flags.keytool ? await keytoolOf(javaHome) : undefined;
    const keystore = await store.openKeystore(file, config.storepass);
    if (!flags.keytool) await store.serializeKeystore(keystore, config.storepass); // fails early if we cannot write this kind
    line({
      key: 'import.keystore',
      params: { file, format: keystore.format.toUpperCase(), count: keystore.entries.length },
    });

    const now = new Date();
    const candidates: { der: Buffer; source: string }[] = [];
    const failures: { name: string; url: string; problem: string }[] = [];
    if (flags.from) {
      candidates.push(...(await importer.candidatesFromFiles(flags.from)));
      line({ key: 'import.sourceFiles', params: { files: flags.from.join(', ') } });
    }
    if (flags.download) {
      const got = await importer.candidatesFromDownload(
        importer.downloadList(flags['include-expired'], now),
        {
          ...(flags['pki-base-url'] && { baseUrl: flags['pki-base-url'] }),
          timeoutMs: config.timeoutMs,
        },
      );
      candidates.push(...got.candidates);
      failures.push(...got.failures);
      line({
        key: 'import.sourceDownload',
        params: { base: flags['pki-base-url'] ?? 'https://www.microsoft.com/pkiops/certs/' },
      });
    }
    if (!flags.from && !flags.download) {
      if (!config.portalUrl) {
        throw new UsageError(
          'say where the certificates come from: --portal-url URL (the chain the portal serves), --from FILE|DIR, or --download',
        );
      }
      const { gatherFacts } = await import('../../checks/facts.js');
      const probe = await gatherFacts(config, process.env, this.config.version).portal();
      const tls = probe?.tls;
      if (!tls) {
        throw new UsageError(
          `could not get the chain of ${config.portalUrl.hostname}: ${probe?.failed?.name ?? 'no answer'} failed (${probe?.failed?.code ?? ''}); run \`siem-doctor check --only proxy,portal\`, or use --from / --download`,
        );
      }
      // Never import from a handshake that this machine does not trust: that is how an
      // inspecting proxy's CA would end up trusted by the agent.
      if (tls.trustError || tls.hostnameError) {
        throw new UsageError(
          `refusing to import from ${config.portalUrl.hostname}: its chain is not trusted here (${tls.trustError ?? tls.hostnameError}); use --download or --from with files you trust`,
        );
      }
      candidates.push(
        ...tls.chain.slice(1).map((c) => ({ der: c.der, source: `https://${config.portalUrl!.host}` })),
      );
      line({ key: 'import.sourcePortal', params: { host: config.portalUrl.hostname } });
    }

    const plan = importer.planImport(keystore, candidates, { includeExpired: flags['include-expired'], now });
    if (plan.add.length > 0) {
      out.push(say({ key: 'import.add' }));
      for (const p of plan.add) out.push(`  + ${p.alias}  ${p.name}  (${p.notAfter.slice(0, 10)})`);
    }
    const skipped = [
      ...plan.skipped.map((s) =>
        say(
          s.reason === 'present'
            ? { key: 'import.present', params: { name: s.name, alias: s.alias! } }
            : s.reason === 'expired'
              ? { key: 'import.expired', params: { name: s.name, date: s.notAfter.slice(0, 10) } }
              : s.reason === 'not-a-ca'
                ? { key: 'import.notCa', params: { name: s.name } }
                : { key: 'import.duplicate', params: { name: s.name } },
        ),
      ),
      ...failures.map((f) => say({ key: 'import.downloadFailed', params: f })),
    ];
    if (skipped.length > 0) {
      out.push(say({ key: 'import.skip' }));
      for (const s of skipped) out.push(`  - ${s}`);
    }

    const result = {
      keystore: file,
      format: keystore.format,
      add: plan.add,
      skipped: plan.skipped,
      failures,
      changed: false,
      backup: null as string | null,
    };
    const finish = () => {
      if (flags.json) this.log(JSON.stringify(result, null, 2));
      else for (const l of out) this.log(l);
      if (failures.length > 0) this.exit(1);
    };
    if (plan.add.length === 0) {
      line({ key: 'import.nothing' });
      return finish();
    }
    if (flags['dry-run']) {
      line({ key: 'import.dryRun' });
      return finish();
    }
    if (!flags.yes) {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new UsageError(
          'not run from a terminal: add --yes to import without confirmation (nothing was changed)',
        );
      }
      for (const l of out) this.log(l);
      out.length = 0;
      const { confirm } = await import('@inquirer/prompts');
      if (
        !(await confirm({
          message: say({ key: 'import.confirm', params: { count: plan.add.length, file } }),
          default: false,
        }))
      ) {
        line({ key: 'import.cancelled' });
        return finish();
      }
    }
    const written = keytool
      ? await importer.importWithKeytool({
          keytool,
          keystore: keystore.file,
          storepass: config.storepass,
          plan,
          candidates,
          now,
        })
      : await store.writeKeystoreAtomically(
          keystore.file,
          importer.applyPlan(keystore, plan, candidates, now),
          config.storepass,
          now,
        );
    result.changed = true;
    result.backup = written.backup;
    line({ key: 'import.done', params: { count: plan.add.length, file, backup: written.backup } });
    line({ key: 'import.restart' });
    return finish();
  }
}
