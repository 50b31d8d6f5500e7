import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../../command-base.js';
import { trustFlags } from '../../config/flags.js';
import { LANGUAGES } from '../../catalog/index.js';
import type { ListResult } from '../../trust/service.js';

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

  public async run(): Promise<ListResult> {
    const { flags } = await this.parse(CertsList);
    const config = await this.resolveSettings(flags);
    const [{ gatherFacts }, { listTrust }] = await Promise.all([
      import('../../checks/facts.js'),
      import('../../trust/service.js'),
    ]);
    const facts = gatherFacts(config, process.env, this.config.version);
    const result = await listTrust(facts, config, process.env).finally(() => facts.dispose());
    if (!this.jsonEnabled()) {
      const [{ catalog }, { renderList }] = await Promise.all([
        this.speaker(flags.lang),
        import('../../render/certs.js'),
      ]);
      renderList(result, catalog, this.redactor()).forEach((line) => this.log(line));
    }
    return result;
  }
}
