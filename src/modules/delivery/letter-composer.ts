import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { Language } from '../population-register/index.js';
import { PermanentDeliveryError } from './delivery-errors.js';
import type { AddressWindow } from './delivery-options.js';
import type { PrintFlags } from './paper-mail-request.js';

/** A4 in PDF points (1/72 inch). */
const A4 = { width: 595.28, height: 841.89 } as const;
const mm = (millimetres: number) => (millimetres * 72) / 25.4;

export interface LetterInput {
  /** Recipient address lines, printed in the envelope window. */
  recipient: string[];
  /** The sender's return address lines (first line: the sender's name). */
  returnAddress: string[];
  senderName: string;
  title: string;
  /** The letter's date, already formatted for its language. */
  date: string;
  language: Language;
  /** The organisation's PDF. */
  document: Buffer;
  flags: PrintFlags;
  window: AddressWindow;
}

export interface ComposedLetter {
  pdf: Buffer;
  pages: number;
}

const dateLabel: Record<Language, string> = { fi: 'Päivämäärä', sv: 'Datum', en: 'Date' };

// The PDF libraries are loaded on first use: only the print worker composes letters, and commands
// that merely wire up the services (operator commands) should not pay for loading them.
const pdfLib = () => import('pdf-lib');

/**
 * The address page for a window envelope: the return address in small type at the top of the
 * window and the recipient's address below it, both inside the window; the sender's name, the date
 * and the title above and below the window, where the envelope covers them.
 */
export async function composeAddressPage(input: Omit<LetterInput, 'document' | 'flags'>): Promise<Buffer> {
  const { default: PDFKit } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({
      size: 'A4',
      margin: 0,
      autoFirstPage: false,
      info: { Producer: 'asiointitili', Creator: 'asiointitili' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.addPage({ size: 'A4', margin: 0 });

    const window = input.window;
    const left = mm(window.leftMm);
    const width = mm(window.widthMm);
    // Header band above the window: who sends, and when.
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(input.senderName, mm(20), mm(15), { width: mm(90) });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${dateLabel[input.language]}: ${input.date}`, mm(120), mm(15), {
        width: mm(70),
        align: 'right',
      });

    // Inside the window: return address on one small line, then the recipient.
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(input.returnAddress.join(', '), left, mm(window.topMm + 3), {
        width,
        lineBreak: false,
        ellipsis: true,
      });
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(input.recipient.join('\n'), left, mm(window.topMm + 9), {
        width,
        height: mm(window.heightMm - 11),
        ellipsis: true,
      });

    // Below the window: the title of the document that follows.
    if (input.title.trim() !== '') {
      doc
        .font('Helvetica-Bold')
        .fontSize(13)
        .text(input.title, mm(20), mm(window.topMm + window.heightMm + 15), { width: A4.width - mm(40) });
    }
    doc.end();
  });
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 3;
}

function isA4(width: number, height: number): boolean {
  return (
    (near(width, A4.width) && near(height, A4.height)) || (near(width, A4.height) && near(height, A4.width))
  );
}

function normalisedAngle(angle: number): number {
  return (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
}

async function loadDocument(bytes: Buffer): Promise<PDFDocument> {
  const { EncryptedPDFError, PDFDocument } = await pdfLib();
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw new PermanentDeliveryError(
      error instanceof EncryptedPDFError ? 'the letter PDF is encrypted' : 'the letter PDF cannot be read',
    );
  }
}

/**
 * Copies the organisation's pages as A4: pages of another size are scaled to fit (keeping their
 * orientation and rotation), and with `rotateLandscape` every page that would come out landscape is
 * turned a quarter so the printer prints everything portrait.
 */
async function appendDocument(out: PDFDocument, source: PDFDocument, flags: PrintFlags): Promise<void> {
  const { degrees } = await pdfLib();
  const copies = await out.copyPages(source, source.getPageIndices());
  for (const [index, sourcePage] of source.getPages().entries()) {
    const { width, height } = sourcePage.getSize();
    const rotation = normalisedAngle(sourcePage.getRotation().angle);
    let page: PDFPage;
    if (isA4(width, height)) {
      page = out.addPage(copies[index]);
    } else {
      const embedded = await out.embedPage(sourcePage);
      page = out.addPage(width > height ? [A4.height, A4.width] : [A4.width, A4.height]);
      const scale = Math.min(page.getWidth() / embedded.width, page.getHeight() / embedded.height);
      page.drawPage(embedded, {
        x: (page.getWidth() - embedded.width * scale) / 2,
        y: (page.getHeight() - embedded.height * scale) / 2,
        xScale: scale,
        yScale: scale,
      });
      page.setRotation(degrees(rotation));
    }
    const landscape =
      rotation % 180 === 0 ? page.getWidth() > page.getHeight() : page.getHeight() > page.getWidth();
    if (flags.rotateLandscape && landscape) page.setRotation(degrees((rotation + 90) % 360));
  }
}

/**
 * The printable letter: address page (when asked for), a blank back side for it in duplex printing
 * so the document starts on a sheet of its own, then the organisation's document.
 */
export async function composeLetter(input: LetterInput): Promise<ComposedLetter> {
  const { PDFDocument } = await pdfLib();
  const source = await loadDocument(input.document);
  if (source.getPageCount() === 0) throw new PermanentDeliveryError('the letter PDF has no pages');
  const out = await PDFDocument.create();
  out.setProducer('asiointitili');
  out.setCreator('asiointitili');
  if (input.flags.addressPage) {
    const addressPage = await PDFDocument.load(await composeAddressPage(input));
    const [page] = await out.copyPages(addressPage, [0]);
    out.addPage(page);
    if (input.flags.duplex) out.addPage([A4.width, A4.height]);
  }
  await appendDocument(out, source, input.flags);
  const pdf = Buffer.from(await out.save());
  return { pdf, pages: out.getPageCount() };
}

/** Sheets of paper a letter takes, for the manifest. */
export function sheetsFor(pages: number, duplex: boolean): number {
  return duplex ? Math.ceil(pages / 2) : pages;
}
