import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cefValue, eventTime, parseSyslogLine } from '../../src/syslog/cef.js';
import { utf8Text } from '../../src/syslog/framing.js';
import { neutralise } from '../../src/render/terminal.js';
import { Scanner, type MessageFraming, type ScanSink } from '../../src/syslog/scanner.js';
import { FIXTURES } from '../helpers/paths.js';

const SAMPLES = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);

/**
 * The text line the listener prints for a line, from the full parser (the reference), which reads
 * a value with cefValue (of a key written twice, the first).
 */
function fullParseLine(line: string): string {
  const result = parseSyslogLine(line);
  if (!result.ok) throw new Error(result.reason);
  const { timestamp, cef } = result.event;
  const fields = [timestamp ?? '-', cef.signatureId, cef.name, cefValue(cef, 'suser') || '-'];
  fields.push(cefValue(cef, 'destinationServiceName') || '-');
  return `${neutralise(fields.join('  '))}\n`;
}

/** Runs the fast lane over `stream`; what it took (lines, counts) and what it left (messages). */
function scan(stream: Buffer | string, options: { wanted?: number; pieces?: number } = {}) {
  const scanner = new Scanner();
  const lines: Buffer[] = [];
  const left: { bytes: string; framing: MessageFraming }[] = [];
  const sink: ScanSink = {
    message: (bytes, framing) => left.push({ bytes, framing }),
    lines: (view) => lines.push(Buffer.from(view)),
    wanted: () => (options.wanted ?? Infinity) - scanner.events,
  };
  const bytes = Buffer.isBuffer(stream) ? stream : Buffer.from(stream, 'utf8');
  const cut = options.pieces ?? bytes.length;
  let pending: Uint8Array | undefined;
  for (let at = 0; at < bytes.length; at += cut)
    pending = scanner.push(pending, bytes.subarray(at, at + cut), sink);
  scanner.end(pending, sink);
  return {
    printed: Buffer.concat(lines).toString('utf8'),
    left,
    counts: scanner.counts(),
    events: scanner.events,
  };
}

const header = '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|EVENT_CATEGORY_LOGIN|Log on|0|';

