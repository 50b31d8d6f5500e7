import * as Flags from '@oclif/core/flags';
import { access, writeFile } from 'node:fs/promises';
import { DoctorCommand } from '../command-base.js';
import { LANGUAGES, type Text } from '../catalog/index.js';
import { describeFileError, UsageError } from '../errors.js';

export default class Init extends DoctorCommand {
  // init asks questions at a terminal and writes a file: there is no document to print
  static override enableJsonFlag = false;

  static override summary = 'Interactive set-up that writes a config file for check';
  static override description = `Asks for the settings the agent uses (portal, proxy, SIEM server, Java, logs), checks each answer as check would, and writes them as JSON. The token is never written to the file: give it as SIEM_DOCTOR_TOKEN.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --lang fr',
  ];
  static override flags = {
    lang: Flags.string({ description: 'language of the questions', options: [...LANGUAGES] }),
  };

  public async run(): Promise<void> {
    const { flags } = await this.parse(Init);
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError(
        'init asks questions and needs a terminal; without one, write the JSON config by hand (keys: portalUrl, proxy, syslogHost, syslogPort, protocol, javaHome, keystore, logsDirectory)',
      );
    }
    const { say } = await this.speaker(flags.lang);
    const [{ input, select, confirm }, { parsePortalUrl }, { parseProxyAddress, parsePort }, { locateJava }] =
      await Promise.all([
        import('@inquirer/prompts'),
        import('../config/resolve.js'),
        import('../config/proxy-address.js'),
        import('../probes/java.js'),
      ]);
    // Each answer goes through the parser check itself uses: what init accepts, check accepts.
    const valid = (check: (value: string) => void) => (value: string) => {
      if (value.trim() === '') return true;
      try {
        check(value.trim());
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    };
    this.log(say({ key: 'init.intro' }));
    const settings: Record<string, string | number> = {};
    const ask = async (key: string, message: Text, check?: (value: string) => void, fallback?: string) => {
      const answer = (
        await input({
          message: say(message),
          ...(fallback && { default: fallback }),
          ...(check && { validate: valid(check) }),
        })
      ).trim();
      if (answer) settings[key] = answer;
    };
    await ask('portalUrl', { key: 'init.portal' }, (v) => parsePortalUrl(v));
    await ask('proxy', { key: 'init.proxy' }, (v) => {
      const parsed = parseProxyAddress(v);
      if (!parsed.ok) throw new Error(parsed.problem);
    });
    await ask('syslogHost', { key: 'init.syslogHost' });
    if (settings.syslogHost) {
      await ask('syslogPort', { key: 'init.syslogPort' }, (v) => {
        if (parsePort(v) === undefined) throw new Error('a whole number from 1 to 65535');
      });
      if (settings.syslogPort) settings.syslogPort = Number(settings.syslogPort);
      settings.protocol = await select({
        message: say({ key: 'init.protocol' }),
        choices: [{ value: 'tcp' }, { value: 'udp' }],
      });
    }
    const java = await locateJava({ env: process.env });
    await ask('javaHome', { key: 'init.javaHome' }, undefined, java.found ? java.home : undefined);
    await ask('logsDirectory', { key: 'init.logs' });
    const file = (await input({ message: say({ key: 'init.file' }), default: 'siem-doctor.json' })).trim();
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (
      exists &&
      !(await confirm({ message: say({ key: 'init.overwrite', params: { file } }), default: false }))
    ) {
      this.log(say({ key: 'import.cancelled' }));
      return;
    }
    try {
      await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (error) {
      throw new UsageError(describeFileError(error, file));
    }
    this.log(say({ key: 'init.written', params: { file } }));
  }
}
