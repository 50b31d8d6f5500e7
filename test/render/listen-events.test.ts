import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSyslog, type SyslogLine } from '../../src/syslog/cef.js';
import { ListenEventPrinter, eventLine } from '../../src/render/listen-events.js';
import { hostForPort } from '../../src/syslog/recovery.js';
import { FIXTURES } from '../helpers/paths.js';

const SAMPLES = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);

function read(line: string | Buffer): SyslogLine {
  const result = readSyslog(Buffer.isBuffer(line) ? line : Buffer.from(line));
  if (!result.ok) throw new Error(result.reason);
  return result.line;
}

/** What the printer writes for one line (copied from the bytes where it can). */
function printed(line: SyslogLine): string {
  const printer = new ListenEventPrinter('text');
  printer.event('127.0.0.1', 'lf', line);
  return printer.take()!.toString('utf8');
}

const header = '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|EVENT_CATEGORY_LOGIN|Log on|0|';

describe('the event line of syslog listen', () => {
  it('prints every sample as time, category, name, user, app', () => {
    // the lines as written out, not as another function of the code makes them
    expect(SAMPLES.map((line) => printed(read(line)))).toEqual(
      [
        '2017-11-22T17:50:04.000Z  EVENT_CATEGORY_LOGOUT  Log out  admin@contoso.com  ServiceNow',
        '2017-11-28T19:40:15.000Z  EVENT_CATEGORY_VIEW_REPORT  View report  admin@contoso.com  ServiceNow',
        '2017-11-28T19:25:34.000Z  EVENT_CATEGORY_DELETE_OBJECT  Delete object  admin@contoso.com  ServiceNow',
        '2017-11-27T20:40:14.000Z  EVENT_CATEGORY_CREATE_USER  Create user  admin@contoso.com  ServiceNow',
        '2017-11-27T20:41:20.000Z  EVENT_CATEGORY_DELETE_USER  Delete user  admin@contoso.com  ServiceNow',
        '2017-11-28T19:24:55.000Z  EVENT_CATEGORY_DELETE_OBJECT  Delete object  admin@contoso.com  ServiceNow',
        '2017-07-15T20:42:30.531Z  ALERT_CABINET_EVENT_MATCH_AUDIT  myPolicy  admin@box-contoso.com  Box',
        '2017-07-16T09:36:26.550Z  ALERT_CABINET_EVENT_MATCH_AUDIT  test-activity-policy  user@contoso.com  Salesforce',
        '2017-07-16T09:17:03.361Z  ALERT_CABINET_EVENT_MATCH_AUDIT  test-activity-policy3  admin@contoso.com  Microsoft 365',
        '2017-07-16T09:17:15.426Z  ALERT_CABINET_EVENT_MATCH_AUDIT  test-activity-policy  admin@contoso.com  Microsoft 365 admin center',
        '2017-07-16T09:17:46.290Z  ALERT_CABINET_EVENT_MATCH_AUDIT  test-activity-policy4  admin@contoso.com  Microsoft Exchange Online',
        '2017-07-16T09:41:04.369Z  ALERT_CABINET_EVENT_MATCH_AUDIT  test-activity-policy2  user2@test15-adallom.com  Google',
      ].map((line) => `${line}\n`),
    );
    for (const line of SAMPLES) expect(printed(read(line))).toBe(eventLine(read(line)));
  });

  it.each([
    ['accents', 'suser=josé@contoso.com destinationServiceName=Zoë', 'josé@contoso.com  Zoë'],
    ['an escape', 'suser=Ann O\\=Neil  destinationServiceName=A\\\\B cs1=x', 'Ann O=Neil  A\\B'],
    ['control characters', 'suser=evil\u001b[2J\u0007 destinationServiceName=\u009b\u007f', 'evil?[2J?  ??'],
    // a right-to-left override would show the rest of the line backwards: `gpj.exe` as `exe.jpg`
    [
      'a bidirectional override',
      'suser=ann\u202egpj.exe destinationServiceName=\u2066Box\u2069',
      'ann?gpj.exe  ?Box?',
    ],
  ])('prints a line with %s as written out', (_, extension, userAndApp) => {
    expect(printed(read(`${header}${extension}`))).toBe(
      `2024-03-01T10:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  ${userAndApp}\n`,
    );
  });

  // A line copied from the bytes and a line made as text must be the same line.
  it.each([
    ['the user first in the extension', 'suser=a@b.c destinationServiceName=Box dvc=1.2.3.4'],
    ['the app before the user', 'destinationServiceName=Box msg=x suser=a@b.c'],
    [
      'an app key inside the message before the user',
      'msg=x destinationServiceName=One suser=u destinationServiceName=Two',
    ],
    ['an empty user', 'msg=m suser= destinationServiceName=Box'],
    ['an = inside the value', 'suser=a=b destinationServiceName=Box'],
    ['no user at all', 'msg=m destinationServiceName=Office 365 cs1=y'],
    ['an empty extension', ''],
    ['accents', 'suser=josé@contoso.com destinationServiceName=Zoë'],
    ['a key that only ends in suser', 'xsuser=no suser=yes destinationServiceName=Box'],
    ['trailing spaces', 'msg=m suser=last@b.c  \t'],
    ['an escape in the user', 'suser=Ann O\\=Neil  destinationServiceName=A\\\\B cs1=x'],
    ['control characters', 'suser=evil\u001b[2J\u0007 destinationServiceName=\u009b\u007f'],
  ])('prints a line with %s as the text it reads', (_, extension) => {
    const line = read(`${header}${extension}`);
    expect(printed(line)).toBe(eventLine(line));
  });

  it('masks control characters and reads escapes', () => {
    expect(printed(read(`${header}suser=Ann O\\=Neil destinationServiceName=evil\u001b[2J`))).toBe(
      '2024-03-01T10:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  Ann O=Neil  evil?[2J\n',
    );
  });

  it('prints the rt time of an event without a header time, not a dash', () => {
    expect(printed(read('CEF:0|MCAS|SIEM_Agent|0.1|ALERT_X|Alert|3|rt=1511373004000 suser=u'))).toBe(
      '2017-11-22T17:50:04.000Z  ALERT_X  Alert  u  -\n',
    );
    expect(printed(read('CEF:0|MCAS|SIEM_Agent|0.1|ALERT_X|Alert|3|suser=u'))).toBe(
      '-  ALERT_X  Alert  u  -\n',
    );
  });

  it('prints a field that is not UTF-8 as U+FFFD', () => {
    const line = Buffer.concat([
      Buffer.from(`${header}suser=a`),
      Buffer.from([0x9b, 0xc2]),
      Buffer.from(' x=1'),
    ]);
    expect(printed(read(line))).toBe(
      '2024-03-01T10:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  a\ufffd\ufffd  -\n',
    );
  });

  it('writes JSON lines under --json, malformed messages too', () => {
    const printer = new ListenEventPrinter('json');
    printer.event('::1', 'octet', read(`${header}suser=u`));
    printer.malformed('::1', 'bad PRI', () => '<999>\u009b');
    const [event, malformed] = printer.take()!.toString('utf8').trim().split('\n');
    expect(JSON.parse(event!)).toMatchObject({
      sender: '::1',
      framing: 'octet',
      cef: { extension: { suser: 'u' } },
    });
    expect(malformed).toBe('{"malformed":true,"sender":"::1","reason":"bad PRI","message":"<999>\\u009b"}');
  });

  it('hands out what it gathered once, across blocks', () => {
    const printer = new ListenEventPrinter('text');
    const line = read(SAMPLES[0]!);
    for (let i = 0; i < 10_000; i++) printer.event('127.0.0.1', 'lf', line);
    const out = printer.take()!.toString('utf8').split('\n').filter(Boolean);
    expect(out).toHaveLength(10_000);
    expect(new Set(out).size).toBe(1);
    expect(printer.take()).toBeUndefined();
  });
});

describe('hostForPort (the address before a port in the listen lines)', () => {
  it('writes an IPv6 address in brackets before its port', () => {
    expect(hostForPort('::1')).toBe('[::1]');
    expect(hostForPort('fe80::1%eth0')).toBe('[fe80::1%eth0]');
    expect(hostForPort('127.0.0.1')).toBe('127.0.0.1');
    expect(hostForPort('siem.contoso.com')).toBe('siem.contoso.com');
  });
});
