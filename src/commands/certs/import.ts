import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../../command-base.js';
import { trustFlags } from '../../config/flags.js';
import { LANGUAGES, type Text } from '../../catalog/index.js';
import { UsageError } from '../../errors.js';
import { X509Certificate } from 'node:crypto';
import { KeystoreBusyError } from '../../keystore/lock.js';
import { neutralise } from '../../render/terminal.js';
import type { DownloadFailure, ImportPlan } from '../../trust/import.js';

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

  public async run(): Promise<unknown> {
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
    const { keystore: file, javaHome, chosenBy } = await locateKeystore(config, process.env);
    const { managedStore, anchorFiles, applyManagedPlan } = await import('../../trust/distro.js');
    const managed = flags.keytool ? undefined : await managedStore(file);
    const keytool = flags.keytool ? await keytoolOf(javaHome) : undefined;
    const keystore = await store.openKeystore(file, config.storepass);
    if (!flags.keytool && !managed) await store.serializeKeystore(keystore, config.storepass); // fails early if we cannot write this kind
    line({
      key: 'import.keystore',
      params: { file, format: keystore.format.toUpperCase(), count: keystore.entries.length },
    });
    line({ key: 'store.chosenBy', params: { how: chosenBy } });

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
      // An unreachable portal is a certificate that could not be obtained (exit 1), not bad input.
      if (!tls) {
        failures.push({
          name: say({ key: 'import.portalChain', params: { host: config.portalUrl.hostname } }),
          url: config.portalUrl.origin,
          problem: `${probe?.failed?.name ?? 'no answer'} failed${probe?.failed?.code ? ` (${probe.failed.code})` : ''}; run \`siem-doctor check --only proxy,portal\`, or use --from / --download`,
        });
      }
      // Never import from a handshake that this machine does not trust: that is how an
      // inspecting proxy's CA would end up trusted by the agent.
      else if (tls.trustError || tls.hostnameError) {
        throw new UsageError(
          `refusing to import from ${config.portalUrl.hostname}: its chain is not trusted here (${tls.trustError ?? tls.hostnameError}); use --download or --from with files you trust`,
        );
      } else {
        candidates.push(
          ...tls.chain.slice(1).map((c) => ({ der: c.der, source: `https://${config.portalUrl!.host}` })),
        );
        line({ key: 'import.sourcePortal', params: { host: config.portalUrl.hostname } });
      }
    }

    const includeExpired = flags['include-expired'];
    const preview = importer.planImport(keystore, candidates, { includeExpired, now });
    const result = {
      keystore: file,
      format: keystore.format,
      add: preview.add,
      skipped: preview.skipped,
      failures,
      changed: false,
      backup: null as string | null,
    };
    let failed = failures.length > 0;
    // Aliases, certificate names, file names and URLs come from outside: redacted (a mirror URL
    // or a store path may carry a secret), and never raw to the terminal.
    const redactor = this.redactor();
    const print = (line: string) => this.log(neutralise(redactor.text(line)));
    const finish = () => {
      if (!this.jsonEnabled()) out.forEach(print);
      this.verdictExitCode = failed ? 1 : 0;
      return result;
    };
    /** When nothing is added: what the offer held, in words, and whether that is a failure. */
    const nothingAdded = (plan: typeof preview) => {
      const verdict = importer.whyNothingAdded(plan, candidates.length, failures.length);
      line({ key: verdict.key, params: { count: failures.length } });
      if (failures.length > 0 && candidates.length > 0)
        line({ key: 'import.someNotObtained', params: { count: failures.length } });
      failed ||= !verdict.ok;
    };
    if (preview.add.length === 0) {
      out.push(...describePlan(preview, failures, say));
      nothingAdded(preview);
      return finish();
    }
    // A store the distribution rebuilds: its own way, not a write that the next update undoes.
    const managedFiles = managed
      ? anchorFiles(
          managed,
          preview.add.map((p) => ({
            alias: p.alias,
            der: candidates.find((c) => new X509Certificate(c.der).fingerprint256 === p.sha256)!.der,
          })),
        )
      : [];
    if (managed) {
      line({ key: 'store.managed', params: { file, resolved: managed.resolved, tool: managed.command[0]! } });
      line({ key: 'store.plan' });
      for (const f of managedFiles) out.push(`  write ${f.file}`);
      out.push(`  run ${managed.command.join(' ')}`);
      Object.assign(result, { managed: { ...managed, files: managedFiles.map((f) => f.file) } });
    }
    if (flags['dry-run']) {
      out.push(...describePlan(preview, failures, say));
      line({ key: 'import.dryRun' });
      return finish();
    }
    const interactive = !flags.yes;
    if (interactive) {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new UsageError(
          'not run from a terminal: add --yes to import without confirmation (nothing was changed)',
        );
      }
      [...out, ...describePlan(preview, failures, say)].forEach(print);
      out.length = 0;
      const { confirm } = await import('@inquirer/prompts');
      if (
        !(await confirm({
          message: neutralise(say({ key: 'import.confirm', params: { count: preview.add.length, file } })),
          default: false,
        }))
      ) {
        line({ key: 'import.cancelled' });
        return finish();
      }
    }
    if (managed) {
      if (!interactive) out.push(...describePlan(preview, failures, say));
      const ran = await applyManagedPlan(managed, managedFiles);
      // Verified afterwards: the store Java reads must now hold every certificate.
      const after = await store.openKeystore(file, config.storepass);
      const held = new Set(
        after.entries.map((e) => (e.kind === 'trusted' ? new X509Certificate(e.der).fingerprint256 : '')),
      );
      const missing = preview.add.filter((p) => !held.has(p.sha256));
      result.changed = ran.ok;
      Object.assign(result, { toolOutput: ran.output, missingAfterwards: missing.map((m) => m.alias) });
      if (!ran.ok || missing.length > 0) {
        line({
          key: 'store.managedIncomplete',
          params: { tool: managed.command[0]!, file, count: missing.length },
        });
        failures.push({
          name: managed.command[0]!,
          url: file,
          problem: ran.ok ? 'store not rebuilt' : (ran.output.split('\n')[0] ?? ''),
        });
        failed = true;
        return finish();
      }
      line({
        key: 'store.managedDone',
        params: { count: preview.add.length, file, tool: managed.command[0]! },
      });
      line({ key: 'import.restart' });
      return finish();
    }
    // Under the lock the keystore is read and planned again: another run may have written since.
    let outcome;
    try {
      outcome = await importer.importCandidates({
        file: keystore.file,
        password: config.storepass,
        candidates,
        includeExpired,
        now,
        ...(keytool && { keytool }),
      });
    } catch (error) {
      if (!(error instanceof KeystoreBusyError)) throw error;
      this.logToStderr(`Error: ${neutralise(error.message)}`);
      failed = true; // under --json, the document still says what was planned and that nothing changed
      out.length = 0;
      return finish();
    }
    // From here on, everything said comes from the final file as read back.
    result.add = outcome.plan.add;
    result.skipped = outcome.plan.skipped;
    if (!interactive) out.push(...describePlan(outcome.plan, failures, say));
    if (outcome.plan.add.length === 0) {
      nothingAdded(outcome.plan);
      return finish();
    }
    result.changed = true;
    result.backup = outcome.backup ?? null;
    line({
      key: 'import.done',
      params: { count: outcome.plan.add.length, file, backup: outcome.backup ?? '' },
    });
    if (failures.length > 0) line({ key: 'import.someNotObtained', params: { count: failures.length } });
    line({ key: 'import.restart' });
    return finish();
  }
}

/** The plan in lines: what is added, what is left out and why, what could not be obtained. */
function describePlan(plan: ImportPlan, failures: DownloadFailure[], say: (text: Text) => string): string[] {
  const out: string[] = [];
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
    ...failures.map((f) => say({ key: 'import.downloadFailed', params: { ...f } })),
  ];
  if (skipped.length > 0) {
    out.push(say({ key: 'import.skip' }));
    for (const s of skipped) out.push(`  - ${s}`);
  }
  return out;
}
