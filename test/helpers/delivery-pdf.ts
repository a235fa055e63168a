import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: number;
  /** Text of each page, items joined by spaces. */
  pageTexts: string[];
  /** Each page's /Rotate and size as the viewer sees it. */
  pageSizes: Array<{ width: number; height: number; rotation: number }>;
}

/** Extracts the text of a PDF the way a reader (or a test) sees it. */
export async function extractPdfText(pdf: Buffer): Promise<PdfText> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pageTexts: string[] = [];
  const pageSizes: PdfText['pageSizes'] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pageTexts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    const viewport = page.getViewport({ scale: 1 });
    pageSizes.push({ width: viewport.width, height: viewport.height, rotation: page.rotate });
  }
  await document.destroy();
  return { pages: document.numPages, pageTexts, pageSizes };
}
