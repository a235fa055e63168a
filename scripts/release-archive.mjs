#!/usr/bin/env node
// Makes the release archive a production host installs with `npm ci --omit=dev` (docs/deployment.md):
// the committed sources of one commit plus dist/ compiled from exactly those sources, so the host
// needs neither TypeScript nor the other development dependencies.
//
//   node scripts/release-archive.mjs [--ref <commit>] [--out <file.tar.gz>]
//
// Compiling happens in a copy of the commit, borrowing this checkout's node_modules for the
// compiler and type packages: uncommitted edits and stale files in ./dist cannot leak in.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { ref: { type: 'string', default: 'HEAD' }, out: { type: 'string' } },
});

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed`);
  return result.stdout.trim();
}

const commit = run('git', ['rev-parse', '--verify', '--quiet', `${options.ref}^{commit}`]);
const { version } = JSON.parse(run('git', ['show', `${commit}:package.json`]));
const name = `asiointitili-${version}`;
const out = path.resolve(options.out ?? `${name}.tar.gz`);
const compiler = path.join(root, 'node_modules/typescript/bin/tsc');
if (!fs.existsSync(compiler)) fail('TypeScript is not installed here; run `npm ci` first');
if (options.ref === 'HEAD' && run('git', ['status', '--porcelain', '--untracked-files=no']) !== '') {
  console.error('release: notice: uncommitted changes are not in the archive (it is made from HEAD)');
}

const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-release-'));
try {
  const tree = path.join(staging, name);
  run('git', [
    'archive',
    '--format=tar',
    `--prefix=${name}/`,
    '-o',
    path.join(staging, 'source.tar'),
    commit,
  ]);
  run('tar', ['-xf', 'source.tar'], staging);
  fs.rmSync(path.join(staging, 'source.tar'));

  fs.symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, [compiler, '-p', 'tsconfig.build.json'], {
    cwd: tree,
    stdio: 'inherit',
  });
  fs.rmSync(path.join(tree, 'node_modules'));
  if (build.status !== 0) fail('compiling failed');
  // The incremental-build record names this machine's paths and is of no use to an install.
  fs.rmSync(path.join(tree, 'dist/.tsbuildinfo.build'), { force: true });

  run('tar', ['-czf', out, '-C', staging, name]);
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
console.error(`release: archived commit ${commit.slice(0, 12)} with its compiled dist/`);
console.log(out);
