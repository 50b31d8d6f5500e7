import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatAgentLine,
  formatRfc3164Line,
  messageTime,
  parseExtension,
  parseSyslogLine,
  readSyslog,
  type SyslogEvent,
} from '../../src/syslog/cef.js';
import { sampleEvents, connectivityTestEvent } from '../../src/syslog/test-events.js';
import { FIXTURES } from '../helpers/paths.js';
import { seeded } from '../helpers/random.js';

const SAMPLES = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);

function parsed(line: string): SyslogEvent {
  const result = parseSyslogLine(line);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

describe('parsing the agent samples', () => {
  it('parses every sample line', () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(12);
    for (const line of SAMPLES) {
      const event = parsed(line);
      expect(event.cef).toMatchObject({ version: '0', vendor: 'MCAS', product: 'SIEM_Agent' });
      expect(event.cef.extension.externalId).toMatch(/^[0-9a-f_-]+$/);
    }
  });

  it('reads an activity: header, empty values, escaped =, quoted label', () => {
    const event = parsed(SAMPLES[0]!);
    expect(event.timestamp).toBe('2017-11-22T17:50:04.000Z');
    expect(event.hostname).toBeUndefined();
    expect(event.cef).toMatchObject({
      productVersion: '0.111.85',
      signatureId: 'EVENT_CATEGORY_LOGOUT',
      name: 'Log out',
      severity: '0',
    });
    const x = event.cef.extension;
    expect(x.msg).toBe('Log out');
    expect(x.suser).toBe('admin@contoso.com');
    expect(x.destinationServiceName).toBe('ServiceNow');
    expect(x.dvc).toBe('13.82.149.151');
    expect(x.requestClientApplication).toBe('');
    expect(x.cs1).toBe(
      'https://contoso.portal.cloudappsecurity.com/#/audits?activity.id=eq(1511373015679_167ae3eb-ed33-454a-b548-c2ed6cea6ef0,)',
    );
    expect(x.cs3).toBe('admin@contoso.com,admin@contoso.com,admin@contoso.com');
    expect(x.c6a1Label).toBe('"Device IPv6 Address"');
    expect(x.c6a1).toBe('');
    expect(event.cef.signatureId).toMatch(/^EVENT_CATEGORY_/); // an activity
  });

  it('reads the system name the agent puts after the time', () => {
    const event = parsed(SAMPLES.find((l) => l.includes('LAB-EUW-ARCTEST'))!);
    expect(event.hostname).toBe('LAB-EUW-ARCTEST');
    expect(event.timestamp).toBe('2017-11-28T19:24:55.000Z');
  });

  it('reads an alert: severity 3, doubled quotes kept, relatedAudits', () => {
    const event = parsed(SAMPLES.find((l) => l.includes('myPolicy'))!);
    expect(event.cef).toMatchObject({
      signatureId: 'ALERT_CABINET_EVENT_MATCH_AUDIT',
      name: 'myPolicy',
      severity: '3',
    });
    expect(event.cef.extension.msg).toBe(
      "Activity policy ''myPolicy'' was triggered by ''admin@box-contoso.com''",
    );
    expect(event.cef.extension.cs3Label).toBe('relatedAudits');
    expect(event.cef.extension.cs4).toBe('59f0ab82f797fa0681e9b1c7');
    expect(event.cef.signatureId).not.toMatch(/^EVENT_CATEGORY_/); // an alert
  });
});

