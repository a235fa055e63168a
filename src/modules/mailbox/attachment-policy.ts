import { fileTypeFromBuffer } from 'file-type';
import { limits } from './types.js';

/**
 * Which files a citizen may attach, decided from the content, never from the name or the browser's
 * claimed type: a file is stored with the media type its bytes prove, so an HTML page renamed
 * "hakemus.pdf" cannot come back out as anything a browser would render.
 */

/** Detected container or format → stored media type (the contract's list of accepted types). */
const acceptedByContent: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/**
 * Legacy Office files (doc, xls, ppt) share one container, the Compound File Binary format, and
 * content sniffing cannot tell them apart. The container is verified from the bytes; only the choice
 * between the three Office types follows the file name.
 */
const legacyOfficeByExtension: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export type AttachmentRejection = 'unsupportedType' | 'empty' | 'tooLarge';

export type SniffResult = { ok: true; mediaType: string } | { ok: false; reason: AttachmentRejection };

export async function sniffAttachment(content: Buffer, fileName: string): Promise<SniffResult> {
  if (content.length === 0) return { ok: false, reason: 'empty' };
  if (content.length > limits.attachmentBytes) return { ok: false, reason: 'tooLarge' };
  const detected = await fileTypeFromBuffer(content);
  if (detected) {
    const accepted = acceptedByContent[detected.ext];
    if (accepted) return { ok: true, mediaType: accepted };
    if (detected.ext === 'cfb') {
      const legacy = legacyOfficeByExtension[extensionOf(fileName)];
      if (legacy) return { ok: true, mediaType: legacy };
    }
    return { ok: false, reason: 'unsupportedType' };
  }
  // Plain text has no signature. It is accepted when it is valid UTF-8 without NUL bytes, and is
  // always served back as text/plain for download, never rendered.
  if (isPlainText(content)) return { ok: true, mediaType: 'text/plain' };
  return { ok: false, reason: 'unsupportedType' };
}

function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The file name is metadata only, but it is shown on pages and sent back in Content-Disposition:
 * keep the last path segment (some browsers send a full path), drop control and bidirectional
 * override characters (which can disguise an extension), and cap the length.
 */
export function cleanFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const capped = Array.from(cleaned).slice(0, 200).join('');
  return capped === '' || capped === '.' || capped === '..' ? 'liite' : capped;
}
