import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

const kimmo = '270570-901K';

describe('the start page language: choice on this browser, the saved account language, the browser, Finnish', () => {
  let h: TestHarness;
  let sessionCookie: string;

  before(async () => {
    h = await createHarness();
    await h.fixtures.account({ identityCode: kimmo, language: 'en' });
    const session = await signInAs(h, kimmo);
    sessionCookie = `${sessionCookieName(h.context)}=${session.cookies[sessionCookieName(h.context)]}`;
  });
  after(() => h.close());

  async function langOf(headers: Record<string, string>, url = '/'): Promise<string | undefined> {
    const response = await h.app.inject({ method: 'GET', url, headers });
    assert.equal(response.statusCode, 200);
    return /<html lang="([a-z]+)"/.exec(response.body)?.[1];
  }

  const cases: Array<{ name: string; headers: Record<string, string>; url?: string; expected: string }> = [
    { name: 'nothing known: Finnish', headers: {}, expected: 'fi' },
    {
      name: 'a language the service lacks: Finnish',
      headers: { 'accept-language': 'de-DE,de' },
      expected: 'fi',
    },
    {
      name: 'the browser asks for Swedish',
      headers: { 'accept-language': 'sv-FI,sv;q=0.9' },
      expected: 'sv',
    },
    {
      name: 'the browser prefers English over Finnish',
      headers: { 'accept-language': 'en-GB,fi;q=0.5' },
      expected: 'en',
    },
    {
      name: 'a choice saved in this browser beats the browser',
      headers: { 'accept-language': 'en', cookie: 'lang=sv' },
      expected: 'sv',
    },
    {
      name: 'signed in: the account’s saved language beats the browser',
      headers: { 'accept-language': 'sv', cookie: '' },
      expected: 'en',
    },
    {
      name: 'signed in: a choice made in this browser beats the account’s language',
      headers: { 'accept-language': 'sv', cookie: 'lang=fi' },
      expected: 'fi',
    },
    {
      name: 'signed in: ?lang= beats everything',
      headers: { 'accept-language': 'en', cookie: 'lang=fi' },
      url: '/?lang=sv',
      expected: 'sv',
    },
  ];
  for (const { name, headers, url, expected } of cases) {
    test(name, async () => {
      const signedIn = name.startsWith('signed in');
      const cookie = [headers.cookie, signedIn ? sessionCookie : ''].filter(Boolean).join('; ');
      const sent = { ...headers, ...(cookie ? { cookie } : {}) };
      if (!cookie) delete sent.cookie;
      assert.equal(await langOf(sent, url), expected);
    });
  }
});