describe('the fast lane (assembly/scanner.ts) against the full parser', () => {
  it('takes every sample line, printing and counting what the full parser reads', () => {
    for (const line of SAMPLES) {
      const { printed, left, counts } = scan(`${line}\n`);
      expect(left, line).toEqual([]);
      expect(printed, line).toBe(fullParseLine(line));
      const parsed = parseSyslogLine(line);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(counts.categories).toEqual([[parsed.event.cef.signatureId, 1]]);
      expect(counts.firstTime).toBe(eventTime(parsed.event));
    }
  });

  it.each([
    ['the user first in the extension', 'suser=a@b.c destinationServiceName=Box dvc=1.2.3.4'],
    ['the app before the user', 'destinationServiceName=Box msg=x suser=a@b.c'],
    ['the app first, then a user', 'destinationServiceName=Box suser=a@b.c'],
    [
      'an app key inside the message before the user',
      'msg=x destinationServiceName=One suser=u destinationServiceName=Two',
    ],
    ['an empty user', 'msg=m suser= destinationServiceName=Box'],
    ['an = inside the value', 'suser=a=b destinationServiceName=Box'],
    ['no user at all', 'msg=m destinationServiceName=Office 365 cs1=y'],
    ['neither user nor app', 'msg=m'],
    ['an empty extension', ''],
    ['a user and an app with accents', 'suser=josé@contoso.com destinationServiceName=Zoë'],
    ['a key that only ends in suser', 'xsuser=no suser=yes destinationServiceName=Box'],
    ['the last value of the line, with trailing spaces', 'msg=m suser=last@b.c  \t'],
    ['an escape elsewhere in the extension', 'cs1=a\\=b suser=u destinationServiceName=Box'],
  ])('reads %s as the full parser does, in the fast lane', (_, extension) => {
    const line = `${header}${extension}`;
    const { printed, left } = scan(`${line}\n`);
    expect(left).toEqual([]);
    expect(printed).toBe(fullParseLine(line));
  });

  it.each([
    [
      'a PRI and a system name',
      '<134>2024-03-01T10:00:00.000Z siem-host CEF:0|MCAS|SIEM_Agent|0.1|ALERT_X|Alert|3|suser=u',
    ],
    ['a carriage return before the line feed', `${header}suser=u destinationServiceName=Box\r`],
    ['no space between the time and CEF', '2024-03-01T10:00:00.000ZCEF:0|MCAS|SIEM_Agent|0.1|C|N|0|suser=u'],
    ['a version of several digits', '2024-03-01T10:00:00.000Z CEF:10|MCAS|SIEM_Agent|0.1|C|N|0|suser=u'],
    ['control characters in a value', `${header}suser=evil\u001b[2J\u0007 destinationServiceName=Box`],
    [
      'C1 controls and DEL in the printed fields',
      '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|A\u009b2J|N\u0085\u007f|3|suser=\u009f destinationServiceName=\u0080',
    ],
    [
      'characters of two, three and four bytes',
      `${header}suser=é€𝄞 destinationServiceName=\u00a0\u07ff\uffff`,
    ],
  ])('reads a line with %s as the full parser does, in the fast lane', (_, line) => {
    const { printed, left } = scan(`${line}\n`);
    expect(left).toEqual([]);
    expect(printed).toBe(fullParseLine(line.replace(/\r$/, '')));
  });

  it.each([
    ['an escaped | in the header', '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM\\|Agent|0.1|C|N|0|suser=u'],
    ['an RFC 3164 header', '<13>Mar  1 10:00:00 host CEF:0|MCAS|SIEM_Agent|0.1|C|N|0|suser=u'],
    ['a bad PRI', '<999>2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|C|N|0|suser=u'],
    ['a CEF version that is not a number', '2024-03-01T10:00:00.000Z CEF:x|MCAS|SIEM_Agent|0.1|C|N|0|'],
    ['too few header fields', '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|C'],
    [
      "a time too short to be the agent's",
      '2024-03-01T10:00 host-name-here CEF:0|MCAS|SIEM_Agent|0.1|C|N|0|start=1',
    ],
    ['an escape in the user', `${header}suser=Ann O\\=Neil  destinationServiceName=Box cs1=x`],
    ['an escape in the app', `${header}suser=u destinationServiceName=A\\\\B`],
    ['no CEF at all', 'hello'],
    ['only two bytes', 'ab'],
  ])('leaves a line with %s to the full parser, as it came', (_, line) => {
    const { printed, left, events } = scan(`${line}\n`);
    expect(printed).toBe('');
    expect(events).toBe(0);
    expect(left.map((m) => utf8Text(m.bytes))).toEqual([line]);
  });

  it.each([
    ['a lone C1 byte (0x9B) in the name', [0x9b]],
    ['a lead byte cut short in the name', [0xc3, 0x20]],
    ['an overlong form in the name', [0xc0, 0xaf]],
    ['a surrogate in the name', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF in the name', [0xf4, 0x90, 0x80, 0x80]],
  ])('leaves a line with %s to the full parser: it is not UTF-8', (_, bytes) => {
    const line = Buffer.concat([
      Buffer.from('2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|C|N'),
      Buffer.from(bytes),
      Buffer.from('|0|suser=u\n'),
    ]);
    const { printed, left, counts } = scan(line);
    expect(printed).toBe('');
    expect(counts.categories).toEqual([]); // no slot taken for a line it did not take
    expect(left.map((m) => Buffer.from(m.bytes, 'latin1'))).toEqual([line.subarray(0, -1)]);
  });

  it('takes what is not UTF-8 outside the printed fields', () => {
    const line = Buffer.concat([Buffer.from(`${header}suser=u cs1=`), Buffer.from([0x9b, 0xff])]);
    expect(scan(Buffer.concat([line, Buffer.from('\n')])).left).toEqual([]);
  });

  it('leaves a line longer than 32 KB to the full parser', () => {
    const line = `${header}suser=u msg=${'x'.repeat(40_000)}`;
    expect(scan(`${line}\n`).left).toHaveLength(1);
  });

  it('counts categories in its table until it is full, then leaves the rest to the full parser', () => {
    const lines = Array.from(
      { length: 1000 },
      (_, i) => `${header.replace('EVENT_CATEGORY_LOGIN', `C${i}`)}suser=u`,
    );
    const { counts, left, events } = scan(`${lines.join('\n')}\n`);
    expect(events + left.length).toBe(1000);
    expect(counts.categories.length).toBe(events);
    expect(left.length).toBeGreaterThan(0); // the table holds 768 categories
    expect(
      new Set([...counts.categories.map(([c]) => c), ...left.map((m) => m.bytes.split('|')[4])]).size,
    ).toBe(1000);
  });

  it('keeps the earliest and the latest time, in any order of arrival', () => {
    const at = (time: string) => `${time} CEF:0|MCAS|SIEM_Agent|0.1|C|N|0|suser=u`;
    const { counts } = scan(
      [at('2024-03-02T00:00:00.000Z'), at('2024-03-01T00:00:00.000Z'), at('2024-03-03T00:00:00.000Z')].join(
        '\n',
      ),
    );
    expect(counts).toMatchObject({
      firstTime: '2024-03-01T00:00:00.000Z',
      lastTime: '2024-03-03T00:00:00.000Z',
    });
  });

  it('stops at the number of events wanted', () => {
    const { events, printed } = scan(`${SAMPLES.join('\n')}\n`, { wanted: 2 });
    expect(events).toBe(2);
    expect(printed.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('gives the same answer whatever the reads are cut into', () => {
    const stream = `${SAMPLES.join('\n')}\n${header}suser=Ann O\\=Neil\nhello\n`;
    const whole = scan(stream);
    for (const pieces of [1, 7, 100, 4096]) expect(scan(stream, { pieces })).toEqual(whole);
  });
});
