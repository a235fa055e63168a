import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { makeIdentityCode } from '../../../src/domain/identity-code.js';
import { createLogger } from '../../../src/logging/logger.js';
import { projectRoot } from '../../../src/project-root.js';
import { scanDirectory, type RecordedSecret } from '../../helpers/leak-scanner.js';

// The leak scan must be able to fail: each kind of leak planted in a log file is found and named,
// without the finding printing the secret, and a file of ordinary, properly redacted lines passes.

const dirs: string[] = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function scanDir(logLines: string[], secrets: RecordedSecret[], source = 'app'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-scan-test-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'logs-1.log'), logLines.map((line) => `${source}\t${line}\n`).join(''));
  fs.writeFileSync(path.join(dir, 'secrets-1.jsonl'), secrets.map((s) => JSON.stringify(s) + '\n').join(''));
  return dir;
}

const identityCode = makeIdentityCode({ year: 1985, month: 3, day: 12 }, 923);
const title = 'Päätös asumistuesta 2025';
const body = 'Hyvä vastaanottaja,\nohessa päätöksenne.';
const attachmentName = 'paatos-asumistuki.pdf';
const apiToken = 'q3M7xPz0vKc9LrT2wYh5NbJ8eFa1GdU4sVo6iXk-QmE';
const password = 'Sala1nen-Tunnus!';
const jwt =
  'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0ZXN0IiwiaWF0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';

const recorded: RecordedSecret[] = [
  { kind: 'identity code', value: identityCode },
  { kind: 'message text', value: title },
  { kind: 'message text', value: body },
  { kind: 'attachment name', value: attachmentName },
  { kind: 'token', value: apiToken },
  { kind: 'password', value: password },
  // Too short or too monotonous to look for: they would match ordinary lines.
  { kind: 'message text', value: 'Test' },
  { kind: 'message text', value: 'xxxxxxxxxxxx' },
];

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time: '2025-03-10T08:00:00.000Z', service: 'asiointitili', ...fields });

const cleanLines = [
  line({ msg: 'request completed', req: { method: 'GET', url: '/viestit/12', id: crypto.randomUUID() } }),
  line({ msg: 'login', identityCode: '[redacted]', detail: 'for [hetu]' }),
  line({ msg: 'token issued', headers: { authorization: 'Bearer [redacted]' }, password: '[redacted]' }),
  line({ msg: 'Test' }),
  line({ msg: 'sent', title: '[redacted]', external: 'ext-1234-5', count: 120385 }),
  // Shaped like an identity code, but its check character is wrong: not a person's code.
  line({ msg: 'lookup of 120385-923X refused' }),
  line({ msg: 'www-authenticate: Bearer realm="api", error="invalid_token"' }),
  line({ msg: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }),
];

const plantedLeaks: Array<{ kind: string; secret: string; line: string }> = [
  { kind: 'identity code', secret: identityCode, line: `Error: no person ${identityCode} in the register` },
  {
    kind: 'identity code',
    secret: makeIdentityCode({ year: 2001, month: 7, day: 4 }, 302),
    line: line({ msg: `lookup ${makeIdentityCode({ year: 2001, month: 7, day: 4 }, 302)}` }),
  },
  { kind: 'message text', secret: title, line: line({ msg: `sending "${title}" failed` }) },
  // A multi-line body, as it reads escaped inside a JSON log line.
  { kind: 'message text', secret: body, line: line({ err: { message: `bad body ${body}` } }) },
  { kind: 'attachment name', secret: attachmentName, line: line({ msg: `upload ${attachmentName}` }) },
  { kind: 'token', secret: apiToken, line: line({ req: { url: `/v2/messages?t=${apiToken}` } }) },
  { kind: 'password', secret: password, line: `login failed for api-user with ${password}` },
  {
    kind: 'bearer token',
    secret: 'aW5zdGVhZC1vZi1hLXJlYWwtdG9rZW4',
    line: line({ headers: { authorization: 'Bearer aW5zdGVhZC1vZi1hLXJlYWwtdG9rZW4' } }),
  },
  { kind: 'jwt', secret: jwt, line: line({ msg: `id token ${jwt}` }) },
  { kind: 'password', secret: 'hunter22', line: line({ posti: { password: 'hunter22' } }) },
  { kind: 'password', secret: 'opensesame9', line: 'GET /callback?user=a&password=opensesame9' },
];

