// Bytes from outside (a sender's events, the agent's log lines, file names, keystore aliases,
// certificate names, bad input) never reach a terminal raw: a control character there can clear
// the screen, move the cursor, retitle the window, or start a line that looks like the report's.
//
// One convention for all of siem-doctor's terminal output: every control character in such text
// becomes `?` (render/listen-events.ts copies only what needs no change). The characters that
// reorder text on screen (Unicode's bidirectional controls, U+202E and its kin) count as control
// characters here: a sender's `\u202e` would print the rest of a line backwards, so that a
// user name or a file name reads as something else (`gpj.exe` as `exe.jpg`). An error line
// quotes bad input instead, so that the user sees what to mend: each control character is written
// as its JSON escape (`\u001b`). Bytes that are not UTF-8 at all are already U+FFFD (�) once read
// as text, which a terminal shows as it is.

/**
 * The control characters: C0 (U+0000–U+001F, tab and line feed included: a renderer puts its own
 * line feeds between lines, a value carries none), DEL (U+007F) and C1 (U+0080–U+009F; U+009B is
 * CSI, which an 8-bit terminal takes as ESC [); and the bidirectional controls: the Arabic letter
 * mark (U+061C), the left-to-right and right-to-left marks (U+200E, U+200F), the embeddings and
 * overrides (U+202A–U+202E) and the isolates (U+2066–U+2069); and the line and paragraph
 * separators (U+2028, U+2029), which some terminals break lines at.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const ANY_CONTROL = new RegExp(CONTROLS.source); // not global: test() keeps no state
// what JSON.stringify leaves raw
const JSON_UNESCAPED_CONTROLS = /[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Whether text holds a control character (C0, DEL, C1, bidirectional): input that should have none
 * is refused.
 */
export function hasControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** What a control character becomes in text for a terminal. */
export const CONTROL_MARK = '?';

/** One line of text from outside, fit for a terminal: every control character becomes `?`. */
export function neutralise(text: string): string {
  return text.replace(CONTROLS, CONTROL_MARK);
}

/** The JSON escape of a character: `\u001b`. */
function jsonEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Bad input quoted in an error line: every control character written as its escape (`\u001b`). */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, jsonEscape);
}

/**
 * JSON that is safe on a terminal: JSON.stringify escapes C0 but leaves DEL, C1 and the
 * bidirectional controls raw; they are written as `\u007f` … `\u009f`, `\u202e` …, which is the
 * same JSON value.
 */
export function terminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_UNESCAPED_CONTROLS, jsonEscape);
}
