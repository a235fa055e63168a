// The leak scan of a test run (issue 14 §4): scripts/run-tests.mjs points LEAK_SCAN_DIR at a fresh
// directory for the database and browser phases, the test helpers write every log line and every
// secret they send or receive there (test/helpers/leak-record.ts), and this scans the lines for the
// secrets and for identity codes, bearer tokens, JWTs and passwords (test/helpers/leak-scanner.ts).
// Exits 1 naming each finding by file, line, kind and a redacted excerpt; never prints a secret.
import path from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { scanDirectory, sourceVocabulary } from '../test/helpers/leak-scanner.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node --import tsx scripts/leak-scan.ts <directory>');
  process.exit(2);
}
const { leaks, files, lines, secrets } = scanDirectory(dir, sourceVocabulary(path.join(projectRoot, 'src')));
console.log(`leak scan: ${lines} log lines in ${files} files, ${secrets} recorded secrets`);
const shown = leaks.slice(0, 200);
for (const leak of shown) {
  console.log(`LEAK ${leak.file}:${leak.line} [${leak.source}] ${leak.kind}: ${leak.excerpt}`);
}
if (leaks.length > shown.length) console.log(`… and ${leaks.length - shown.length} more`);
if (files === 0) {
  // A run that recorded nothing proves nothing: the helpers or the variable are broken.
  console.log('leak scan: no log files were written; is LEAK_SCAN_DIR reaching the tests?');
  process.exit(1);
}
process.exit(leaks.length ? 1 : 0);
