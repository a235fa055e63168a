import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/project-root.js';
import { recordLogLines, recordSecretsIn } from './leak-record.js';

// The real command as users run it: the compiled CLI (scripts/run-tests.mjs builds before the
// process tests, and `npm ci` builds through the prepare script).

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * How long a child may take is the test runner's business (its per-test timeout), never a limit of
 * ours: a busy machine makes start-up slow, not wrong. Pass the test's `t.signal` so a test that
 * times out or is cancelled also kills its child instead of leaving it running.
 */
export interface ChildOptions {
  signal?: AbortSignal;
  /** Runs the command of another installation (a release installed by a test). */
  installRoot?: string;
}

/**
 * For the leak scan: what a child wrote that is log output (stderr, and the JSON log lines on
 * stdout; a command's own output on stdout is its answer, which may rightly hold a new password),
 * and the secrets in its arguments and in a JSON answer.
 */
function recordChildOutput(args: string[], stdout: string, stderr: string): void {
  const source = `cli ${args.slice(0, 2).join(' ')}`;
  recordSecretsIn(args);
  recordLogLines(source, stderr);
  recordLogLines(
    source,
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{"level"'))
      .join('\n'),
  );
  try {
    recordSecretsIn(JSON.parse(stdout));
  } catch {
    // not a JSON answer
  }
}

function spawnCli(args: string[], env: Record<string, string>, options: ChildOptions): ChildProcess {
  const root = options.installRoot ?? projectRoot;
  const child = spawn(process.execPath, [path.join(root, 'bin/asiointitili.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    ...(options.signal ? { signal: options.signal, killSignal: 'SIGKILL' as const } : {}),
  });
  // An aborted child reports an AbortError here; the test has already failed by then.
  child.on('error', () => undefined);
  return child;
}

/** Runs the real CLI in a child process with only the given environment, until it exits. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: ChildOptions = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawnCli(args, env, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      recordChildOutput(args, stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface StartedServer {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the server wrote so far: stdout (JSON log lines) and stderr (progress) interleaved. */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `serve` on a free port and resolves once it prints that it is listening (a worker: that it
 * runs), however long that takes; rejects if it exits first.
 */
export function startCliServer(
  args: string[],
  env: Record<string, string>,
  options: ChildOptions = {},
): Promise<StartedServer> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, { PORT: '0', HOST: '127.0.0.1', ...env }, options);
    let output = '';
    let stdout = '';
    let stderr = '';
    let listening = false;
    const exited = new Promise<number | null>((done) =>
      child.on('close', (code) => {
        recordChildOutput(args, stdout, stderr);
        done(code);
      }),
    );
    const onData = () => {
      const match = listening ? null : stderr.match(/listening on (http:\/\/[^\s]+)|worker running/);
      if (match) {
        listening = true;
        resolve({
          child,
          baseUrl: match[1] ?? '',
          output: () => output,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stderr += chunk.toString();
      onData();
    });
    void exited.then((code) => {
      if (!listening) reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
}
