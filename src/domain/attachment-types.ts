import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';
import { cleanFileName, extensionOf, joinFileName, splitExtension } from './attachment-file-name.js';
import { rootStreamNames } from './compound-file.js';

/**
 * The one policy for attachments, organisations' uploads and citizens' files alike: which types the
 * service accepts, and that a file's name never says anything its content does not prove. This is a
 * security boundary. A browser or desktop opens a downloaded file by its extension, so an HTML page
 * stored as "ohje.html", or as "trick.pdf" that a user renames, runs as a page; ".hta" and ".js" run
 * as programs on Windows. The content decides the type (file-type for formats with a signature, a
 * text check for the rest); a name or a declared type that contradicts it is refused, and a name
 * without an extension gets the detected type's one.
 *
 * Plain text has no signature, so it is accepted only when it is valid UTF-8 without control
 * characters and does not begin like markup: browsers sniff such text as HTML or SVG when a
 * download is ever opened from disk or served without our headers.
 */

/** Accepted media types and their extensions (the first is appended to names that have none). */
export const attachmentTypes = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'text/plain': ['txt'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
} as const satisfies Record<string, readonly [string, ...string[]]>;

export type AttachmentMediaType = keyof typeof attachmentTypes;

export const acceptedMediaTypes = Object.keys(attachmentTypes) as AttachmentMediaType[];

export function isAcceptedMediaType(mediaType: string): mediaType is AttachmentMediaType {
  return Object.hasOwn(attachmentTypes, mediaType);
}

const typeByExtension = new Map<string, AttachmentMediaType>(
  acceptedMediaTypes.flatMap((type) => attachmentTypes[type].map((extension) => [extension, type] as const)),
);

/** The accepted type an extension stands for, e.g. "jpeg" → image/jpeg. */
export function mediaTypeOfExtension(extension: string): AttachmentMediaType | undefined {
  return typeByExtension.get(extension.toLowerCase());
}

/** A short name for people: the type's first extension in capitals (PDF, JPG, DOCX …). */
export function typeLabel(mediaType: string): string {
  return isAcceptedMediaType(mediaType) ? attachmentTypes[mediaType][0].toUpperCase() : mediaType;
}

/** What the content is: an accepted type, or the type it was recognised as (for the refusal). */
export type ContentType =
  { accepted: true; mediaType: AttachmentMediaType } | { accepted: false; mediaType: string };

/**
 * The legacy Office formats share one container, which file-type reports as "application/x-cfb";
 * the program that wrote the file names the main stream under the root storage (Excel 5 wrote
 * "Book", later versions "Workbook"). Stream names compare without regard to case.
 */
const legacyOfficeStreams: Array<[streams: string[], mediaType: AttachmentMediaType]> = [
  [['worddocument'], 'application/msword'],
  [['powerpoint document'], 'application/vnd.ms-powerpoint'],
  [['workbook', 'book'], 'application/vnd.ms-excel'],
];

function legacyOfficeType(content: Buffer): ContentType {
  const streams = new Set((rootStreamNames(content) ?? []).map((name) => name.toLowerCase()));
  const found = legacyOfficeStreams.find(([names]) => names.some((name) => streams.has(name)));
  return found
    ? { accepted: true, mediaType: found[1] }
    : { accepted: false, mediaType: 'application/x-cfb' };
}

/**
 * Whether valid UTF-8 holds a control character other than tab, line feed, form feed and carriage
 * return: C0 and DEL are single bytes, C1 (U+0080–U+009F) is 0xC2 followed by 0x80–0x9F. Read from
 * the bytes, as decoding 10 MiB of text to a string costs far more than the whole rest of the check.
 */
function hasControlCharacter(content: Buffer): boolean {
  const length = content.length;
  for (let i = 0; i < length; i++) {
    const byte = content[i]!;
    if (byte < 0x20) {
      if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return true;
    } else if (byte === 0x7f) {
      return true;
    } else if (byte === 0xc2) {
      const next = content[i + 1]!;
      if (next >= 0x80 && next <= 0x9f) return true;
    }
  }
  return false;
}

