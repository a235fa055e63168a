import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons, staffPersons, type OrganisationFixture } from '../../helpers/fixtures.js';
import { browserRequest } from '../../helpers/oidc-login.js';
import { grantStaff } from '../../helpers/staff-fixtures.js';
import { identifyAsStaff, signInStaff, staffRequest } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * ASVS 4.0.3 V3 (session management) where the citizens' session tests do not already hold it:
 * the randomness of both session tokens, and the staff session's cookie and timeouts. The
 * citizens' cookie, fixation, CSRF, timeouts and logout (3.2.1, 3.3.1, 3.3.2, 3.4.x, 3.5.x) are
 * test/http/web/session-security.test.ts; the staff logout and the two sessions kept apart are
 * test/http/staff/staff-sign-in.test.ts.
 */
const { tiina } = staffPersons;

/** The attributes of the Set-Cookie line that sets `name`, lower-cased, without its value. */
function cookieAttributes(setCookie: unknown, name: string): string[] {
  const lines = Array.isArray(setCookie) ? setCookie.map(String) : [String(setCookie ?? '')];
  const line = lines.find((l) => l.startsWith(`${name}=`));
  assert.ok(line, `no Set-Cookie for ${name}: ${lines.join(' | ')}`);
  return line
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase());
}

describe(`ASVS V3 sessions (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let organisation: OrganisationFixture;

  before(async () => {
    organisation = await h.fixtures.organisation();
    await grantStaff(h, [[tiina, organisation, 'case_worker']]);
    await h.fixtures.account({ identityCode: persons.kimmo });
  });

  test('ASVS 3.2.2: session tokens carry at least 128 random bits and never repeat', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) tokens.push(Object.values((await signInAs(h, persons.kimmo)).cookies)[0]!);
    for (let i = 0; i < 2; i++) tokens.push((await signInStaff(h, tiina)).cookie);
    assert.equal(new Set(tokens).size, tokens.length, 'a token repeated');
    for (const token of tokens) {
      assert.match(token, /^[A-Za-z0-9_-]+$/, 'base64url');
      assert.ok(Buffer.from(token, 'base64url').length >= 16, `${token.length} characters`);
    }
    // Only a hash of the token is stored, so a database reader cannot take over a session.
    const stored = await h.context.database.db.selectFrom('staff_sessions').selectAll().execute();
    const text = JSON.stringify(stored);
    for (const token of tokens) assert.equal(text.includes(token), false, 'a staff token is stored');
  });

  test('ASVS 3.4.2, 3.4.3, 3.4.5: the staff session cookie is HttpOnly, SameSite=Lax and for the whole origin', async () => {
    const { response } = await identifyAsStaff(h, tiina);
    const attributes = cookieAttributes(response.headers['set-cookie'], 'asiointitili_staff');
    assert.ok(attributes.includes('httponly'), attributes.join('; '));
    assert.ok(attributes.includes('samesite=lax'), attributes.join('; '));
    assert.ok(attributes.includes('path=/'), attributes.join('; '));
    assert.equal(
      attributes.some((a) => a.startsWith('domain=')),
      false,
      'a Domain attribute shares it with subdomains',
    );
  });

  test('ASVS 3.3.2: a staff session ends after 30 idle minutes, and 12 hours after sign-in however active', async () => {
    h.setNow('2025-03-11T06:00:00.000Z');
    const idle = await signInStaff(h, tiina);
    h.setNow('2025-03-11T06:29:00.000Z');
    assert.equal((await staffRequest(h, idle, 'GET', '/virkailija')).statusCode, 200);
    h.setNow('2025-03-11T07:00:00.000Z');
    const expired = await staffRequest(h, idle, 'GET', '/virkailija');
    assert.equal(expired.statusCode, 303);
    assert.match(expired.location ?? '', /^\/virkailija\/kirjaudu/);

    h.setNow('2025-03-12T06:00:00.000Z');
    const busy = await signInStaff(h, tiina);
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      h.setNow(new Date(Date.parse('2025-03-12T06:00:00.000Z') + minutes * 60_000));
      assert.equal((await staffRequest(h, busy, 'GET', '/virkailija')).statusCode, 200, `${minutes} min`);
    }
    h.setNow('2025-03-12T18:00:00.000Z');
    const ended = await staffRequest(h, busy, 'GET', '/virkailija');
    assert.equal(ended.statusCode, 303);
    assert.match(ended.location ?? '', /^\/virkailija\/kirjaudu/);
  });
});

describe('ASVS V3 staff session cookie over https', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({
      now: '2025-03-10T08:00:00.000Z',
      env: { PUBLIC_URL: 'https://asiointitili.example', TRUSTED_PROXIES: '127.0.0.1' },
    });
    const organisation = await h.fixtures.organisation();
    await grantStaff(h, [[tiina, organisation, 'case_worker']]);
  });
  after(() => h.close());

  test('ASVS 3.4.1, 3.4.4: over https the staff cookies are Secure with the __Host- prefix', async () => {
    const { response, jar } = await identifyAsStaff(h, tiina);
    const attributes = cookieAttributes(response.headers['set-cookie'], '__Host-asiointitili_staff');
    assert.ok(attributes.includes('secure'), attributes.join('; '));
    assert.ok(attributes.includes('path=/'), attributes.join('; '));
    // The cookie works: the next page is the signed-in start page.
    const start = await browserRequest(h, jar, 'GET', '/virkailija');
    assert.equal(start.statusCode, 200);
  });
});
