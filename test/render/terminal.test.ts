import { describe, expect, it } from 'vitest';
import {
  CONTROL_MARK,
  escapeControls,
  hasControls,
  neutralise,
  terminalJson,
} from '../../src/render/terminal.js';

// Every control character a terminal may act on: C0 (tab and line feed too), DEL, C1; the
// bidirectional controls, which reorder what follows on screen; the line and paragraph separators.
const BIDI_CONTROLS = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e'];
const ALL_CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)),
  ...BIDI_CONTROLS,
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2028',
  '\u2029',
];

describe('neutralise', () => {
  it('turns every C0, DEL, C1 and bidirectional control into ?, one for one', () => {
    expect(neutralise(ALL_CONTROLS.join(''))).toBe(CONTROL_MARK.repeat(ALL_CONTROLS.length));
    expect(neutralise('title\u001b]0;owned\u0007 \u001b[2J \u009b31m \u007f')).toBe(
      'title?]0;owned? ?[2J ?31m ?',
    );
  });

  it('keeps printable text as it is, non-ASCII included', () => {
    // right-to-left script itself is text: only the characters that reorder it are controls
    const text = 'josé@contoso.com  Zoë  日本  ✔  \u00a0nbsp  \ufffd  שלום  مرحبا  \u2027\u202f\u2065\u206a';
    expect(neutralise(text)).toBe(text);
  });

  it('hasControls finds one anywhere, and again on the next call', () => {
    expect(hasControls('a\nb')).toBe(true);
    expect(hasControls('a\u0085b')).toBe(true);
    expect(hasControls('a\u0085b')).toBe(true);
    expect(hasControls('siem.contoso.local')).toBe(false);
  });
});

describe('escapeControls', () => {
  it('writes each control character as its JSON escape, and leaves the rest', () => {
    expect(escapeControls('--syslog-host "\u001b[31mX\u009b\u007f\n" C:\\x')).toBe(
      '--syslog-host "\\u001b[31mX\\u009b\\u007f\\u000a" C:\\x',
    );
    expect(hasControls(escapeControls(ALL_CONTROLS.join('')))).toBe(false);
  });
});

describe('terminalJson', () => {
  it('escapes DEL, C1 and bidirectional controls, which JSON.stringify leaves raw, and stays the same JSON value', () => {
    const value = { category: 'A\u009b2J\u007f\u001b]0;t\u0007', list: ['\u0085', 'ann\u202egpj.exe\u2029'] };
    expect(JSON.stringify(value)).toMatch(/\u009b/); // the reason for terminalJson
    expect(JSON.stringify(value)).toMatch(/\u202e/);
    const text = terminalJson(value, 2);
    expect(hasControls(text.replace(/\n/g, ''))).toBe(false);
    expect(text).toContain('A\\u009b2J\\u007f\\u001b]0;t\\u0007');
    expect(text).toContain('ann\\u202egpj.exe\\u2029');
    expect(JSON.parse(text)).toEqual(value);
  });
});
