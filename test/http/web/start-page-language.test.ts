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

  // [name, Accept-Language, the lang cookie, the address, the page language]
  const cases: Array<[string, string | undefined, string | undefined, string, string]> = [
    ['nothing known: Finnish', undefined, undefined, '/', 'fi'],
    ['a language the service lacks: Finnish', 'de-DE,de', undefined, '/', 'fi'],
    ['the browser asks for Swedish', 'sv-FI,sv;q=0.9', undefined, '/', 'sv'],
    ['the browser prefers English over Finnish', 'en-GB,fi;q=0.5', undefined, '/', 'en'],
    ['a choice saved in this browser beats the browser', 'en', 'lang=sv', '/', 'sv'],
    ['signed in: the account’s saved language beats the browser', 'sv', '', '/', 'en'],
    ['signed in: a choice made in this browser beats the account’s language', 'sv', 'lang=fi', '/', 'fi'],
    ['signed in: ?lang= beats everything', 'en', 'lang=fi', '/?lang=sv', 'sv'],
  ];
  for (const [name, acceptLanguage, langCookie, url, expected] of cases) {
    test(name, async () => {
      const signedIn = name.startsWith('signed in');
      const cookie = [langCookie, signedIn ? sessionCookie : ''].filter(Boolean).join('; ');
      const sent = {
        ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
        ...(cookie ? { cookie } : {}),
      };
      assert.equal(await langOf(sent, url), expected);
    });
  }
});
