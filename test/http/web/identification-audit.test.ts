import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { loginCookieName, sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { identificationActions } from '../../../src/modules/identity/index.js';
import {
  browserRequest,
  cancelAtTestIdp,
  CookieJar,
  identifyUntilCallback,
  loginThroughTestIdp,
  openMethodPage,
} from '../../helpers/oidc-login.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

const kimmo = '270570-901K';
const maija = '010180-9026';

describe(`identification and logout are audited (${testDialect})`, () => {
  let h: TestHarness;
  let kimmoAccount: number;

  before(async () => {
    h = await createHarness();
    kimmoAccount = (await h.fixtures.account({ identityCode: kimmo })).id;
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.context.database.db.deleteFrom('audit_events').execute();
  });

  async function auditRows() {
    return h.context.database.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  }

  /** Neither the code nor its parts (birth date, individual number) appear in any column. */
  function assertNoIdentityCode(rows: unknown[], code: string) {
    const text = JSON.stringify(rows);
    assert.ok(!text.includes(code), 'no identity code in the audit trail');
    assert.ok(!text.includes(code.slice(0, 6)), 'no birth date part either');
  }

  test('a sign-in records the account, the method and the session, never the identity code', async () => {
    const { landing } = await loginThroughTestIdp(h, kimmo, { method: 'bank-nordea' });
    assert.equal(landing, '/mailbox/inbox');
    const rows = await auditRows();
    assert.equal(rows.length, 1);
    const row = rows[0]!;
    assert.equal(row.action, identificationActions.succeeded);
    assert.equal(row.actor_type, 'citizen');
    assert.equal(row.actor_id, String(kimmoAccount));
    assert.equal(row.subject_type, 'session');
    assert.match(row.subject_id ?? '', /^[0-9a-f]{64}$/, 'the hash of the session id');
    const session = await h.context.database.db
      .selectFrom('web_sessions')
      .select('id_hash')
      .where('id_hash', '=', row.subject_id!)
      .executeTakeFirst();
    assert.ok(session, 'the audited session is the one created');
    assert.ok(row.request_id, 'the request is named');
    const details = JSON.parse(row.details ?? '{}') as { method?: string };
    assert.ok(details.method, 'how the person identified');
    assertNoIdentityCode(rows, kimmo);
  });

  test('a person without an account is audited without an actor id', async () => {
    await loginThroughTestIdp(h, maija, { method: 'mobile' });
    const rows = await auditRows();
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor_id]),
      [[identificationActions.succeeded, null]],
    );
    assertNoIdentityCode(rows, maija);
  });

  test('logout is audited against the same session; the session row is gone', async () => {
    const { jar } = await loginThroughTestIdp(h, kimmo);
    const page = await browserRequest(h, jar, 'GET', '/mailbox/inbox');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(csrf);
    const logout = await browserRequest(h, jar, 'POST', '/logout', { _csrf: csrf });
    assert.equal(logout.statusCode, 303);
    const rows = await auditRows();
    const signIn = rows.find((r) => r.action === identificationActions.succeeded)!;
    const loggedOut = rows.filter((r) => r.action === identificationActions.loggedOut);
    assert.equal(loggedOut.length, 1);
    assert.equal(loggedOut[0]!.actor_id, String(kimmoAccount));
    assert.equal(loggedOut[0]!.subject_id, signIn.subject_id);
    const left = await h.context.database.db
      .selectFrom('web_sessions')
      .select('id_hash')
      .where('id_hash', '=', signIn.subject_id!)
      .execute();
    assert.equal(left.length, 0);
    assertNoIdentityCode(rows, kimmo);
  });

  test('a cancelled and a rejected identification are audited as failed; a stray callback is not', async () => {
    const { jar, url } = await openMethodPage(h);
    await cancelAtTestIdp(h, jar, url);

    // The provider's code is redeemed once: a replay with a copy of the login cookie is rejected.
    const { jar: first, callback } = await identifyUntilCallback(h, maija);
    const copied = first.get(loginCookieName(h.context))!;
    assert.equal((await browserRequest(h, first, 'GET', callback)).statusCode, 303);
    const withCopy = new CookieJar();
    withCopy.set(loginCookieName(h.context), copied);
    assert.equal((await browserRequest(h, withCopy, 'GET', callback)).statusCode, 400);
    assert.equal(withCopy.get(sessionCookieName(h.context)), undefined);

    // Without a pending login nothing was attempted: logged only.
    assert.equal((await browserRequest(h, new CookieJar(), 'GET', callback)).statusCode, 400);

    const rows = await auditRows();
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor_id, JSON.parse(r.details ?? '{}').reason ?? null]),
      [
        [identificationActions.failed, null, 'cancelled'],
        [identificationActions.succeeded, null, null],
        [identificationActions.failed, null, 'rejected'],
      ],
    );
    assertNoIdentityCode(rows, maija);
  });
});
