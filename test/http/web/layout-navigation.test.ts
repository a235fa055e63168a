import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signInAs } from '../../helpers/citizen-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';

describe('signed-in navigation', () => {
  const h = useSuiteHarness();

  test('a person without an account sees no mailbox links, only who is signed in and logout', async () => {
    const session = await signInAs(h, '010180-9026');
    const page = await h.app.inject({ method: 'GET', url: '/terms', cookies: session.cookies });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Maija/);
    assert.ok(!page.body.includes('href="/mailbox/inbox"'));
    assert.match(page.body, /action="\/logout"/);
  });

  test('an account holder sees the mailbox links', async () => {
    await h.fixtures.account({ identityCode: '270570-901K' });
    const session = await signInAs(h, '270570-901K');
    const page = await h.app.inject({ method: 'GET', url: '/terms', cookies: session.cookies });
    assert.ok(page.body.includes('href="/mailbox/inbox"'));
  });
});
