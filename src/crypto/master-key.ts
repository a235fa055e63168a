import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { KeyRingError, generateKeyRingText, parseKeyRing, type KeyRing } from './key-ring.js';

/** No master key is configured outside demo mode; the service must not start without one. */
export class MasterKeyMissingError extends Error {
  override name = 'MasterKeyMissingError';
}

const DEMO_KEY_FILE = 'master.key';

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
    fs.writeFileSync(file, generateKeyRingText() + '\n', { flag: 'wx', mode: 0o600 });
    // The umask can only remove bits, but make the mode exact so the file stays readable by us.
    fs.chmodSync(file, 0o600);
    created = true;
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

/**
 * MASTER_KEY (text) or MASTER_KEY_FILE (file holding the text). When neither is set: in demo mode
 * create `<dataDir>/master.key` (mode 0600, directory created) if absent, reuse it if present, and
 * call notify(message) once saying where it was created; outside demo throw MasterKeyMissingError.
 * A key file readable by group/others (mode & 0o077) outside demo is an error naming the file.
 */
export function loadKeyRing(
  config: Pick<Config, 'masterKey' | 'masterKeyFile' | 'dataDir'>,
  options: { demo: boolean; notify?: (message: string) => void },
): KeyRing {
  const { masterKey, masterKeyFile, dataDir } = config;
  // loadConfig already rejects this, but a hand-built config must not silently pick one.
  if (masterKey !== undefined && masterKeyFile !== undefined) {
    throw new KeyRingError('MASTER_KEY and MASTER_KEY_FILE are both set; use only one');
  }
  if (masterKey !== undefined) return parseFrom(masterKey, 'MASTER_KEY');
  if (masterKeyFile !== undefined) return readKeyFile(masterKeyFile, options.demo);
  if (options.demo) return demoKeyRing(dataDir, options.notify);
  throw new MasterKeyMissingError(
    'MASTER_KEY or MASTER_KEY_FILE must be set (a base64 32-byte key, e.g. from `openssl rand -base64 32`, ' +
      'or a comma separated list of id:base64 keys, the first one active)',
  );
}
