#!/usr/bin/env node
// npm's `prepare` step (run by `npm ci` and `npm install`). With the development dependencies
// installed it compiles the TypeScript sources into dist/. A production install
// (`npm ci --omit=dev`) lacks the type packages the compiler needs, so it must find dist/ already
// there: the release archive (`npm run release`) and the Dockerfile's build stage ship it. Without
// either, stop with the way out instead of a page of compiler errors.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiler = path.join(root, 'node_modules/typescript/bin/tsc');
const builtEntry = path.join(root, 'dist/src/cli/main.js');

// TypeScript alone proves nothing: a runtime dependency (i18next) brings it as a peer. The build
// also needs every @types package of the development dependencies.
const { devDependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const buildNeeds = Object.keys(devDependencies).filter(
  (name) => name === 'typescript' || name.startsWith('@types/'),
);
const canBuild = buildNeeds.every((name) =>
  existsSync(path.join(root, 'node_modules', name, 'package.json')),
);

if (canBuild) {
  const build = spawnSync(process.execPath, [compiler, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(build.status ?? 1);
}

if (existsSync(builtEntry)) {
  console.log('asiointitili: production install: using the compiled dist/ shipped with this release');
  process.exit(0);
}

console.error(
  'asiointitili: dist/ is missing and the development dependencies that build it are not installed. ' +
    'Install from a release archive (`npm run release` makes one; it contains dist/), ' +
    'or run `npm ci` with the development dependencies to build here.',
);
process.exit(1);
