/**
 * Draws the raster favicons (data-files/brand/favicon-32.png and apple-touch-icon.png) from the SVG
 * mark in src/http/views/components/brand.tsx, with the same headless Chromium as the browser
 * tests. Run after changing the mark: `node --import tsx scripts/brand-icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { faviconSvg } from '../src/http/views/components/brand.js';
import { launchBrowser } from '../test/helpers/browser.js';

const outDir = fileURLToPath(new URL('../data-files/brand/', import.meta.url));
const sizes = { 'favicon-32.png': 32, 'apple-touch-icon.png': 180 };

fs.mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
try {
  for (const [name, size] of Object.entries(sizes)) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(faviconSvg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}"></body></html>`,
    );
    await page.screenshot({ path: path.join(outDir, name), omitBackground: true });
    await page.close();
    console.log(`wrote data-files/brand/${name}`);
  }
} finally {
  await browser.close();
}
