// What `syslog listen` prints around the stream of events: the line that says where it listens,
// what it reports while the recovery stream runs (the SIEM refusing or stalling, --output failing),
// and the summary at the end. Categories, times, senders and the malformed example are a sender's
// bytes: every line is neutralised before it reaches the terminal.
import type { MessageFile } from '../catalog/en.js';
import { decimal, translate, type Text } from '../catalog/index.js';
import type { ListenSummary } from '../syslog/listener.js';
import type { ForwardProblem, RecoverySummary } from '../syslog/recovery.js';
import { hostForPort, OUTPUT_ERROR } from '../syslog/recovery.js';
import { neutralise, terminalJson } from './terminal.js';

/** The listen summary with what the recovery procedure adds (times of the stream, --output, --forward). */
export type ListenResultSummary = ListenSummary & RecoverySummary;

/** `syslog listen`'s result: the JSON document is `{ "summary": … }`, the last JSON line. */
export interface ListenResult {
  summary: ListenResultSummary;
}

const say = (catalog: MessageFile, text: Text) => translate(catalog, text);

export function listeningLine(
  catalog: MessageFile,
  address: { host: string; port: number },
  protocol: string,
  extra: { output?: string; forward?: string },
): string {
  const lines = [
    say(catalog, {
      key: 'listen.listening',
      params: { host: hostForPort(address.host), port: address.port, protocol },
    }),
  ];
  if (extra.output) lines.push(say(catalog, { key: 'listen.keeping', params: { file: extra.output } }));
  if (extra.forward)
    lines.push(say(catalog, { key: 'listen.forwarding', params: { target: extra.forward } }));
  return lines.map(neutralise).join('\n');
}

/** Why the SIEM did not take messages, in a few words. */
function problemReason(catalog: MessageFile, problem: ForwardProblem, stallMs: number): string {
  const code = problem.code ?? '';
  switch (problem.kind) {
    case 'refused':
      return say(catalog, { key: 'listen.forward.refused' });
    case 'reset':
      return say(catalog, { key: 'listen.forward.reset', params: { code } });
    case 'closed':
      return say(catalog, { key: 'listen.forward.closed' });
    case 'stalled':
      return say(catalog, { key: 'listen.forward.stalled', params: { seconds: stallMs / 1000 } });
    case 'unreachable':
      return say(catalog, { key: 'listen.forward.unreachable', params: { code } });
    default:
      return say(catalog, { key: 'listen.forward.error', params: { code } });
  }
}

/** The one stderr line when the SIEM stops taking messages. */
export function forwardProblemLine(
  catalog: MessageFile,
  problem: ForwardProblem,
  target: string,
  options: { output?: string; stallMs: number },
): string {
  const kept = options.output
    ? say(catalog, { key: 'listen.forward.keptIn', params: { file: options.output } })
    : say(catalog, { key: 'listen.forward.keptNowhere' });
  return neutralise(
    say(catalog, {
      key: 'listen.forward.problem',
      params: { target, at: problem.at, reason: problemReason(catalog, problem, options.stallMs), kept },
    }),
  );
}

export function forwardRecoveredLine(catalog: MessageFile, target: string): string {
  return neutralise(say(catalog, { key: 'listen.forward.recovered', params: { target } }));
}

export function outputFailedLine(catalog: MessageFile, file: string, error: Text): string {
  return neutralise(say(catalog, { key: 'listen.output.failed', params: { file }, parts: { error } }));
}