describe('leak scan', () => {
  test('a clean file of redacted lines passes', () => {
    const result = scanDirectory(scanDir(cleanLines, recorded));
    assert.deepEqual(result.leaks, []);
    assert.equal(result.lines, cleanLines.length);
    assert.equal(result.secrets, 6, 'the short and monotonous values are not looked for');
  });

  for (const planted of plantedLeaks) {
    test(`a planted ${planted.kind} is found and named, its value not printed (${planted.line.slice(0, 40)}…)`, () => {
      const dir = scanDir([...cleanLines, planted.line], recorded);
      const { leaks } = scanDirectory(dir);
      assert.ok(leaks.length > 0, 'the leak is found');
      assert.ok(
        leaks.some((leak) => leak.kind === planted.kind),
        `found as ${planted.kind}: ${leaks.map((l) => l.kind).join(', ')}`,
      );
      for (const leak of leaks) {
        assert.equal(leak.line, cleanLines.length + 1);
        assert.equal(leak.file, path.join(dir, 'logs-1.log'));
        assert.equal(leak.source, 'app');
        assert.ok(!leak.excerpt.includes(planted.secret), `the excerpt hides the secret: ${leak.excerpt}`);
        assert.match(leak.excerpt, /\[[a-z ]+: .{1,2}…, \d+ chars\]/);
      }
    });
  }

  test('the demo banner of serve --demo may name its fictitious persons; nothing else may', () => {
    const banner = `asiointitili:   ${identityCode}  Maija Meikäläinen – no account yet: open one`;
    assert.deepEqual(scanDirectory(scanDir([banner], recorded, 'cli serve --demo')).leaks, []);
    assert.equal(
      scanDirectory(scanDir([banner], recorded, 'app')).leaks.length,
      2,
      'by pattern and as recorded',
    );
    const logLine = line({ msg: `lookup ${identityCode}` });
    assert.equal(scanDirectory(scanDir([logLine], recorded, 'cli serve --demo')).leaks.length, 2);
  });

  test('what the real logger writes passes: its redaction and masking are what the scan relies on', () => {
    const lines: string[] = [];
    const logger = createLogger('info', {
      write: (text: string) => lines.push(...text.split('\n').filter(Boolean)),
    });
    logger.info({ password, token: apiToken, title, body, identityCode }, `lookup of ${identityCode}`);
    logger.info(
      {
        req: {
          method: 'GET',
          url: `/v2/messages?t=${apiToken}`,
          id: '1',
          headers: { authorization: `Bearer ${apiToken}` },
        },
      },
      'request',
    );
    assert.deepEqual(scanDirectory(scanDir(lines, recorded)).leaks, []);
  });

  test('the scan script exits 1 naming the finding without the secret, and 0 on a clean directory', () => {
    const script = path.join(projectRoot, 'scripts/leak-scan.ts');
    const run = (dir: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, dir], { cwd: projectRoot, encoding: 'utf8' });
    const leaky = run(scanDir([...cleanLines, line({ msg: `sent ${title}` })], recorded));
    assert.equal(leaky.status, 1, leaky.stderr);
    assert.match(
      leaky.stdout,
      /LEAK .*logs-1\.log:9 \[app\] message text: .*\[message text: Pä…, 24 chars\]/,
    );
    assert.ok(!leaky.stdout.includes(title));
    const clean = run(scanDir(cleanLines, recorded));
    assert.equal(clean.status, 0, clean.stdout);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-scan-test-'));
    dirs.push(empty);
    assert.equal(run(empty).status, 1, 'a run that recorded no log lines proves nothing');
  });

  test('the recording helpers write what the scan reads (LEAK_SCAN_DIR set for this process)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-scan-test-'));
    dirs.push(dir);
    process.env.LEAK_SCAN_DIR = dir;
    const record = await import('../../helpers/leak-record.js');
    record.recordSecretsInBody(
      JSON.stringify({ electronic: { title, body }, recipient: { id: identityCode } }),
      'application/json',
    );
    record.recordSecretsInHeaders({
      authorization: `Bearer ${apiToken}`,
      cookie: `asiointitili_session=${password}; lang=fi; _interaction=${jwt}`,
    });
    record.recordLogLines('app', `${line({ msg: 'ok' })}\n${line({ msg: `oops ${apiToken}` })}\n`);
    const { leaks, secrets } = scanDirectory(dir);
    assert.equal(
      secrets,
      5,
      'title, body, identity code, token and the service’s own cookie recorded (not the IdP’s)',
    );
    assert.deepEqual(
      leaks.map((leak) => [leak.line, leak.kind]),
      [[2, 'token']],
    );
  });
});
