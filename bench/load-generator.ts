import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Replaces `[<id>]` in the body with a fresh id per request (autocannon's idReplacement). */
  idReplacement?: boolean;
  connections: number;
  seconds: number;
}

export interface LoadOutcome {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/**
 * Runs autocannon in a process of its own: in the server's process the load generator would take
 * the same event loop and the same core as the server it measures.
 */
export function load(options: LoadOptions): Promise<LoadOutcome> {
  const args = [
    autocannonCli,
    '--json',
    '--connections',
    String(options.connections),
    '--duration',
    String(options.seconds),
    '--method',
    options.method ?? 'GET',
  ];
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push('--headers', `${name}=${value}`);
  // A body goes through a file: a mailbox check of 10,000 ids is longer than a command line may be.
  let bodyDir: string | undefined;
  if (options.body !== undefined) {
    bodyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-body-'));
    fs.writeFileSync(path.join(bodyDir, 'body'), options.body);
    args.push('--input', path.join(bodyDir, 'body'));
  }
  if (options.idReplacement) args.push('--idReplacement');
  args.push(options.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let diagnostics = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (diagnostics += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (bodyDir) fs.rmSync(bodyDir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${diagnostics.slice(-500)}`));
      const result = JSON.parse(output) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    });
  });
}
