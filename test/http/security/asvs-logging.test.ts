import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { getPage, signInAs } from '../../helpers/citizen-session.js';
import { persons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * ASVS 4.0.3 V7.1 (log content): an authentication failure and an authorization refusal are both
 * logged (7.1.3), each line with its time and the request id that ties it to the rest of the
 * request (7.1.4), and neither holds the password or the session token (7.1.1, 7.1.2). What every
 * line masks (identity codes, tokens, cookies, content) is test/http/logging.test.ts; the audit
 * trail of accesses is test/service/audit-chain.test.ts.
 */
describe(`ASVS V7.1 log content (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let organisation: ApiOrganisation;

  before(async () => {
    organisation = await h.fixtures.apiOrganisation();
  });

  /** The log lines of one request, parsed, found by the request id of its answer. */
  function linesOf(requestId: string): Array<Record<string, unknown>> {
    return h.log.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.reqId === requestId);
  }

  function assertTimedAndTied(lines: Array<Record<string, unknown>>) {
    assert.ok(lines.length >= 2, 'the request and its outcome are logged');
    for (const line of lines) {
      assert.match(String(line.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  }

  test('ASVS 7.1.1, 7.1.3, 7.1.4: a failed API login is logged with its outcome, time and request id, never the password', async () => {
    const password = 'Vaara-salasana-7-1-3';
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/token',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: organisation.username, password }),
    });
    assert.equal(response.statusCode, 400);
    const requestId = String(
      response.json<{ traceId?: string }>().traceId ?? response.headers['x-request-id'],
    );
    const lines = linesOf(requestId);
    assertTimedAndTied(lines);
    assert.ok(
      lines.some((line) => line.status === 400 && line.reason === 'Authentication failed'),
      JSON.stringify(lines),
    );
    assert.equal(h.log.text.includes(password), false, 'the password reached the log');
  });

  test("ASVS 7.1.2, 7.1.3, 7.1.4: a refused access to another citizen's message is logged with its outcome, never the session token", async () => {
    const kimmo = await h.fixtures.account({ identityCode: persons.kimmo });
    await h.fixtures.account({ identityCode: persons.maija });
    const { messageId } = await h.fixtures.message({ organisation, accountId: kimmo.id });
    const maija = await signInAs(h, persons.maija);
    const response = await getPage(h, maija, `/mailbox/messages/${messageId}`);
    assert.equal(response.statusCode, 404);
    const requestId = String(response.headers['x-request-id']);
    const lines = linesOf(requestId);
    assertTimedAndTied(lines);
    assert.ok(
      lines.some((line) => (line.res as { statusCode?: number } | undefined)?.statusCode === 404),
      JSON.stringify(lines),
    );
    for (const token of Object.values(maija.cookies)) {
      assert.equal(h.log.text.includes(token), false, 'the session token reached the log');
    }
  });
});
