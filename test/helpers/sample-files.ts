import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Small files of each kind tests upload, attach or print. */

/** Minimal valid files of each kind the attachment rules care about. */
export const sampleFiles = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  text: Buffer.from('Hei, tässä selvitys.\n', 'utf8'),
  html: Buffer.from('<!doctype html><html><script>alert(1)</script></html>', 'utf8'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]),
  gif: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
};

/** A small one-page PDF (file-type sniffs PDFs by their header; letters need a page to print). */
export function tinyPdf(text = 'Päätös'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}

/** A PDF with `pages` pages reading "Asiakirjan sivu N"; landscape pages when asked. */
export async function samplePdf(
  pages: number,
  options: { landscape?: boolean; size?: [number, number] } = {},
) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const size = options.size ?? (options.landscape ? [841.89, 595.28] : [595.28, 841.89]);
    const page = doc.addPage(size as [number, number]);
    page.drawText(`Asiakirjan sivu ${n}`, { x: 50, y: page.getHeight() - 80, size: 14, font });
  }
  return Buffer.from(await doc.save());
}
