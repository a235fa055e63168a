import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../project-root.js';
import { faviconSvg } from '../views/components/brand.js';
import { fontFiles } from '../views/styles/fonts.js';

/** The raster icons, made from the SVG mark by scripts/brand-icons.ts and kept in the repository. */
const brandDir = path.join(projectRoot, 'data-files', 'brand');
const favicon32 = fs.readFileSync(path.join(brandDir, 'favicon-32.png'));
const appleTouchIcon = fs.readFileSync(path.join(brandDir, 'apple-touch-icon.png'));

/**
 * An .ico holding one PNG image (allowed since Windows Vista, read by every current browser): a
 * 6-byte header, one 16-byte directory entry, then the PNG as it is.
 */
export function icoFromPng(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6); // width (0 means 256)
  header.writeUInt8(size >= 256 ? 0 : size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // size of the image data
  header.writeUInt32LE(22, 18); // offset of the image data
  return Buffer.concat([header, png]);
}

const faviconIco = icoFromPng(favicon32, 32);

/**
 * The one script: an enhancement, never needed. Where script runs it shows the message page's
 * print button and makes it open the browser's print dialogue; without it the button stays hidden
 * and the browser's own print command gives the same printout (the print stylesheet).
 */
export const printScript = [
  "'use strict';",
  "for (const button of document.querySelectorAll('button.print-button')) {",
  '  button.hidden = false;',
  "  button.addEventListener('click', () => window.print());",
  '}',
  '',
].join('\n');
const day = 24 * 3600;

/**
 * The favicon in its three forms and the self-hosted font files. They only change with a release,
 * so they are cached for a day (fonts a week); none carries personal data.
 */
export async function assetRoutes(app: FastifyInstance): Promise<void> {
  const send = (url: string, type: string, body: Buffer | string, maxAge = day) =>
    // No session is looked up for these (the /assets prefix is sessionless; /favicon.ico says so).
    app.get(url, { config: { citizenSessionExempt: true } }, async (_request, reply) =>
      reply.header('cache-control', `public, max-age=${maxAge}`).type(type).send(body),
    );
  send('/assets/favicon.svg', 'image/svg+xml', faviconSvg);
  send('/assets/favicon-32.png', 'image/png', favicon32);
  send('/assets/apple-touch-icon.png', 'image/png', appleTouchIcon);
  send('/favicon.ico', 'image/x-icon', faviconIco);
  send('/assets/print.js', 'text/javascript; charset=utf-8', printScript);
  for (const [name, file] of fontFiles) {
    send(`/assets/fonts/${name}`, 'font/woff2', fs.readFileSync(file), 7 * day);
  }
}
