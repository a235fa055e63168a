import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import { after, before, describe, test } from 'node:test';
import { ValidationError } from '../../src/errors.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

describe('one error handler for API and web', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({
      extraApiRoutes: (app) => {
        const open = { config: { apiPublic: true } };
        app.get('/v2/test-crash', open, async () => {
          throw new Error('secret internal detail at /srv/db.ts:42');
        });
        app.post(
          '/v2/test-validate',
          {
            ...open,
            schema: {
              body: Type.Object({
                electronic: Type.Object({ title: Type.String({ maxLength: 5 }) }),
              }),
            },
          },
          async () => ({ ok: true }),
        );
        app.get('/v2/test-domain', open, async () => {
          throw new ValidationError('recipient.id', 'not a valid personal identity code or business ID');
        });
      },
      extraRoutes: (app) => {
        app.get('/test-crash', async () => {
          throw new Error('secret internal detail at /srv/db.ts:42');
        });
      },
    });
  });
  after(() => h.close());

  test('API 404 is JSON with a reason', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/json/);
    assert.equal(typeof response.json().reason, 'string');
  });

  test('API 5xx hides the internal message and stack', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v2/test-crash' });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), { reason: 'Internal server error' });
    assert.ok(!response.body.includes('secret'));
    assert.ok(h.log.text.includes('secret internal detail'), 'the detail goes to the log instead');
  });

  test('API schema validation names the field in the contract shape', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v2/test-validate',
      payload: { electronic: { title: 'far too long' } },
    });
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.match(body.reason, /^electronic\.title: /);
    assert.equal(body.validationErrors[0].error, body.reason);
  });

  test('API missing field is named', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v2/test-validate',
      payload: { electronic: {} },
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().reason, 'electronic.title: is required');
  });

  test('domain validation errors name the field', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v2/test-domain' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().reason, /^recipient\.id: /);
  });

  test('web 404 is an HTML page in the chosen language', async () => {
    for (const [lang, text] of [
      ['fi', 'Sivua ei löytynyt.'],
      ['sv', 'Sidan hittades inte.'],
      ['en', 'The page was not found.'],
    ] as const) {
      const response = await h.app.inject({ method: 'GET', url: '/no-such-page', cookies: { lang } });
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers['content-type']), /text\/html/);
      assert.ok(response.body.includes(text), `${lang} error text`);
      assert.ok(response.body.includes(`lang="${lang}"`));
    }
  });

  test('web 5xx shows a friendly page without internals', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/test-crash',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(response.statusCode, 500);
    assert.ok(response.body.includes('Something went wrong'));
    assert.ok(!response.body.includes('secret'));
    assert.ok(!response.body.includes('db.ts'));
  });
});