const utf8ByteOrderMark = [0xef, 0xbb, 0xbf];
const asciiWhiteSpace = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/** Where the content starts after byte order marks and ASCII white space, however long the run. */
function firstContentByte(content: Buffer): number {
  let at = 0;
  for (;;) {
    if (asciiWhiteSpace.has(content[at] ?? -1)) at += 1;
    else if (utf8ByteOrderMark.every((byte, index) => content[at + index] === byte)) at += 3;
    else return at;
  }
}

/**
 * Markup a browser would render: the tags its content sniffing looks for at the start of a
 * document (WHATWG MIME Sniffing, "identify an unknown MIME type"), and SVG and XML, which carry
 * script as well.
 */
const markupStart =
  /^<(?:!--|(?:!doctype|\?xml|html|head|body|script|iframe|svg|style|title|meta|link|object|embed|frameset|frame|table|div|font|br|h1|p|a|b|img|math)(?=[\s/>]|$))/i;

function textType(content: Buffer): ContentType {
  if (!isUtf8(content) || hasControlCharacter(content)) {
    return { accepted: false, mediaType: 'application/octet-stream' };
  }
  // Only the beginning decides; other Unicode white space (\s) is skipped too, to be safe.
  const from = firstContentByte(content);
  const head = content
    .subarray(from, from + 4096)
    .toString('utf8')
    .replace(/^\s+/, '');
  if (markupStart.test(head)) {
    if (/<svg[\s/>]/i.test(head)) return { accepted: false, mediaType: 'image/svg+xml' };
    if (/^<\?xml/i.test(head) && !/<html[\s/>]/i.test(head)) {
      return { accepted: false, mediaType: 'application/xml' };
    }
    return { accepted: false, mediaType: 'text/html' };
  }
  return { accepted: true, mediaType: 'text/plain' };
}

/** The type of the content, from its bytes alone. */
export async function detectContentType(content: Buffer): Promise<ContentType> {
  const detected = await fileTypeFromBuffer(content);
  if (!detected) return textType(content);
  // file-type recognises some text formats (XML, calendars, subtitles); the text check decides them.
  if (detected.mime.startsWith('text/') || detected.mime === 'application/xml') return textType(content);
  if (detected.mime === 'application/x-cfb') return legacyOfficeType(content);
  return isAcceptedMediaType(detected.mime)
    ? { accepted: true, mediaType: detected.mime }
    : { accepted: false, mediaType: detected.mime };
}

/** Declared types that say nothing about the content. */
const genericDeclarations = new Set(['', 'application/octet-stream']);
/** Other spellings clients use for accepted types. */
const declaredAliases: Record<string, AttachmentMediaType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};

/** The declared type without parameters, in lower case, with aliases resolved; undefined if generic. */
function declaredMediaType(declared: string | undefined): string | undefined {
  const essence = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (genericDeclarations.has(essence)) return undefined;
  return declaredAliases[essence] ?? essence;
}

export interface AttachmentFile {
  /** The name as the client sent it; cleaned here. */
  fileName: string | undefined;
  content: Buffer;
  /** The Content-Type the client declared for the file, if any. */
  declaredType?: string | undefined;
}

export type AttachmentRefusal = { fileName: string } & (
  | { reason: 'empty' }
  | { reason: 'contentNotAccepted'; contentType: string; nameSays: AttachmentMediaType | undefined }
  | { reason: 'extensionNotAccepted'; extension: string; contentType: AttachmentMediaType }
  | { reason: 'nameContradictsContent'; nameSays: AttachmentMediaType; contentType: AttachmentMediaType }
  | { reason: 'declaredTypeContradictsContent'; declaredType: string; contentType: AttachmentMediaType }
);

export type AttachmentVerdict =
  { ok: true; fileName: string; mediaType: AttachmentMediaType } | { ok: false; refusal: AttachmentRefusal };

/**
 * Accepts a file only when its content is an accepted type and neither its name nor its declared
 * type says otherwise. The name is judged by its last extension ("lasku.pdf.js" is a .js file, as
 * Windows sees it). An accepted file's name always ends in an extension of its type.
 */
