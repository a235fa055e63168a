import { stripDeceptiveCharacters } from './deceptive-characters.js';

/**
 * Attachment file names are metadata only (contents are stored in the database, never under these
 * names), but they are shown on pages and sent back in Content-Disposition, where the extension
 * decides what the recipient's computer does with the file. One cleaner for every attachment, so
 * organisations' uploads and citizens' files follow the same rules.
 */

/** Longest name kept, in characters; the extension is kept when a longer name is cut. */
export const maxFileNameLength = 200;
/** The name of a file that arrived without a usable one ("liite" is Finnish for attachment). */
export const fallbackFileName = 'liite';

/**
 * An extension as operating systems and browsers treat one: a short run of ASCII letters and digits
 * with at least one letter after the last dot. "Pöytäkirja 12.3.2025" therefore has none, and gets
 * the detected type's extension appended instead of being refused.
 */
const extensionPattern = /^(.*)\.([A-Za-z0-9]{1,10})$/s;

export function splitExtension(name: string): { stem: string; extension: string | undefined } {
  const match = extensionPattern.exec(name);
  if (!match || !/[A-Za-z]/.test(match[2]!)) return { stem: name, extension: undefined };
  return { stem: match[1]!, extension: match[2]! };
}

/** The extension in lower case, or undefined when the name has none. */
export function extensionOf(name: string): string | undefined {
  return splitExtension(name).extension?.toLowerCase();
}

function capCharacters(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max).join('');
}

/** `stem.extension`, the stem cut so that the whole stays within the length limit. */
export function joinFileName(stem: string, extension: string): string {
  const cutStem = capCharacters(stem, maxFileNameLength - extension.length - 1);
  return `${cutStem === '' ? fallbackFileName : cutStem}.${extension}`;
}

/**
 * The name to store and show: the last path segment (browsers and clients may send a full path),
 * without control or bidirectional characters (which can disguise an extension: "lasku\u202Efdp.exe"
 * displays as "laskuexe.pdf"), without the trailing dots and spaces Windows drops when saving ("x.html."
 * is saved as "x.html"), and at most maxFileNameLength characters.
 */
export function cleanFileName(raw: string | undefined): string {
  const lastSegment =
    stripDeceptiveCharacters(raw ?? '')
      .split(/[/\\]/)
      .pop() ?? '';
  const cleaned = withoutTrailingDots(lastSegment.trim());
  if (cleaned === '') return fallbackFileName;
  const { stem, extension } = splitExtension(cleaned);
  if (extension) return joinFileName(stem, extension);
  return withoutTrailingDots(capCharacters(cleaned, maxFileNameLength)) || fallbackFileName;
}

function withoutTrailingDots(name: string): string {
  return name.replace(/[.\s]+$/u, '');
}
