import { composeLetter, defaultAddressWindow } from '../src/modules/delivery/index.js';
import { samplePdf } from '../test/helpers/sample-files.js';
import { rateRow, type Row } from './result-row.js';

/** Runs `work` one call after another for `seconds`; calls per second. */
async function sequentialRate(seconds: number, work: () => Promise<unknown>): Promise<number> {
  // One untimed call first: the PDF libraries load and compile on first use.
  await work();
  let calls = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    await work();
    calls++;
  }
  return calls / ((performance.now() - started) / 1000);
}

/**
 * PDF letters: the delivery module's composer making a printable letter (address page, blank back,
 * the organisation's one-page document) against making that one page alone with pdf-lib, in this
 * process, one after another. What the composer adds is the address page (pdfkit) and copying the
 * pages into one document.
 */
export async function pdfLetters(seconds: number): Promise<Row> {
  const document = await samplePdf(1);
  const ours = await sequentialRate(seconds, () =>
    composeLetter({
      recipient: ['Maija Meikäläinen', 'Mannerheimintie 1 A 2', '00100 HELSINKI'],
      returnAddress: ['Verohallinto', 'PL 325', '00052 VERO'],
      senderName: 'Verohallinto',
      title: 'Päätös',
      date: '30.11.2026',
      language: 'fi',
      document,
      flags: { color: false, duplex: true, addressPage: true, rotateLandscape: true },
      window: defaultAddressWindow,
    }),
  );
  const alone = await sequentialRate(seconds, () => samplePdf(1));
  return rateRow(
    'PDF letter, one-page document',
    { requestsPerSecond: ours },
    { requestsPerSecond: alone },
    0.5,
    'the page alone',
  );
}
