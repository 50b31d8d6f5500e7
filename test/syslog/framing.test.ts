import { describe, expect, it } from 'vitest';
import {
  Deframer,
  deframeDatagram,
  frame,
  type MessageFraming,
  type SpanHandler,
} from '../../src/syslog/framing.js';

/** Each message's bytes (a view of the read, as the listener gets them). */
const eachMessage =
  (handler: (message: Buffer, framing: MessageFraming) => void): SpanHandler =>
  (bytes, _raw, start, end, framing) =>
    handler(bytes.subarray(start, end), framing);

interface Deframed {
  message: string;
  framing: MessageFraming;
}

/** The receiving side's framing, every message handed out as it is cut. */
function deframer(maxMessageBytes?: number) {
  const bytes: { bytes: Buffer; framing: MessageFraming }[] = [];
  const d = new Deframer(
    eachMessage((message, framing) => bytes.push({ bytes: message, framing })),
    maxMessageBytes,
  );
  return { bytes, push: (chunk: Buffer) => d.push(chunk), end: () => d.end() };
}

function deframeInPieces(stream: Buffer, cut: number): Deframed[] {
  const d = deframer();
  for (let i = 0; i < stream.length; i += cut) d.push(stream.subarray(i, i + cut));
  d.end();
  return d.bytes.map(({ bytes, framing }) => ({ message: bytes.toString('utf8'), framing }));
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
    const d = deframer();
    d.push(Buffer.concat([binary, Buffer.from('\n')]));
    expect(d.bytes.map(({ bytes }) => bytes)).toEqual([binary]);
  });

  it('cuts a line that never ends at the size limit instead of growing forever', () => {
    const d = deframer(10);
    d.push(Buffer.from('x'.repeat(25)));
    expect(d.bytes.map((m) => m.bytes.length)).toEqual([10, 10]);
  });

  it('reads an octet count beyond the size limit as the start of a line, not as a count', () => {
    // 999999999 is more than the 40 bytes kept; the line itself fits
    const d = deframer(40);
    d.push(Buffer.from('999999999 CEF:0|a|b|c|d|e|0|\n5 hello'));
    expect(d.bytes.map((m) => [m.bytes.toString(), m.framing])).toEqual([
      ['999999999 CEF:0|a|b|c|d|e|0|', 'lf'],
      ['hello', 'octet'],
    ]);
  });

  it('cuts a line longer than the limit there, even when its line feed came in the same read', () => {
    const d = deframer(10);
    d.push(Buffer.from(`${'x'.repeat(25)}\nab\n`));
    expect(d.bytes.map((m) => m.bytes.toString())).toEqual(['x'.repeat(10), 'x'.repeat(10), 'xxxxx', 'ab']);
  });

  it('finishes a line cut by a read from the next read, digits in front or not', () => {
    // '12 34' starts like an octet count (12 bytes) that never comes: a line when the sender closes
    for (const line of ['2017-11-22T17:50:04.000Z CEF:0|a', '12 34', 'abc', '123456789x'])
      for (let cut = 1; cut < line.length; cut++)
        expect(
          deframeInPieces(Buffer.from(`${line}\nnext\n`), cut).map((m) => m.message),
          `${line} cut at ${cut}`,
        ).toEqual([line, 'next']);
  });

  it('splits a datagram on line feeds', () => {
    const out: string[] = [];
    deframeDatagram(
      Buffer.from('12 a\n\nb\r\nc'),
      eachMessage((bytes, framing) => out.push(`${framing}:${bytes.toString()}`)),
    );
    expect(out).toEqual(['datagram:12 a', 'datagram:b\r', 'datagram:c']);
  });
});
