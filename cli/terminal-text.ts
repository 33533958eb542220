/**
 * Text from documents and questions is shown on a terminal: control characters in it (ESC
 * sequences that recolour, move the cursor or retitle the window, C1 controls, bidi overrides)
 * are written as visible `\u{…}` escapes instead. Newlines and tabs pass.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** console.log with terminalSafe applied (the CLI's human-readable output). */
export function say(line: string): void {
  console.log(terminalSafe(line));
}
