import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSyslogLine } from '../../src/syslog/cef.js';
import { utf8Bytes, utf8Text } from '../../src/syslog/framing.js';
import { scanBrief, type BriefEvent } from '../../src/syslog/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const SAMPLES = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);

/** What the full parser makes of the line, in the shape of the fast path's answer. */
function fromFullParse(line: string): BriefEvent {
  const result = parseSyslogLine(line);
  if (!result.ok) throw new Error(result.reason);
  const { timestamp, cef } = result.event;
  const brief: BriefEvent = { timestamp, signatureId: cef.signatureId, name: cef.name };
  if (cef.extension.suser !== undefined) brief.user = cef.extension.suser;
  if (cef.extension.destinationServiceName !== undefined) brief.app = cef.extension.destinationServiceName;
  return brief;
}

/** The fast path on the line's bytes, read back as text. */
function scanned(line: string): BriefEvent | undefined {
  const brief = scanBrief(utf8Bytes(line));
  if (!brief) return undefined;
  return Object.fromEntries(
    Object.entries(brief).map(([key, value]) => [key, utf8Text(value as string)]),
  ) as unknown as BriefEvent;
}

const header = '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|EVENT_CATEGORY_LOGIN|Log on|0|';

describe('scanBrief (the fields of the text line, without parsing the extension)', () => {
  it('agrees with the full parser on every sample line', () => {
    for (const line of SAMPLES) expect(scanned(line), line).toEqual(fromFullParse(line));
  });

  it.each([
    ['the user first in the extension', 'suser=a@b.c destinationServiceName=Box dvc=1.2.3.4'],
    ['the app before the user', 'destinationServiceName=Box msg=x suser=a@b.c'],
    ['a user with spaces and an escaped =', 'suser=Ann O\\=Neil  destinationServiceName=Box cs1=x'],
    ['an empty user', 'msg=m suser= destinationServiceName=Box'],
    ['an = inside the value', 'suser=a=b destinationServiceName=Box'],
    ['no user at all', 'msg=m destinationServiceName=Office 365 cs1=y'],
    ['a user and an app with accents', 'suser=josé@contoso.com destinationServiceName=Zoë'],
    ['a key that only ends in suser', 'xsuser=no suser=yes destinationServiceName=Box'],
    ['the last value of the line', 'msg=m suser=last@b.c'],
  ])('reads %s as the full parser does', (_, extension) => {
    const line = `${header}${extension}`;
    expect(scanned(line)).toEqual(fromFullParse(line));
  });

  it('reads past a PRI and a system name', () => {
    const line = `<134>2024-03-01T10:00:00.000Z siem-host CEF:0|MCAS|SIEM_Agent|0.1|ALERT_X|Alert|3|suser=u`;
    expect(scanned(line)).toEqual({
      timestamp: '2024-03-01T10:00:00.000Z',
      signatureId: 'ALERT_X',
      name: 'Alert',
      user: 'u',
    });
  });

  it.each([
    ['an escaped | in the header', '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM\\|Agent|0.1|C|N|0|suser=u'],
    ['an RFC 3164 header', '<13>Mar  1 10:00:00 host CEF:0|MCAS|SIEM_Agent|0.1|C|N|0|suser=u'],
    ['a bad PRI', '<999>2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|C|N|0|suser=u'],
    ['a CEF version that is not a number', '2024-03-01T10:00:00.000Z CEF:x|MCAS|SIEM_Agent|0.1|C|N|0|'],
    ['too few header fields', '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|C'],
  ])('leaves %s to the full parser', (_, line) => {
    expect(scanBrief(line)).toBeUndefined();
  });
});
