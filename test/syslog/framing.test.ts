import { describe, expect, it } from 'vitest';
import { Deframer, frame, utf8Bytes, utf8Text, type Framing } from '../../src/syslog/framing.js';

interface Deframed {
  message: string;
  framing: Framing;
}

function deframeInPieces(stream: Buffer, cut: number): Deframed[] {
  const out: Deframed[] = [];
  const deframer = new Deframer();
  // messages come out as byte strings; the tests read them as the text they carry
  const keep = (bytes: string, framing: Framing) => out.push({ message: utf8Text(bytes), framing });
  for (let i = 0; i < stream.length; i += cut) deframer.push(stream.subarray(i, i + cut), keep);
  deframer.flush(keep);
  return out;
}

describe('framing', () => {
  const agentLine = '2017-11-22T17:50:04.000Z CEF:0|MCAS|SIEM_Agent|1|C|N|0|msg=é ü'; // starts with digits
  const stream = Buffer.concat([
    frame(agentLine, { framing: 'lf' }),
    frame(agentLine, { framing: 'octet', pri: 134 }),
    frame('CEF:0|a|b|c|d|e|0|x=1', { framing: 'lf', pri: 13 }),
    frame(agentLine, { framing: 'octet' }),
  ]);

  it('octet counting counts bytes, not characters', () => {
    const framed = frame('é', { framing: 'octet' }).toString('utf8');
    expect(framed).toBe('2 é');
  });

  it.each([1, 2, 3, 7, 64, 100_000])('splits a mixed stream fed in %i-byte pieces', (cut) => {
    expect(deframeInPieces(stream, cut).map((m) => [m.message, m.framing])).toEqual([
      [agentLine, 'lf'],
      [`<134>${agentLine}`, 'octet'],
      ['<13>CEF:0|a|b|c|d|e|0|x=1', 'lf'],
      [agentLine, 'octet'],
    ]);
  });

  it('counts octets in bytes even when a multi-byte character is split between chunks', () => {
    const body = 'CEF:0|a|b|c|d|é€😀|0|x=ü';
    const framed = Buffer.concat([frame(body, { framing: 'octet' }), frame(body, { framing: 'octet' })]);
    for (const cut of [1, 2, 3, 5])
      expect(deframeInPieces(framed, cut).map((m) => m.message)).toEqual([body, body]);
  });

  it('hands over a last line without its line feed when the sender closes', () => {
    expect(deframeInPieces(Buffer.from('a\nb'), 10).map((m) => m.message)).toEqual(['a', 'b']);
  });

  it('hands over bytes unchanged: a binary line is still one message, judged later', () => {
    const binary = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x80, 0x41]);
    const out: string[] = [];
    const deframer = new Deframer();
    deframer.push(Buffer.concat([binary, Buffer.from('\n')]), (bytes) => out.push(bytes));
    expect(out.map((bytes) => Buffer.from(bytes, 'latin1'))).toEqual([binary]);
  });

  it('turns byte strings into text and back', () => {
    const text = 'suser=josé@contoso.com 😀';
    const bytes = utf8Bytes(text);
    expect(bytes.length).toBe(Buffer.byteLength(text));
    expect(utf8Text(bytes)).toBe(text);
    expect(utf8Bytes('ascii only')).toBe('ascii only');
  });

  it('cuts a line that never ends at the size limit instead of growing forever', () => {
    const out: Deframed[] = [];
    const deframer = new Deframer(10);
    deframer.push(Buffer.from('x'.repeat(25)), (message, framing) => out.push({ message, framing }));
    expect(out.map((m) => m.message.length)).toEqual([10, 10]);
  });
});
