import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/project-root.js';
import type { CliResult } from './cli-process.js';

/**
 * Shell blocks a document marks for its test: a line `<!-- test: NAME -->` directly before a
 * ```sh fence. The test runs what the reader copies, so a document and its test cannot drift apart.
 */
export function markedShellBlocks(relativePath: string): Map<string, string> {
  const lines = fs.readFileSync(path.join(projectRoot, relativePath), 'utf8').split('\n');
  const blocks = new Map<string, string>();
  for (let index = 0; index < lines.length; index++) {
    const marker = /^<!-- test: ([a-z0-9-]+) -->$/.exec(lines[index]!.trim());
    if (!marker) continue;
    const name = marker[1]!;
    if (lines[index + 1] !== '```sh') {
      throw new Error(
        `${relativePath}:${index + 1}: the marker "${name}" must be followed by a \`\`\`sh block`,
      );
    }
    const end = lines.indexOf('```', index + 2);
    if (end < 0) throw new Error(`${relativePath}:${index + 2}: the block "${name}" is not closed`);
    if (blocks.has(name)) throw new Error(`${relativePath}: the marker "${name}" is used twice`);
    blocks.set(name, lines.slice(index + 2, end).join('\n'));
    index = end;
  }
  return blocks;
}

/**
 * A directory holding `asiointitili` as the documents tell operators to install it: a symbolic link
 * to the compiled command (bin/asiointitili.js). Put it first on PATH; node is found on PATH too.
 */
export function commandDirectory(parent: string): string {
  const dir = path.join(parent, 'bin');
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(projectRoot, 'bin/asiointitili.js'), path.join(dir, 'asiointitili'));
  return dir;
}

export function pathWith(commandDir: string): string {
  return [commandDir, path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter);
}

/** Runs a block with `bash -euo pipefail`: a failing command or pipe stage fails the block. */
export function runShellBlock(
  script: string,
  env: Record<string, string>,
  options: { signal?: AbortSignal } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      env,
      ...(options.signal ? { signal: options.signal, killSignal: 'SIGKILL' as const } : {}),
    });
    child.on('error', () => undefined);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
