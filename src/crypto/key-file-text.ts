import fs from 'node:fs';

/**
 * A key file's text. When it cannot be read, `problem` makes the error from one line that names the
 * setting and file (`source`, e.g. "AUDIT_SIGNING_KEY_FILE /etc/…") and says why: it does not exist,
 * or the system's error code (permissions, a directory …); the operator fixes the file from that.
 */
export function readKeyFileText(file: string, source: string, problem: (message: string) => Error): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw problem(
      code === 'ENOENT' ? `${source} does not exist` : `${source} cannot be read (${code ?? 'error'})`,
    );
  }
}
