import * as Flags from '@oclif/core/flags';
import { once } from 'node:events';
import { DoctorCommand } from '../../command-base.js';
import { LANGUAGES, type Text } from '../../catalog/index.js';
import { parseHost, parsePort } from '../../config/proxy-address.js';
import { parseOutputFile, plainNumber } from '../../config/resolve.js';
import { UsageError } from '../../errors.js';
import {
  forwardProblemLine,
  forwardRecoveredLine,
  listeningLine,
  outputFailedLine,
  renderListenSummary,
  type ListenResult,
} from '../../render/listen-summary.js';
import { escapeControls } from '../../render/terminal.js';
import {
  hostForPort,
  isSameEndpoint,
  parseForward,
  parseSize,
  startRecovery,
  type Recovery,
} from '../../syslog/recovery.js';

export default class Listen extends DoctorCommand {
  static override summary = 'Receive what an agent (or send-test) sends, and parse and count it';
  static override description = `The recovery procedure's "netcat -l <port>", done properly: several senders at once, line-feed or octet-counted framing detected per message, syslog header and CEF parsed, one line per event (time, category, name, user, app) or JSON lines, and a summary at the end: when the stream went quiet and the range of the events' rt times, to compare with the alerted period. Listens on 127.0.0.1 (IPv4) unless --host says otherwise.

--output FILE keeps every message byte for byte, one per line (as rsyslog's %rawmsg% does), so that the recovered events can be loaded into the SIEM afterwards; it is appended to, and with --output-max-size rotated into FILE.1, FILE.2 … (--output-files of them kept). --forward HOST:PORT[/tcp|udp] relays every message to the SIEM as it arrives, in the framing it came in (the listener's protocol unless /tcp or /udp is given); a SIEM that refuses, resets or stalls is reported, tried again with a bounded backoff, and what it did not take is counted (and kept in --output). A file or SIEM that cannot keep up pauses the TCP senders. Exit 0 when at least one valid event arrived, 1 otherwise.`;
  static override examples = [
    {
      description: 'Point a recovery agent at 127.0.0.1:5514/tcp, then',
      command: '<%= config.bin %> <%= command.id %> --port 5514',
    },
    {
      description: 'Keep the recovered events and relay them to the SIEM while counting them',
      command:
        '<%= config.bin %> <%= command.id %> --port 5514 --output recovered.log --output-max-size 500M --forward siem.contoso.local:514/tcp',
    },
    '<%= config.bin %> <%= command.id %> --port 5514 --protocol udp --duration 60',
    '<%= config.bin %> <%= command.id %> --port 5514 --count 100 --json > events.jsonl',
  ];

  static override flags = {
    port: Flags.string({ description: 'port to listen on', required: true, helpValue: 'PORT' }),
    protocol: Flags.string({ description: 'tcp or udp', options: ['tcp', 'udp'], default: 'tcp' }),
    host: Flags.string({
      description: 'address to listen on (0.0.0.0 for every IPv4 address, :: for IPv6)',
      default: '127.0.0.1',
    }),
    count: Flags.integer({ description: 'stop after this many valid events', min: 1 }),
    duration: Flags.string({ description: 'stop after this many seconds', helpValue: 'SECONDS' }),
    output: Flags.string({
      description: 'keep every received message, byte for byte, one per line, in this file (appended to)',
      helpValue: 'FILE',
    }),
    'output-max-size': Flags.string({
      description: 'rotate --output into FILE.1, FILE.2 … before it grows past this size (e.g. 100M, 1G)',
      helpValue: 'SIZE',
      dependsOn: ['output'],
    }),
    'output-files': Flags.integer({
      description: 'rotated files of --output to keep; the oldest beyond them is deleted [default: 9]',
      min: 1,
      max: 999,
      dependsOn: ['output-max-size'],
    }),
    forward: Flags.string({
      description: 'relay every message to the SIEM as it arrives, in the framing it came in',
      helpValue: 'HOST:PORT[/tcp|udp]',
    }),
    'forward-timeout': Flags.string({
      description:
        'a SIEM that takes nothing for this many seconds while messages wait has stalled [default: 10]',
      helpValue: 'SECONDS',
      dependsOn: ['forward'],
    }),
    json: Flags.boolean({ description: 'one JSON object per event, and the summary as the last line' }),
    lang: Flags.string({ description: 'language of the summary', options: [...LANGUAGES] }),
  };

  /** the summary is the last of the JSON lines */
  protected override jsonIndent = 0;