export async function judgeAttachment(file: AttachmentFile): Promise<AttachmentVerdict> {
  const fileName = cleanFileName(file.fileName);
  if (file.content.length === 0) return { ok: false, refusal: { fileName, reason: 'empty' } };
  const extension = extensionOf(fileName);
  const nameSays = extension === undefined ? undefined : mediaTypeOfExtension(extension);
  const content = await detectContentType(file.content);
  if (!content.accepted) {
    return {
      ok: false,
      refusal: { fileName, reason: 'contentNotAccepted', contentType: content.mediaType, nameSays },
    };
  }
  const contentType = content.mediaType;
  if (extension !== undefined && nameSays === undefined) {
    return { ok: false, refusal: { fileName, reason: 'extensionNotAccepted', extension, contentType } };
  }
  if (nameSays !== undefined && nameSays !== contentType) {
    return { ok: false, refusal: { fileName, reason: 'nameContradictsContent', nameSays, contentType } };
  }
  const declaredType = declaredMediaType(file.declaredType);
  if (declaredType !== undefined && declaredType !== contentType) {
    return {
      ok: false,
      refusal: { fileName, reason: 'declaredTypeContradictsContent', declaredType, contentType },
    };
  }
  return { ok: true, fileName: fileNameForType(fileName, contentType), mediaType: contentType };
}

/** The refusal in English for the organisation API, naming the file and both types. */
export function describeRefusal(refusal: AttachmentRefusal): string {
  const file = `file ${JSON.stringify(refusal.fileName)}`;
  switch (refusal.reason) {
    case 'empty':
      return `${file}: is empty`;
    case 'contentNotAccepted':
      return refusal.nameSays
        ? `${file}: the name says ${refusal.nameSays} but the content is ${refusal.contentType}, which is not accepted`
        : `${file}: the content is ${refusal.contentType}, which is not accepted`;
    case 'extensionNotAccepted':
      return `${file}: the extension .${refusal.extension} is not accepted; the content is ${refusal.contentType}`;
    case 'nameContradictsContent':
      return `${file}: the name says ${refusal.nameSays} but the content is ${refusal.contentType}`;
    case 'declaredTypeContradictsContent':
      return `${file}: the declared Content-Type is ${refusal.declaredType} but the content is ${refusal.contentType}`;
  }
}

/**
 * The name to serve a stored file under: its extension is one of the media type's, replaced or
 * appended when not. Applied on every download, so rows stored before this policy are safe too.
 * A type outside the table (none is stored today) gets ".bin", which nothing opens by itself.
 */
export function fileNameForType(fileName: string, mediaType: string): string {
  const cleaned = cleanFileName(fileName);
  const extensions: readonly string[] = isAcceptedMediaType(mediaType) ? attachmentTypes[mediaType] : ['bin'];
  const { stem, extension } = splitExtension(cleaned);
  if (extension !== undefined && extensions.includes(extension.toLowerCase())) return cleaned;
  return joinFileName(extension === undefined ? cleaned : stem, extensions[0]!);
}

/** A form's problem for a refused file: the file named and, for a contradiction, both media types. */
export interface AttachmentFormProblem {
  field: 'attachments';
  code: 'empty' | 'unsupportedType' | 'typeMismatch';
  fileName: string;
  claimedType?: string;
  contentType?: string;
}

/** The citizen's compose form and the staff send form say the same of the same refusal. */
export function attachmentFormProblem(refusal: AttachmentRefusal): AttachmentFormProblem {
  const fileName = refusal.fileName;
  switch (refusal.reason) {
    case 'empty':
      return { field: 'attachments', code: 'empty', fileName };
    case 'contentNotAccepted':
    case 'extensionNotAccepted':
      return { field: 'attachments', code: 'unsupportedType', fileName };
    case 'nameContradictsContent':
      return {
        field: 'attachments',
        code: 'typeMismatch',
        fileName,
        claimedType: refusal.nameSays,
        contentType: refusal.contentType,
      };
    case 'declaredTypeContradictsContent':
      return {
        field: 'attachments',
        code: 'typeMismatch',
        fileName,
        claimedType: refusal.declaredType,
        contentType: refusal.contentType,
      };
  }
}
