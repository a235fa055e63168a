import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { KeyRingError, formatKeyRing, generateKeyRingText, parseKeyRing, type KeyRing } from './key-ring.js';

/** No master key is configured outside demo mode; the service must not start without one. */
export class MasterKeyMissingError extends Error {
  override name = 'MasterKeyMissingError';
}

const DEMO_KEY_FILE = 'master.key';
/**
 * Written by demo mode next to the key it generated, holding the key file's SHA-256. Operator
 * commands trust DATA_DIR/master.key only with a matching marker, so a key file that someone put
 * there (or replaced) is never picked up silently.
 */
const DEMO_KEY_MARKER = 'master.key.demo.json';

interface DemoKeyMarker {
  createdBy: string;
  keyFile: string;
  sha256: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Prefix parse errors with where the text came from so the operator knows what to fix. */
function parseFrom(text: string, source: string): KeyRing {
  try {
    return parseKeyRing(text);
  } catch (error) {
    if (error instanceof KeyRingError) throw new KeyRingError(`${source}: ${error.message}`);
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function readKeyFile(file: string, demo: boolean): KeyRing {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT')
      throw new MasterKeyMissingError(`MASTER_KEY_FILE ${file} does not exist`);
    throw new KeyRingError(`MASTER_KEY_FILE ${file} cannot be read (${errorCode(error) ?? 'error'})`);
  }
  if (!stat.isFile()) throw new KeyRingError(`MASTER_KEY_FILE ${file} is not a regular file`);
  // POSIX permission bits mean nothing on Windows, where the check would always fail or pass at random.
  if (!demo && process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    throw new KeyRingError(
      `MASTER_KEY_FILE ${file} is accessible by group or others (mode ${mode}); run chmod 600 on it`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyRingError(`MASTER_KEY_FILE ${file} cannot be read (${errorCode(error) ?? 'error'})`);
  }
  return parseFrom(text, `MASTER_KEY_FILE ${file}`);
}

/**
 * Demo mode must work with zero configuration yet keep data decryptable across restarts, so the
 * generated key is persisted next to the data it protects. Creating with 'wx' means two processes
 * starting at once cannot each write a different key: the loser reads the winner's file.
 */
function demoKeyRing(dataDir: string, notify: ((message: string) => void) | undefined): KeyRing {
  const file = path.join(dataDir, DEMO_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let created = false;
  try {
    const text = generateKeyRingText() + '\n';
    fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
    // The umask can only remove bits, but make the mode exact so the file stays readable by us.
    fs.chmodSync(file, 0o600);
    created = true;
    // Written after the key: a crash in between leaves a key without a marker, which operator
    // commands refuse – the safe direction.
    const marker: DemoKeyMarker = {
      createdBy: 'asiointitili serve --demo',
      keyFile: DEMO_KEY_FILE,
      sha256: sha256Hex(text),
    };
    fs.writeFileSync(path.join(dataDir, DEMO_KEY_MARKER), `${JSON.stringify(marker, null, 2)}\n`, {
      mode: 0o600,
    });
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  const ring = readKeyFile(file, true);
  if (created) {
    notify?.(
      `Demo mode: created a new master key in ${file}; data encrypted with it is lost if it is deleted`,
    );
  }
  return ring;
}

function readMarker(file: string): DemoKeyMarker | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new KeyRingError(`${file} cannot be read (${errorCode(error) ?? 'error'})`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<DemoKeyMarker>;
    if (typeof parsed.sha256 === 'string' && parsed.keyFile === DEMO_KEY_FILE) return parsed as DemoKeyMarker;
  } catch {
    // falls through to the error below
  }
  throw new KeyRingError(`${file} is not a demo key marker written by serve --demo`);
}

const missingKeyMessage =
  'MASTER_KEY or MASTER_KEY_FILE must be set (a base64 32-byte key, e.g. from `openssl rand -base64 32`, ' +
  'or a comma separated list of id:base64 keys, the first one active)';

/**
 * An operator command run in a data directory that `serve --demo` set up uses the key demo mode
 * generated there, so `npm start` followed by `npx asiointitili org add …` just works. Only a key
 * whose marker matches is used; anything else ends in MasterKeyMissingError as before.
 */
function demoDataDirKeyRing(dataDir: string, notify: ((message: string) => void) | undefined): KeyRing {
  const file = path.join(dataDir, DEMO_KEY_FILE);
  const markerFile = path.join(dataDir, DEMO_KEY_MARKER);
  const marker = readMarker(markerFile);
  if (!marker) {
    const hint = fs.existsSync(file)
      ? `; ${file} was not created by serve --demo, so it is not used unless MASTER_KEY_FILE names it`
      : '';
    throw new MasterKeyMissingError(`${missingKeyMessage}${hint}`);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MasterKeyMissingError(
      `${missingKeyMessage}; the demo key ${file} cannot be read (${errorCode(error) ?? 'error'})`,
    );
  }
  if (sha256Hex(text) !== marker.sha256) {
    throw new MasterKeyMissingError(
      `${missingKeyMessage}; ${file} is not the key serve --demo created in this directory (${DEMO_KEY_MARKER} does not match it)`,
    );
  }
  const ring = parseFrom(text, file);
  notify?.(`using the demo master key ${file} (this DATA_DIR was set up by serve --demo)`);
  return ring;
}

/**
 * MASTER_KEY (text) or MASTER_KEY_FILE (file holding the text). When neither is set: in demo mode
 * create `<dataDir>/master.key` (mode 0600, directory created) if absent, reuse it if present, and
 * call notify(message) once saying where it was created; with `demoDataDirKey` (operator commands)
 * use the key demo mode created in dataDir, saying so through notify; otherwise throw
 * MasterKeyMissingError.
 * A key file readable by group/others (mode & 0o077) outside demo is an error naming the file.
 */
export function loadKeyRing(
  config: Pick<Config, 'masterKey' | 'masterKeyFile' | 'dataDir'>,
  options: { demo: boolean; demoDataDirKey?: boolean; notify?: (message: string) => void },
): KeyRing {
  const { masterKey, masterKeyFile, dataDir } = config;
  // loadConfig already rejects this, but a hand-built config must not silently pick one.
  if (masterKey !== undefined && masterKeyFile !== undefined) {
    throw new KeyRingError('MASTER_KEY and MASTER_KEY_FILE are both set; use only one');
  }
  if (masterKey !== undefined) return parseFrom(masterKey, 'MASTER_KEY');
  if (masterKeyFile !== undefined) return readKeyFile(masterKeyFile, options.demo);
  if (options.demo) return demoKeyRing(dataDir, options.notify);
  if (options.demoDataDirKey) return demoDataDirKeyRing(dataDir, options.notify);
  throw new MasterKeyMissingError(missingKeyMessage);
}

/**
 * Replaces the key file's ring: written to a new file beside it (mode 0600, the old file's owner)
 * and renamed over it, so a process starting meanwhile reads either the old ring or the new one,
 * never a half-written file; a crash leaves at most a stray `.<name>.<pid>.tmp` beside it.
 */
export function writeKeyFile(file: string, ring: KeyRing): void {
  const old = fs.statSync(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
    // Root rotating a file the service user owns (a container's secret) must leave it readable.
    if (process.getuid?.() === 0 && (old.uid !== 0 || old.gid !== 0)) fs.fchownSync(fd, old.uid, old.gid);
    fs.writeSync(fd, formatKeyRing(ring));
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temporary, file);
  // The rename itself must survive a crash, or the old ring could come back while data is wrapped
  // with the new one.
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
