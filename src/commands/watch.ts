import * as Flags from '@oclif/core/flags';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { renderReport, type Format } from '../render/index.js';
import { neutralise } from '../render/terminal.js';
import { DEFAULT_WARN_SHARE } from '../watch/projection.js';
import { TEXTFILE_NAME } from '../watch/session.js';
import { parseDuration } from '../watch/loop.js';
import { runWatch } from '../watch/run.js';
import CheckCommand from './check.js';
import { RoundCommand } from '../round-command.js';

// Everything of check's but what needs a person or decides an exit code: a watch never changes
// the machine and always exits 0 once stopped (the verdicts are in its metrics and lines).
const LEFT_OUT = ['fix', 'yes', 'strict'] as const;
const roundFlags = Object.fromEntries(
  Object.entries(CheckCommand.flags).filter(([name]) => !(LEFT_OUT as readonly string[]).includes(name)),
) as Omit<typeof CheckCommand.flags, (typeof LEFT_OUT)[number]>;

export default class WatchCommand extends RoundCommand {
  static override summary = 'Run the checks every interval and warn before the portal marks the agent';
  static override description = `Keeps a small state file (when each check last passed, since when it fails) and projects from it what the portal will show: "Connection error" after 2 hours without contact, "Disconnected" after 12. After every round it writes the Prometheus file for node_exporter's or windows_exporter's textfile collector and/or the report in --format to --output, and prints one line per change. The SIEM test event is sent only with --test-event.

Stops cleanly on SIGINT or SIGTERM once the current round ends. Exit codes: 0 stopped or done, 2 bad input.`;
  static override examples = [
    {
      description: 'Metrics for node_exporter every 5 minutes',
      command:
        '<%= config.bin %> <%= command.id %> --config /etc/siem-doctor.json --textfile-dir /var/lib/prometheus/node-exporter',
    },
    {
      description: 'One round from a timer, NDJSON lines added for a log shipper',
      command:
        '<%= config.bin %> <%= command.id %> --once --format ndjson --output /var/log/siem-doctor.ndjson --append',
    },
  ];

  static override flags = {
    ...roundFlags,
    interval: Flags.string({
      description: 'time between the starts of two rounds, e.g. 30s, 5m, 1h',
      default: '5m',
      helpValue: 'DURATION',
    }),
    once: Flags.boolean({ description: 'run one round and stop' }),
    state: Flags.string({
      description: `state file [default: beside --output, else in --textfile-dir, else ./siem-doctor-state.json]`,
      helpValue: 'FILE',
    }),
    'textfile-dir': Flags.string({
      description: `write ${TEXTFILE_NAME} there after each round (node_exporter / windows_exporter textfile collector)`,
      helpValue: 'DIR',
    }),
    'warn-share': Flags.string({
      description: `warn once an outage has lasted this share of the portal's 2 h / 12 h marks [default: ${DEFAULT_WARN_SHARE}]`,
      helpValue: '0..1',
    }),
    'test-event': Flags.boolean({
      description: 'send the marked test event to the SIEM in every round (syslog-send)',
      default: false,
    }),
  };

  public override async run(): Promise<void> {
    const { flags } = await this.parse(WatchCommand);
    const intervalMs = parseDuration(flags.interval);
    if (intervalMs === undefined)
      throw new UsageError({ key: 'config.error.interval', params: { value: flags.interval } });
    const warnShare = flags['warn-share'] === undefined ? DEFAULT_WARN_SHARE : Number(flags['warn-share']);
    if (!(warnShare > 0 && warnShare < 1))
      throw new UsageError({ key: 'config.error.warnShare', params: { value: String(flags['warn-share']) } });
    const format: Format = flags.json ? 'json' : (flags.format as Format);
    const { config, checks, catalog } = await this.prepare(flags);
    const redactor = this.redactor();
    // its result is not printed: a watch's output is its lines, files and metrics, round by round
    await runWatch({
      checks,
      config,
      catalog,
      toolVersion: this.config.version,
      intervalMs,
      interval: flags.interval,
      once: flags.once,
      statePath: flags.state ?? defaultStatePath(flags.output, flags['textfile-dir']),
      warnShare,
      textfileDir: flags['textfile-dir'],
      output: flags.output ? { file: flags.output, format, append: flags.append } : undefined,
      render: (report, as) =>
        renderReport(report, as, { catalog, color: false, secrets: this.knownSecrets() }),
      safeLine: (line) => neutralise(redactor.text(line)),
      print: (line) => process.stdout.write(`${line}\n`),
      status: (line) => this.logToStderr(line),
    });
  }
}

/** The state lives beside what the watch writes, so that one folder holds a watch's files. */
function defaultStatePath(output: string | undefined, textfileDir: string | undefined): string {
  if (output) return path.join(path.dirname(output), 'siem-doctor-state.json');
  // The textfile collectors read only *.prom files, so the state may sit beside siem_doctor.prom.
  if (textfileDir) return path.join(textfileDir, 'siem-doctor-state.json');
  return 'siem-doctor-state.json';
}
