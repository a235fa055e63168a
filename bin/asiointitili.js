#!/usr/bin/env node
// The package's command. The TypeScript sources are compiled to dist/ by `npm run build`
// (run automatically by `npm ci` through the prepare script and by `npm start`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('asiointitili: not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(entry);
await main(process.argv);
