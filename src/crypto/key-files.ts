import { randomBytes } from 'node:crypto';
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

/**
 * Puts `text` at `file` in one step (readers never see half a file), readable by the owner only.
 * With `replace: false` an existing file is left alone and the answer is false: of two processes
 * creating it at once, one writes and both then read the same keys.
 */
export function placeKeyFile(file: string, text: string, replace: boolean): boolean {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    if (replace) fs.renameSync(temporary, file);
    // link() fails when the file exists, where rename() would replace it.
    else fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
