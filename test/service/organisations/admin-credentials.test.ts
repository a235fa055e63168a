import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdminInputError } from '../../../src/modules/organisations/index.js';
import { ApiClient } from '../../helpers/api-client.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

const actor = { staffMemberId: 7, requestId: 'req-1' };

describe(`organisation admin: API credentials (${testDialect})`, () => {
  const h = useSuiteHarness();
  const db = () => h.context.database.db;
  const audits = (action: string) =>
    db().selectFrom('audit_events').selectAll().where('action', '=', action).execute();
  // Past the login backoff that an untrusted attempt right after another one is subject to.
  const afterBackoff = () => h.setNow(new Date(h.context.clock().getTime() + 15 * 60_000));
  const token = (username: string, password: string) =>
    new ApiClient(h).post('/v1/token', { username, password });
  /** A new organisation and API credentials its admin created for it, without an allowlist. */
  const organisationWithCredential = async () => {
    const organisation = await h.fixtures.organisation();
    const created = await h.services.organisationAdmin.createCredential(
      organisation.id,
      { allowIps: [] },
      actor,
    );
    return { organisation, created };
  };

  test('created credentials: the password shown once gets a token, and is stored and logged nowhere', async () => {
    const organisation = await h.fixtures.organisation();
    const created = await h.services.organisationAdmin.createCredential(
      organisation.id,
      { allowIps: [' 127.0.0.1 ', ''] },
      actor,
    );
    assert.match(created.username, new RegExp(`^api-${organisation.businessId}-`));
    assert.ok(created.password.length >= 32, 'a long generated password');
    assert.deepEqual(created.allowedIps, ['127.0.0.1/32']);

    const issued = await token(created.username, created.password);
    assert.equal(issued.statusCode, 200, issued.body);
    assert.ok(issued.json<{ access_token: string }>().access_token);

    const stored = await db()
      .selectFrom('api_credentials')
      .selectAll()
      .where('username', '=', created.username)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes(created.password), 'only a hash is stored');
    assert.ok(!h.log.text.includes(created.password), 'not in the log');
    const [audit] = await audits('admin.credential_created');
    assert.ok(audit);
    assert.ok(!JSON.stringify(audit).includes(created.password), 'not in the audit');
    assert.equal(audit.actor_type, 'staff');
    assert.equal(audit.actor_id, '7');
    assert.equal(audit.subject_id, created.username);
    assert.equal(audit.request_id, 'req-1');
    assert.deepEqual(JSON.parse(audit.details!), {
      organisationId: organisation.id,
      allowedIps: ['127.0.0.1/32'],
    });

    const listed = await h.services.organisationAdmin.listCredentials(organisation.id);
    assert.deepEqual(
      listed.map((c) => [c.username, c.allowedIps, c.revokedAt]),
      [[created.username, ['127.0.0.1/32'], null]],
    );
    assert.ok(!JSON.stringify(listed).includes(created.password));
  });

  test('revoked credentials get no token and their tokens stop working', async () => {
    const { organisation, created } = await organisationWithCredential();
    const api = new ApiClient(h);
    const accessToken = await api.login(created);

    const revoked = await h.services.organisationAdmin.revokeCredential(
      organisation.id,
      created.username,
      actor,
    );
    assert.ok(revoked.revokedAt);
    afterBackoff();
    const refused = await token(created.username, created.password);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Authentication failed/);
    assert.equal((await api.get('/v2/events', { token: accessToken })).statusCode, 401);
    const [audit] = await audits('admin.credential_revoked');
    assert.equal(audit?.subject_id, created.username);
  });

  test('an allowlist: invalid entries are named and nothing is stored; a valid one is enforced at once', async () => {
    const { organisation, created } = await organisationWithCredential();

    const refused = await h.services.organisationAdmin
      .setAllowlist(organisation.id, created.username, ['10.0.0.0/8', '10.0.0.0/33', 'palvelin'], actor)
      .catch((error: unknown) => error);
    assert.ok(refused instanceof AdminInputError);
    assert.equal(refused.field, 'allowedIps');
    assert.deepEqual(refused.problems, [
      { field: 'allowedIps', code: 'invalidCidr', value: '10.0.0.0/33' },
      { field: 'allowedIps', code: 'invalidCidr', value: 'palvelin' },
    ]);
    assert.deepEqual(
      (await h.services.organisationAdmin.getCredential(organisation.id, created.username)).allowedIps,
      [],
    );
    assert.equal((await audits('admin.credential_allowlist_changed')).length, 0);

    const creating = await h.services.organisationAdmin
      .createCredential(organisation.id, { allowIps: ['300.1.1.1'] }, actor)
      .catch((error: unknown) => error);
    assert.ok(creating instanceof AdminInputError);
    assert.equal(creating.field, 'allowedIps');
    assert.equal((await h.services.organisationAdmin.listCredentials(organisation.id)).length, 1);

    await h.services.organisationAdmin.setAllowlist(organisation.id, created.username, ['10.0.0.0/8'], actor);
    // The harness's requests come from 127.0.0.1.
    assert.equal((await token(created.username, created.password)).statusCode, 403);
    const open = await h.services.organisationAdmin.setAllowlist(
      organisation.id,
      created.username,
      [],
      actor,
    );
    assert.deepEqual(open.allowedIps, []);
    afterBackoff();
    assert.equal((await token(created.username, created.password)).statusCode, 200);
    const changes = await audits('admin.credential_allowlist_changed');
    assert.deepEqual(
      changes.map((row) => JSON.parse(row.details!)),
      [
        { organisationId: organisation.id, before: [], after: ['10.0.0.0/8'] },
        { organisationId: organisation.id, before: ['10.0.0.0/8'], after: [] },
      ],
    );
  });
});
