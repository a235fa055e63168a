/**
 * Characters that make text display differently from what it is. Bidirectional embedding, override
 * and isolate controls (U+202A–U+202E, U+2066–U+2069) reorder what follows them, so
 * "Lasku \u202Efdp.exe" displays as "Lasku exe.pdf"; C0 and C1 control characters (other than tab,
 * line feed and carriage return) are invisible or move the cursor. Titles, bodies, names and file
 * names must not carry either: a citizen must see exactly what an organisation sent.
 *
 * The left-to-right and right-to-left marks (U+200E, U+200F) are not listed: they only affect
 * neutral characters next to them and are legitimately used in mixed-script text.
 */

const bidiControl = /[\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const controlExceptLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const controlIncludingLineBreaks = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

export interface DeceptiveCharacter {
  /** Code point as written in Unicode charts, e.g. "U+202E". */
  codePoint: string;
  kind: 'bidirectional control character' | 'control character';
}

function describe(char: string, kind: DeceptiveCharacter['kind']): DeceptiveCharacter {
  const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { codePoint: `U+${hex}`, kind };
}

/**
 * The first character that would deceive a reader, or undefined. `multiline` allows line feeds and
 * carriage returns (bodies); single-line text (titles, names) allows tab only.
 */
export function findDeceptiveCharacter(
  text: string,
  options: { multiline: boolean },
): DeceptiveCharacter | undefined {
  const bidi = bidiControl.exec(text);
  if (bidi) return describe(bidi[0], 'bidirectional control character');
  const control = (options.multiline ? controlExceptLineBreaks : controlIncludingLineBreaks).exec(text);
  if (control) return describe(control[0], 'control character');
  return undefined;
}

/** A message for a validation error, e.g. "contains a bidirectional control character (U+202E)". */
export function deceptiveCharacterProblem(found: DeceptiveCharacter): string {
  return `contains a ${found.kind} (${found.codePoint}), which would change how the text is displayed`;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const allDeceptive = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Removes every bidirectional control and control character (for metadata such as file names). */
export function stripDeceptiveCharacters(text: string): string {
  return text.replace(allDeceptive, '');
}
