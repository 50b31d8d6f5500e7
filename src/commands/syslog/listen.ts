import * as Flags from '@oclif/core/flags';
import { once } from 'node:events';
import { DoctorCommand } from '../../command-base.js';
import { LANGUAGES, type Text } from '../../catalog/index.js';
import { parseHost, parsePort } from '../../config/proxy-address.js';
import { UsageError } from '../../errors.js';
import { escapeControls, neutralise, terminalJson } from '../../render/terminal.js';
import type { ListenSummary } from '../../syslog/listener.js';

export default class Listen extends DoctorCommand {
  static override summary = 'Receive what an agent (or send-test) sends, and parse and count it';
  static override description = `The recovery procedure's "netcat -l <port>", done properly: several senders at once, line-feed or octet-counted framing detected per message, syslog header and CEF parsed, one line per event (time, category, name, user, app) or JSON lines, and a summary at the end. Listens on 127.0.0.1 (IPv4) unless --host says otherwise. Exit 0 when at least one valid event arrived, 1 otherwise.`;
  static override examples = [
    {
      description: 'Point a recovery agent at 127.0.0.1:5514/tcp, then',
      command: '<%= config.bin %> <%= command.id %> --port 5514',
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
    json: Flags.boolean({ description: 'one JSON object per event, and the summary as the last line' }),
    lang: Flags.string({ description: 'language of the summary', options: [...LANGUAGES] }),
  };

  /** the summary is the last of the JSON lines */
  protected override jsonIndent = 0;

  public async run(): Promise<unknown> {
    const { flags } = await this.parse(Listen);
    const port = parsePort(flags.port.trim());
    if (port === undefined)
      throw new UsageError(`--port "${flags.port}" must be a whole number from 1 to 65535`);
    // an empty --host would listen on every interface
    const host = parseHost(flags.host.trim());
    if (host === undefined)
      throw new UsageError(
        `--host "${flags.host}" is not an address or host name: give an address of this machine, e.g. 127.0.0.1 (0.0.0.0 for every IPv4 address, :: for IPv6)`,
      );
    const durationMs = flags.duration === undefined ? undefined : parseDuration(flags.duration);
    const protocol = flags.protocol as 'tcp' | 'udp';
    const { say } = await this.speaker(flags.lang);

    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigint);
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
        // a slow reader of stdout pauses the senders instead of filling this process's memory
        write: (bytes) => process.stdout.write(bytes),
        drained: () => once(process.stdout, 'drain').then(() => undefined),
      });
    } catch (error) {
      // the system refusing the address is the user's to fix (exit 2); anything else is ours
      if (!(error as NodeJS.ErrnoException).code) throw error;
      throw new UsageError(bindError(error as NodeJS.ErrnoException, host, port));
    }
    this.logToStderr(
      say({
        key: 'listen.listening',
        params: { host: listener.address.host, port: listener.address.port, protocol },
      }),
    );
    const summary = await listener.done;
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    this.verdictExitCode = summary.events === 0 ? 1 : 0;
    // under --json the events went out as JSON lines; the summary is the last line
    if (this.jsonEnabled()) return { summary };
    process.stdout.write(describe(summary, say));
    return undefined;
  }
}

function bindError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use: stop what listens there, or choose another --port`;
    case 'EACCES':
      return `listening on port ${port} needs more rights (ports below 1024 need root): choose a port above 1023`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `--host ${host} is not an address of this machine`;
    default:
      return `cannot listen on ${host}:${port}: ${error.message.split('\n')[0]}`;
  }
}

/** Node's timers hold at most 2^31 − 1 ms (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** --duration in seconds, as a whole number of milliseconds from 1 ms to what a timer holds. */
function parseDuration(raw: string): number {
  const ms = Math.round(Number(raw.trim()) * 1000);
  if (raw.trim() === '' || !Number.isFinite(ms) || ms < 1 || ms > MAX_TIMER_MS)
    throw new UsageError(
      `--duration "${escapeControls(raw)}" must be a number of seconds from 0.001 to ${Math.floor(MAX_TIMER_MS / 1000)} (about 24 days), e.g. --duration 60`,
    );
  return ms;
}

function describe(s: ListenSummary, say: (t: Text) => string): string {
  const lines = [
    '',
    say({
      key: 'listen.summary',
      params: {
        events: s.events,
        activities: s.activities,
        alerts: s.alerts,
        senders: s.senders.length,
        connections: s.connections,
        seconds: (s.durationMs / 1000).toFixed(1),
        malformed: s.malformed,
      },
    }),
  ];
  if (s.events === 0) lines.push(say({ key: 'listen.none' }));
  if (s.notPrinted) lines.push(say({ key: 'listen.dropped', params: { dropped: s.notPrinted } }));
  const categories = Object.entries(s.byCategory).sort((a, b) => b[1] - a[1]);
  if (categories.length > 0) {
    const width = Math.max(...categories.map(([c]) => c.length));
    lines.push(
      say({ key: 'listen.byCategory' }),
      ...categories.map(([c, n]) => `  ${c.padEnd(width)}  ${n}`),
    );
  }
  if (s.firstEventTime)
    lines.push(
      say({ key: 'listen.times', params: { first: s.firstEventTime, last: s.lastEventTime ?? '' } }),
    );
  if (s.senders.length > 0)
    lines.push(say({ key: 'listen.senders', params: { list: s.senders.join(', ') } }));
  if (s.events > 0) lines.push(say({ key: 'listen.framing', params: s.framing }));
  if (s.firstMalformed) {
    const { sender, reason, message } = s.firstMalformed;
    lines.push(
      say({
        key: 'listen.malformed',
        params: { sender, reason, example: terminalJson(message.slice(0, 120)) },
      }),
    );
  }
  // categories, times and the malformed example are a sender's bytes
  return `${lines.map(neutralise).join('\n')}\n`;
}
