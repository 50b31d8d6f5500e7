// The times in the agent's log lines, and the --since window. Java's loggers start a statement with
// its time (log4j/logback: `2026-11-21 10:00:00,001`, ISO `2026-11-21T10:00:00.001Z`); the lines
// of a stack trace that follow carry none and belong to that statement. A time without a zone is
// the agent server's local time, which is where siem-doctor runs.
import { ConfigError } from '../errors.js';

const STAMP =
  /^\[?(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?/;

/** The time a line starts with, in ms since the epoch, or undefined when it starts with none. */
export function lineTime(line: string): number | undefined {
  const m = STAMP.exec(line);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms] as const;
  if (zone === undefined) {
    const local = new Date(...fields).getTime();
    return Number.isNaN(local) ? undefined : local;
  }
  const utc = Date.UTC(...fields);
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000;
  return utc - sign * offset;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since`: a duration back from now (`90m`, `2h`, `7d`, `1h30m`) or a time (`2026-11-30`,
 * `2026-11-30T10:00`, `2026-11-30 10:00:00Z`; without a zone, local time). The start of the window
 * in ms since the epoch.
 */
export function parseSince(raw: string, now: Date): number {
  const value = raw.trim();
  if (/^(?:\d+(?:\.\d+)?[smhdw])+$/i.test(value)) {
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)([smhdw])/gi))
      ms += Number(amount) * UNIT_MS[unit!.toLowerCase()]!;
    const start = now.getTime() - ms;
    // further back than a date can be (about 273,000 years)
    if (!Number.isNaN(new Date(start).getTime())) return start;
    throw new ConfigError({ key: 'config.error.sinceTooFar', params: { value: raw } }, 'since');
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const stamp = STAMP.exec(value);
  // 2026-13-45 would roll over into 2027: a date is taken only as it is written
  const written =
    (date ?? stamp)
      ?.slice(1, 6)
      .filter((part) => part !== undefined)
      .map(Number) ?? [];
  const exists = written.length > 0 && isRealTime(written);
  const time = !exists
    ? undefined
    : date
      ? new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3])).getTime()
      : stamp?.[0] === value
        ? lineTime(value)
        : undefined;
  if (time === undefined || Number.isNaN(time))
    throw new ConfigError({ key: 'config.error.since', params: { value: raw } }, 'since');
  return time;
}

/** Whether year, month, day (and hour, minute when given) name a moment that exists. */
function isRealTime([year, month, day, hour = 0, minute = 0]: number[]): boolean {
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate(); // the last day of that month
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= days && hour <= 23 && minute <= 59;
}