/** The summary printed when the listener stops. */
export function renderListenSummary(
  s: ListenResultSummary,
  catalog: MessageFile,
  options: { stallMs: number },
): string {
  const t = (text: Text) => say(catalog, text);
  const lines = [
    '',
    t({
      key: 'listen.summary',
      params: {
        events: s.events,
        activities: s.activities,
        alerts: s.alerts,
        senders: s.senders.length,
        connections: s.connections,
        seconds: decimal(s.durationMs / 1000),
        malformed: s.malformed,
      },
    }),
  ];
  if (s.events === 0) lines.push(t({ key: 'listen.none' }));
  if (s.notPrinted) lines.push(t({ key: 'listen.dropped', params: { dropped: s.notPrinted } }));
  const categories = Object.entries(s.byCategory).sort((a, b) => b[1] - a[1]);
  if (categories.length > 0) {
    const width = Math.max(...categories.map(([c]) => c.length));
    lines.push(t({ key: 'listen.byCategory' }), ...categories.map(([c, n]) => `  ${c.padEnd(width)}  ${n}`));
  }
  if (s.firstEventTime)
    lines.push(t({ key: 'listen.times', params: { first: s.firstEventTime, last: s.lastEventTime ?? '' } }));
  // the header times are the events' times too when the agent wrote both: said once
  const sameRange = s.firstRt === s.firstEventTime && s.lastRt === s.lastEventTime;
  if (s.firstRt && !sameRange)
    lines.push(t({ key: 'listen.rt', params: { first: s.firstRt, last: s.lastRt ?? '' } }));
  if (s.lastMessageAt)
    lines.push(
      t({
        key: 'listen.quiet',
        params: {
          first: s.firstMessageAt ?? '',
          last: s.lastMessageAt,
          seconds: decimal((s.quietMs ?? 0) / 1000),
        },
      }),
    );
  if (s.senders.length > 0) lines.push(t({ key: 'listen.senders', params: { list: s.senders.join(', ') } }));
  if (s.events > 0) lines.push(t({ key: 'listen.framing', params: s.framing }));
  if (s.firstMalformed) {
    const { sender, reason, message } = s.firstMalformed;
    lines.push(
      t({
        key: 'listen.malformed',
        params: { sender, reason: t(malformedReason(reason)), example: terminalJson(message.slice(0, 120)) },
      }),
    );
  }
  lines.push(...outputLines(s, t), ...forwardLines(s, t, catalog, options.stallMs));
  return `${lines.map(neutralise).join('\n')}\n`;
}

function outputLines(s: ListenResultSummary, t: (text: Text) => string): string[] {
  const o = s.output;
  if (!o) return [];
  const lines = [
    t({
      key: 'listen.output.kept',
      params: { messages: o.messages, bytes: o.bytes, files: o.files.join(', ') || o.file },
    }),
  ];
  if (o.rotations > 0)
    lines.push(t({ key: 'listen.output.rotated', params: { rotations: o.rotations, keep: o.keep } }));
  if (o.rotatedAway > 0)
    lines.push(t({ key: 'listen.output.rotatedAway', params: { count: o.rotatedAway, keep: o.keep } }));
  if (o.notKept > 0)
    lines.push(
      t({
        key: 'listen.output.notKept',
        params: { count: o.notKept },
        // a write that failed, or a disk that did not keep up (always one of them: recovery.ts)
        parts: { error: o[OUTPUT_ERROR]! },
      }),
    );
  return lines;
}

function forwardLines(
  s: ListenResultSummary,
  t: (text: Text) => string,
  catalog: MessageFile,
  stallMs: number,
): string[] {
  const f = s.forward;
  if (!f) return [];
  const lines = [
    t({
      key: 'listen.forward.counts',
      params: {
        target: f.target,
        received: s.received,
        forwarded: f.forwarded,
        notForwarded: f.notForwarded,
      },
    }),
  ];
  if (f.unconfirmed > 0)
    lines.push(t({ key: 'listen.forward.unconfirmed', params: { count: f.unconfirmed } }));
  const [first] = f.problems;
  if (first)
    lines.push(
      t({
        key: 'listen.forward.problems',
        params: { count: f.outages, at: first.at, reason: problemReason(catalog, first, stallMs) },
      }),
    );
  if (f.notForwarded > 0) {
    const o = s.output;
    const count = f.notForwarded;
    if (!o) lines.push(t({ key: 'listen.forward.lost', params: { count } }));
    else if (o.notKept > 0 || o.rotatedAway > 0)
      lines.push(t({ key: 'listen.forward.partlyKept', params: { count, file: o.file } }));
    else lines.push(t({ key: 'listen.forward.loadLater', params: { count, file: o.file } }));
  }
  return lines;
}

/**
 * Why a message is malformed, in the user's language. The parser's reasons (src/syslog/cef.ts) are
 * data, the same in JSON in every language; a reason this list does not know is quoted as it is.
 */
function malformedReason(reason: string): Text {
  if (reason === 'bad PRI') return { key: 'listen.reason.pri' };
  if (reason === 'no CEF: in the line') return { key: 'listen.reason.noCef' };
  if (reason === 'CEF header has fewer than 8 fields') return { key: 'listen.reason.fields' };
  const version = /^CEF version "(.*)" is not a number$/s.exec(reason);
  if (version) return { key: 'listen.reason.version', params: { version: version[1]! } };
  return { key: 'listen.reason.other', params: { reason } };
}
