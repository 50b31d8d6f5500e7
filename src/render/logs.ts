// `siem-doctor logs` as text: what was read, what was not and why, each finding with its documented
// error, why it is that one, its times, count and one example line, and the portal's status as the
// lines let one tell it. Every line is redacted and neutralised here: log lines, file and folder
// names are the agent's, or anyone's who could write in that folder.
import { decimal, fill, translate, type Text } from '../catalog/index.js';
import type { MessageFile, MessageKey } from '../catalog/en.js';
import { localizedName } from '../catalog/documented-errors.js';
import { quietWindow, type LogFinding, type LogScan, type PortalContact } from '../logs/scan.js';
import { BY_SIDE } from '../logs/patterns.js';
import type { Redactor } from './redact.js';
import { neutralise } from './terminal.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as the agent's lines write it: local, to the second. */
export function localTime(iso: string | undefined, unknown: string): string {
  if (iso === undefined) return unknown;
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const endpoint = (f: Pick<LogFinding, 'host' | 'port'>) =>
  f.host === undefined ? '' : f.port === undefined ? f.host : `${f.host}:${f.port}`;

/** The catalog key that says why a finding is the documented error it maps to, if there is one. */
export function whyKey(finding: Pick<LogFinding, 'kind' | 'side'>): MessageKey | undefined {
  if (BY_SIDE[finding.kind]) {
    const side = finding.side === 'proxy' && finding.kind !== 'unknown-host' ? 'portal' : finding.side;
    return `logs.why.${finding.kind}.${side}` as MessageKey;
  }
  const key = `logs.why.${finding.kind}`;
  return key as MessageKey;
}

/** The words of a finding that the check and the renderer share: label, side, times, place. */
export function findingParams(catalog: MessageFile, f: LogFinding) {
  const unknown = catalog.messages['logs.timeUnknown'];
  return {
    error: f.error ? localizedName(f.error, catalog.lang) : '',
    label: f.label,
    side: fill(catalog.messages[`logs.side.${f.side}`], { host: endpoint(f) }, catalog.lang).trim(),
    count: f.count,
    first: localTime(f.first.time, unknown),
    last: localTime(f.last.time, unknown),
    file: f.example.file,
    line: f.example.line,
  };
}

/** Why the finding is what it is: our explanation, else the documented error's own description. */
export function explain(catalog: MessageFile, f: LogFinding): string | undefined {
  const key = whyKey(f);
  if (key && key in catalog.messages) return fill(catalog.messages[key], { host: endpoint(f) || '?' });
  return f.error ? catalog.documentedErrors[f.error].description : undefined;
}

function portalLines(catalog: MessageFile, portal: PortalContact, now: string): Text[] {
  const t = (iso: string | undefined) => localTime(iso, catalog.messages['logs.timeUnknown']);
  const lines: Text[] = [];
  if (portal.lastContact)
    lines.push({ key: 'logs.portal.lastContact', params: { time: t(portal.lastContact) } });
  if (portal.failingSince)
    lines.push({
      key: portal.lastContact ? 'logs.portal.failingSince' : 'logs.portal.noContact',
      params: { time: t(portal.failingSince) },
    });
  const latest = portal.basis === 'first-failure';
  const minutes = (at: string) => Math.max(0, Math.ceil((Date.parse(at) - Date.parse(now)) / 60_000));
  const shows = latest ? 'logs.portal.showsAtLatest' : 'logs.portal.shows';
  const will = latest ? 'logs.portal.willShowAtLatest' : 'logs.portal.willShow';
  const disconnected = localizedName('Disconnected', catalog.lang);
  const connectionError = localizedName('Connection error', catalog.lang);
  if (portal.status === 'Disconnected') {
    lines.push({ key: shows, params: { status: disconnected, at: t(portal.disconnectedAt) } });
  } else if (portal.status === 'Connection error') {
    lines.push({ key: shows, params: { status: connectionError, at: t(portal.connectionErrorAt) } });
    const at = portal.disconnectedAt;
    lines.push({ key: will, params: { status: disconnected, at: t(at), minutes: minutes(at) } });
  } else {
    const at = portal.connectionErrorAt;
    lines.push({ key: will, params: { status: connectionError, at: t(at), minutes: minutes(at) } });
  }
  return lines;
}

export function renderLogs(scan: LogScan, catalog: MessageFile, redactor: Redactor): string[] {
  const out: string[] = [];
  const say = (text: Text) => translate(catalog, text);
  const print = (line: string) => out.push(neutralise(redactor.text(line)));
  const { dir } = scan;
  print(
    say({
      key: 'logs.read',
      params: { files: scan.files, lines: scan.lines, megabytes: decimal(scan.bytes / 1e6), dir },
    }),
  );
  if (scan.since) print(say({ key: 'logs.window', params: { since: localTime(scan.since, '') } }));
  // every entry not read, so that "clean" is read for what it covers
  for (const { file, reason, code } of scan.skipped)
    print(
      say({
        key: 'logs.skippedFile',
        params: { file, reason: say({ key: `logs.skip.${reason}`, params: { code: code ?? '' } }) },
      }),
    );
  for (const file of scan.read)
    if (file.damaged)
      print(say({ key: 'logs.damaged', params: { file: file.file, code: file.damaged, lines: file.lines } }));
  if (scan.files === 0)
    print(
      quietWindow(scan)
        ? say({ key: 'logs.quietWindow', params: { count: scan.skipped.length, dir } })
        : scan.skipped.length > 0
          ? say({ key: 'logs.nothingRead', params: { count: scan.skipped.length, dir } })
          : say({ key: 'logs.emptyDir', params: { dir } }),
    );
  else if (scan.findings.length === 0)
    print(say({ key: 'logs.clean', params: { files: scan.files, lines: scan.lines, dir } }));
  let stepsShown = false;
  for (const finding of scan.findings) {
    const params = findingParams(catalog, finding);
    print(say({ key: finding.error ? 'logs.finding' : 'logs.finding.undecided', params }));
    print(`    ${finding.example.text.trim()}`);
    const why = explain(catalog, finding);
    if (why) print(`    ${why}`);
    // the steps of the most recent documented error, as the check gives them
    if (finding.error && !stepsShown) {
      stepsShown = true;
      catalog.documentedErrors[finding.error].resolution.forEach((step, n) => print(`    ${n + 1}. ${step}`));
    }
  }
  if (scan.portal) for (const line of portalLines(catalog, scan.portal, scan.now)) print(say(line));
  return out;
}
