import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Source Sans 3, the Suomi.fi typeface, served from our own origin (the CSP allows fonts only from
 * 'self'). The @font-face rules come from the font package's own stylesheets (`@fontsource/
 * source-sans-3`), keeping its unicode ranges: only the Latin and Latin Extended subsets (Finnish,
 * Swedish, English and the Sámi languages' letters) in the three weights the pages use, and only
 * WOFF2, which every supported browser reads. Their `./files/…` addresses become `/assets/fonts/…`.
 */
const weights = [400, 600, 700] as const;
const subsets = ['latin', 'latin-ext'] as const;

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@fontsource/source-sans-3/LICENSE'));

/** The font files the asset route may serve, by name, with their location on disk. */
export const fontFiles = new Map<string, string>();

function fontFaces(): string {
  const wanted = new Set(
    weights.flatMap((weight) => subsets.map((subset) => `source-sans-3-${subset}-${weight}-normal`)),
  );
  const faces: string[] = [];
  for (const weight of weights) {
    const sheet = fs.readFileSync(path.join(packageDir, `${weight}.css`), 'utf8');
    for (const match of sheet.matchAll(/\/\* ([\w-]+) \*\/\s*(@font-face \{[^}]*\})/g)) {
      const [, name, face] = match as unknown as [string, string, string];
      if (!wanted.has(name)) continue;
      const file = `${name}.woff2`;
      fontFiles.set(file, path.join(packageDir, 'files', file));
      faces.push(face.replace(/src: [^;]*;/, `src: url(/assets/fonts/${file}) format('woff2');`));
    }
  }
  if (faces.length !== wanted.size) {
    throw new Error(`@fontsource/source-sans-3: found ${faces.length} of ${wanted.size} font faces`);
  }
  return faces.join('\n');
}

export const fontFaceRules = fontFaces();
