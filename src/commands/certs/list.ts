import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../../command-base.js';
import { trustFlags } from '../../config/flags.js';
import { LANGUAGES } from '../../catalog/index.js';
import { neutralise } from '../../render/terminal.js';

export default class CertsList extends DoctorCommand {
  static override summary =
    'Show which of the Microsoft and DigiCert CAs the agent needs are in the Java keystore';
  static override description = `Lists the CA certificates of Azure's chains (the eight of Microsoft's instructions, the issuing CAs and roots Azure serves today, and retired ones) with their expiry and whether the keystore holds them, under which alias. With --portal-url, also the chain the portal serves right now and the anchor Java would use.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --keystore /opt/jre/lib/security/cacerts --portal-url https://contoso.us3.portal.cloudappsecurity.com --json',
  ];
  static override flags = {
    ...trustFlags,
    json: Flags.boolean({ description: 'print the result as JSON' }),
    lang: Flags.string({ description: 'language of the output', options: [...LANGUAGES] }),
  };

  public async run(): Promise<unknown> {
    const { flags } = await this.parse(CertsList);
    const [{ locateKeystore }, { openKeystore, trustedEntries }, { KNOWN_CAS }, { fingerprint }] =
      await Promise.all([
        import('../../trust/locate.js'),
        import('../../keystore/store.js'),
        import('../../trust/known-cas.js'),
        import('../../keystore/model.js'),
      ]);
    const config = await this.resolveSettings(flags);
    const { keystore: file, chosenBy } = await locateKeystore(config, process.env);
    const keystore = await openKeystore(file, config.storepass);
    const entries = trustedEntries(keystore);
    const aliasBySha = new Map(entries.map((e) => [fingerprint(e.der), e.alias]));
    const now = Date.now();
    const known = KNOWN_CAS.map((ca) => ({
      name: ca.name,
      issuer: ca.issuer,
      role: ca.role,
      notAfter: ca.notAfter,
      expired: Date.parse(ca.notAfter) < now,
      alias: aliasBySha.get(ca.sha256) ?? null,
      sha256: ca.sha256,
      ...(ca.alias && { docsAlias: ca.alias }),
    }));

    let chain:
      | { subject: string; issuer: string; notAfter: string; alias: string | null; needed: boolean }[]
      | undefined;
    let anchor: string | undefined;
    if (config.portalUrl) {
      const { gatherFacts } = await import('../../checks/facts.js');
      const probe = await gatherFacts(config, process.env, this.config.version).portal();
      if (probe?.tls) {
        const { buildPath } = await import('../../trust/path.js');
        const result = buildPath(
          probe.tls.chain.map((c) => c.der),
          entries.map((e) => ({ alias: e.alias, der: e.der })),
        );
        anchor = result.ok ? result.anchor.alias : undefined;
        const onPath = new Set(result.path.map((s) => s.sha256));
        chain = probe.tls.chain.map((c) => ({
          subject: c.subject,
          issuer: c.issuer,
          notAfter: c.notAfter,
          alias: aliasBySha.get(c.sha256) ?? null,
          needed: onPath.has(c.sha256) || (result.ok && result.anchor.sha256 === c.sha256),
        }));
      }
    }

    // File names, aliases, certificate names and -D options come from outside: redacted (a
    // trust-store path or mirror URL may carry a secret), and never raw to the terminal.
    const redactor = this.redactor();
    const document = {
      keystore: file,
      chosenBy,
      format: keystore.format,
      entries: entries.length,
      known,
      ...(chain && { chain, anchor: anchor ?? null }),
    };
    if (this.jsonEnabled()) return document; // redacted by jsonDocument
    const { say } = await this.speaker(flags.lang);
    const print = (line: string) => this.log(neutralise(redactor.text(line)));
    print(
      say({
        key: 'list.title',
        params: { file, format: keystore.format.toUpperCase(), count: entries.length },
      }),
    );
    print(say({ key: 'store.chosenBy', params: { how: chosenBy } }));
    const width = Math.max(...known.map((k) => k.name.length));
    for (const k of known) {
      const state = k.alias
        ? say({ key: 'list.present', params: { alias: k.alias } })
        : say({ key: 'list.missing' });
      const expiry = `${k.notAfter.slice(0, 10)}${k.expired ? ` (${say({ key: 'list.expired' })})` : ''}`;
      print(`  ${k.name.padEnd(width)}  ${k.role.padEnd(10)}  ${expiry.padEnd(22)}  ${state}`);
    }
    if (chain && config.portalUrl) {
      print('');
      print(say({ key: 'list.chainTitle', params: { host: config.portalUrl.hostname } }));
      for (const c of chain) {
        const state = c.alias
          ? say({ key: 'list.present', params: { alias: c.alias } })
          : say({ key: 'list.missing' });
        print(
          `  ${c.subject}  ← ${c.issuer}  ${c.notAfter.slice(0, 10)}  ${state}  ${say({ key: c.needed ? 'list.needed' : 'list.notNeeded' })}`,
        );
      }
    }
  }
}