  public async run(): Promise<ListenResult> {
    const { flags } = await this.parse(Listen);
    const { catalog } = await this.speaker(flags.lang);
    const port = parsePort(flags.port.trim());
    if (port === undefined) throw new UsageError({ key: 'listen.badPort', params: { value: flags.port } });
    // an empty --host would listen on every interface
    const host = parseHost(flags.host.trim());
    if (host === undefined) throw new UsageError({ key: 'listen.badHost', params: { value: flags.host } });
    const durationMs = flags.duration === undefined ? undefined : parseSeconds(flags.duration);
    const stallMs = parseSeconds(flags['forward-timeout'] ?? '10', 'forward-timeout');
    const protocol = flags.protocol as 'tcp' | 'udp';
    const forward = flags.forward === undefined ? undefined : parseForward(flags.forward, protocol);
    if (forward && isSameEndpoint({ host, port, protocol }, forward))
      throw new UsageError({ key: 'listen.forward.loop', params: { target: flags.forward! } });
    const output = parseOutputFile(flags.output, 'recovered.log');
    const maxBytes = flags['output-max-size'] === undefined ? undefined : parseSize(flags['output-max-size']);

    // The port first: a port in use leaves no --output file and says nothing of the SIEM. The
    // listener takes nothing until the file is open and the SIEM's connection started.
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const stopSignals = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    let recovery: Recovery | undefined;
    let begin!: { resolve: () => void; reject: (error: unknown) => void };
    const ready = new Promise<void>((resolve, reject) => (begin = { resolve, reject }));
    const { startListener } = await import('../../syslog/listener.js');
    let listener;
    try {
      listener = await startListener({
        host,
        port,
        protocol,
        count: flags.count,
        durationMs,
        signal: controller.signal,
        output: flags.json ? 'json' : 'text',
        ready,
        // each message to the file and the SIEM (only when there is one: a hook per message costs)
        ...((output !== undefined || forward) && {
          onMessage: (raw, framing) => recovery?.onMessage(raw, framing),
        }),
        // A slow reader of stdout, a slow disk (--output) or a slow SIEM (--forward) pauses the
        // senders instead of filling this process's memory; only a full stdout leaves a
        // datagram's events unprinted.
        write: (bytes) => process.stdout.write(bytes),
        drained: async () => {
          if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
        },
        paused: () => recovery?.full ?? false,
        resumed: () => recovery?.drained() ?? Promise.resolve(),
      });
    } catch (error) {
      stopSignals();
      // the system refusing the address is the user's to fix (exit 2); anything else is ours
      if (!(error as NodeJS.ErrnoException).code) throw error;
      throw new UsageError(bindError(error as NodeJS.ErrnoException, host, port));
    }
    try {
      recovery = await startRecovery({
        ...(output !== undefined && {
          output: {
            file: output,
            maxBytes,
            keep: flags['output-files'] ?? 9,
          },
        }),
        ...(forward && { forward }),
        stallMs,
        timeoutMs: 5000,
        events: {
          problem: (problem, target) =>
            this.logToStderr(forwardProblemLine(catalog, problem, target, { output, stallMs })),
          recovered: (target) => this.logToStderr(forwardRecoveredLine(catalog, target)),
          outputFailed: (error, file) => this.logToStderr(outputFailedLine(catalog, file, error)),
        },
      });
    } catch (error) {
      begin.reject(error);
      controller.abort();
      await listener.done;
      stopSignals();
      throw error;
    }
    begin.resolve();
    this.logToStderr(
      listeningLine(catalog, listener.address, protocol, {
        output,
        forward: forward && `${hostForPort(forward.host)}:${forward.port}/${forward.protocol}`,
      }),
    );
    const summary = await listener.done;
    stopSignals();
    const result: ListenResult = { summary: { ...summary, ...(await recovery.close()) } };
    this.verdictExitCode = summary.events === 0 ? 1 : 0;
    // under --json the events went out as JSON lines; the summary is the last line
    if (!this.jsonEnabled()) process.stdout.write(renderListenSummary(result.summary, catalog, { stallMs }));
    return result;
  }
}

function bindError(error: NodeJS.ErrnoException, host: string, port: number): Text {
  switch (error.code) {
    case 'EADDRINUSE':
      return { key: 'listen.bind.inUse', params: { port, host } };
    case 'EACCES':
      return { key: 'listen.bind.rights', params: { port } };
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return { key: 'listen.bind.notHere', params: { host } };
    default:
      return {
        key: 'listen.bind.other',
        params: { host, port, reason: error.message.split('\n')[0]! },
      };
  }
}

/** Node's timers hold at most 2^31 − 1 ms (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A number of seconds, as a whole number of milliseconds from 1 ms to what a timer holds. */
function parseSeconds(raw: string, flag = 'duration'): number {
  const ms = Math.round(plainNumber(raw) * 1000); // not 0x10 or 1e3, as --timeout
  if (!(ms >= 1 && ms <= MAX_TIMER_MS))
    throw new UsageError({
      key: 'listen.badDuration',
      params: { flag, value: escapeControls(raw), max: Math.floor(MAX_TIMER_MS / 1000) },
    });
  return ms;
}