describe('syslog headers and bad lines', () => {
  const cef = 'CEF:0|MCAS|SIEM_Agent|1|EVENT_CATEGORY_X|a\\|b|0|suser=u';
  it('takes a PRI and an RFC 3164 header', () => {
    const event = parsed(`<134>Nov 22 10:00:00 agent01 ${cef}`);
    expect(event).toMatchObject({ pri: 134, timestamp: 'Nov 22 10:00:00', hostname: 'agent01' });
    expect(event.cef.name).toBe('a|b');
  });

  it('takes an RFC 5424 header', () => {
    const event = parsed(`<14>1 2026-11-22T10:00:00Z agent01 mcas - - - ${cef}`);
    expect(event).toMatchObject({ pri: 14, timestamp: '2026-11-22T10:00:00Z', hostname: 'agent01' });
  });

  it.each([
    ['no CEF at all', 'hello world', 'no CEF: in the line'],
    ['too few fields', '2017-01-01T00:00:00Z CEF:0|MCAS|x', 'CEF header has fewer than 8 fields'],
    ['bad version', 'CEF:x|a|b|c|d|e|f|g', 'is not a number'],
    ['bad PRI', '<999>CEF:0|a|b|c|d|e|f|', 'bad PRI'],
    ['binary', '\u0000\u0001\u00ff', 'no CEF'],
  ])('rejects %s', (_name, line, reason) => {
    const result = parseSyslogLine(line);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('splits extension values with spaces and escapes', () => {
    expect(parseExtension('a=1 msg=two words b=x\\=y c=back\\\\slash d=')).toEqual({
      a: '1',
      msg: 'two words',
      b: 'x=y',
      c: 'back\\slash',
      d: '',
    });
  });

  it('keeps the first of a key written twice, as the event line does', () => {
    const extension = 'msg=x destinationServiceName=One suser=u destinationServiceName=Two';
    expect(parseExtension(extension)).toEqual({ msg: 'x', destinationServiceName: 'One', suser: 'u' });
    const read = readSyslog(
      Buffer.from(`2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|1|C|N|0|${extension}`),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.line.value('destinationServiceName')).toBe('One');
  });

  it('keeps a key named __proto__ as a key, not as the object’s prototype', () => {
    const extension = parseExtension('__proto__=x constructor=y toString=z');
    expect(Object.keys(extension)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(JSON.stringify(extension)).toBe('{"__proto__":"x","constructor":"y","toString":"z"}');
    expect(Object.getPrototypeOf(extension)).toBe(Object.prototype);
  });
});

describe('what siem-doctor writes', () => {
  it('round-trips every sample event through format and parse', () => {
    const events = sampleEvents({
      count: 7,
      runId: 'siem-doctor-1-ab',
      version: '1.2.3',
      now: new Date('2026-11-22T10:00:00Z'),
    });
    for (const event of events) {
      const line = formatAgentLine(event);
      expect(line.startsWith('2026-11-22T10:00:00.')).toBe(true);
      const back = parsed(line);
      expect(back.cef.signatureId).toBe(event.category);
      expect(back.cef.severity).toBe(String(event.severity));
      expect(Object.entries(back.cef.extension)).toEqual(event.extension);
    }
    const kinds = new Set(events.map((e) => e.severity));
    expect(kinds).toEqual(new Set([0, 3]));
    // escapes as the agent writes them
    expect(formatAgentLine(events[0]!)).toContain('activity.id\\=eq(siem-doctor-1-ab-1,)');
  });

  it('marks the connectivity test event as siem-doctor’s', () => {
    const line = formatAgentLine(
      connectivityTestEvent({ runId: 'siem-doctor-9', version: '1', host: 'h', now: new Date(0) }),
    );
    expect(line).toMatch(
      /^1970-01-01T00:00:00.000Z CEF:0\|MCAS\|SIEM_Agent\|siem-doctor-1\|EVENT_CATEGORY_SIEM_DOCTOR_TEST\|/,
    );
    expect(parsed(line).cef.extension).toMatchObject({
      externalId: 'siem-doctor-9',
      msg: expect.stringContaining('not a real activity'),
    });
  });

  it('writes an RFC 3164 header with a space-padded day', () => {
    const [event] = sampleEvents({ count: 1, runId: 'r', version: '1', now: new Date(2026, 0, 5, 7, 8, 9) });
    expect(formatRfc3164Line(event!, 'agent01')).toMatch(/^Jan {2}5 07:08:09 agent01 CEF:0\|/);
  });
});

describe('SyslogLine.value (one value without parsing the extension)', () => {
  it('agrees with the full parse on every key of every sample', () => {
    for (const line of SAMPLES) {
      const full = { ...parsed(line).cef.extension };
      const read = readSyslog(Buffer.from(line)); // a line whose extension was never parsed
      if (!read.ok) throw new Error(read.reason);
      for (const [key, value] of Object.entries(full)) expect(read.line.value(key), key).toBe(value);
      expect(read.line.value('nosuchkey')).toBeUndefined();
    }
  });
});

/**
 * The reference messageTime is held to: the first `rt=` (else `start=`) after a space or a bar in
 * the message's own bytes, searched in them alone, 1 to 15 digits ending at the end, a space or a
 * CR, a time the Date type holds.
 */
function rtOf(raw: Buffer): number | undefined {
  const timeOf = (key: string): number | undefined => {
    const needle = Buffer.from(key, 'latin1');
    let at = raw.indexOf(needle, 1);
    while (at >= 0 && raw[at - 1] !== 0x20 && raw[at - 1] !== 0x7c) at = raw.indexOf(needle, at + 1);
    if (at < 0) return undefined;
    const digits = /^\d{1,15}/.exec(raw.toString('latin1', at + needle.length))?.[0];
    if (digits === undefined) return undefined;
    const after = raw[at + needle.length + digits.length];
    const ms = Number(digits);
    return (after === undefined || after === 0x20 || after === 0x0d) && ms > 0 && ms <= 8.64e15
      ? ms
      : undefined;
  };
  return timeOf('rt=') ?? timeOf('start=');
}

// messageTime gives the listener's clock the rt of each message, found with the string searches
// of the whole read (which remember, per read, where a needle is not): it must agree with a search
// of the message's own bytes (rtOf above) on every message of a read, whatever it holds.
describe('messageTime', () => {
  it('reads rt where the agent writes it, and nothing that only looks like it', () => {
    const time = (ext: string) => {
      const raw = `2024-01-01T00:00:00.000Z CEF:0|MCAS|SIEM_Agent|1|C|n|0|${ext}`;
      return messageTime(Buffer.from(raw, 'latin1'), raw, 0, raw.length);
    };
    expect(time('externalId=1 rt=1511373004000 start=1')).toBe(1511373004000);
    expect(time('rt=1511373004000 msg=x')).toBe(1511373004000); // the first key
    expect(time('externalId=1 rt=1511373004000')).toBe(1511373004000); // at the end
    expect(time('externalId=1 msg=no time')).toBeUndefined();
    expect(time('externalId=1 rt=soon')).toBeUndefined();
    expect(time('externalId=1 rt=12ab')).toBeUndefined();
    expect(time('externalId=1 start=1500151350531 end=1500151350531')).toBe(1500151350531); // an alert
    expect(time('externalId=1 msg=restart=5 a')).toBeUndefined();
  });

  const PIECES = [
    ' ',
    '|',
    'rt=',
    'start=',
    'sta',
    'r',
    't=',
    'a',
    '1',
    '23',
    '\r',
    'x=',
    '9999999999999999',
  ];

  it('reads the same rt (or start) as rtOf, message by message through a read', () => {
    const random = seeded(12);
    for (let read = 0; read < 2000; read++) {
      const messages = Array.from({ length: 1 + random(6) }, () =>
        Array.from({ length: random(14) }, () => PIECES[random(PIECES.length)]).join(''),
      );
      // what lies between two messages: a line feed, or the space of an octet count (`12 <message>`)
      const gaps = messages.map(() => (random(2) === 0 ? '\n' : ' '));
      const raw = messages.map((message, i) => `${message}${gaps[i]}`).join('');
      const bytes = Buffer.from(raw, 'latin1');
      let from = 0;
      for (const message of messages) {
        const to = from + message.length;
        expect(messageTime(bytes, raw, from, to), JSON.stringify(message)).toBe(
          rtOf(bytes.subarray(from, to)),
        );
        from = to + 1;
      }
    }
  });

  it('reads an agent line and an alert as rtOf does', () => {
    const line = (ext: string) => `2024-01-01T00:00:00.000Z CEF:0|MCAS|SIEM_Agent|1|C|n|0|${ext}`;
    const raw = [
      line('externalId=1 rt=1511373004000 start=1'),
      line('externalId=2 start=1500151350531 end=1500151350531'),
      line('rt=soon start=1500151350532'),
      line('externalId=3 msg=restart=5 a'),
    ].join('\n');
    const bytes = Buffer.from(raw, 'latin1');
    const times: (number | undefined)[] = [];
    for (
      let from = 0, to = raw.indexOf('\n');
      from < raw.length;
      from = to + 1, to = raw.indexOf('\n', from)
    ) {
      if (to < 0) to = raw.length;
      times.push(messageTime(bytes, raw, from, to));
    }
    expect(times).toEqual([1511373004000, 1500151350531, 1500151350532, undefined]);
  });
});
