import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../command-base.js';
import { LANGUAGES } from '../catalog/index.js';
import type { InitResult } from '../config/interview.js';
import { UsageError } from '../errors.js';

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

  public async run(): Promise<InitResult> {
    const { flags } = await this.parse(Init);
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      const keys = 'portalUrl, proxy, syslogHost, syslogPort, protocol, javaHome, keystore, logsDirectory';
      throw new UsageError({ key: 'config.error.noTerminal', params: { keys } });
    }
    const { say } = await this.speaker(flags.lang);
    const [prompts, { interview }, { locateJava }] = await Promise.all([
      import('@inquirer/prompts'),
      import('../config/interview.js'),
      import('../probes/java.js'),
    ]);
    this.log(say({ key: 'init.intro' }));
    const result = await interview({ prompts, say, java: await locateJava({ env: process.env }) });
    this.log(
      say(
        result.written ? { key: 'init.written', params: { file: result.file } } : { key: 'import.cancelled' },
      ),
    );
    return result;
  }
}
