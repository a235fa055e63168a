import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { signInAs } from '../../helpers/citizen-session.js';
import {
  allRowCounts,
  fuzzRuns,
  fuzzSeed,
  hostileValue,
  multipartMutation,
  mutateMultipart,
  type MultipartMutation,
  type MultipartPart,
} from '../../helpers/fuzz.js';
import { persons } from '../../helpers/fixtures.js';
import { sampleFiles } from '../../helpers/sample-files.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import type { InjectOptions } from 'fastify';

/**
 * Every citizen form and query-driven page, fed valid submissions mutated one thing at a time, by
 * a signed-in person with a valid CSRF token (most cases) or without one. Whatever arrives: never a
 * 5xx, and a refused submission stores nothing.
 */

type Form =
  | { kind: 'urlencoded'; url: string; fields: Array<[string, string]>; who: 'maija' | 'kimmo' }
  | { kind: 'multipart'; url: string; parts: MultipartPart[]; who: 'kimmo' }
  | { kind: 'get'; url: string; who: 'maija' | 'kimmo' | 'nobody' };

type FieldMutation =
  | { kind: 'set'; pick: number; value: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'extra'; key: string; value: string }
  | { kind: 'repeat'; pick: number }
  | { kind: 'raw'; body: string }
  | { kind: 'content-type'; value: string }
  | { kind: 'csrf'; value: 'missing' | 'wrong' };

const text = hostileValue.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));

const fieldMutation: fc.Arbitrary<FieldMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor[prototype]')),
      value: text,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      body: fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('%zz=%', '=&=&&', 'a=%ff%fe', 'email=' + 'x'.repeat(300_000), '__proto__[x]=1'),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('content-type' as const),
      value: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', 'application/xml', ''),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('csrf' as const),
      value: fc.constantFrom('missing' as const, 'wrong' as const),
    }),
  },
);

const queryValue = fc.oneof(
  text,
  fc.constantFrom('0', '-1', '99999999999999999999', '%zz', '%00', '1e3', 'x'.repeat(3000), '//evil.example'),
);

interface FuzzCase {
  form: number;
  field: FieldMutation;
  multipart: MultipartMutation;
  query: { key: string; value: string };
  address: number;
}

describe('citizen forms and pages under fuzzed input', () => {
  let h: TestHarness;
  let forms: Form[];
  before(async () => {
    h = await createHarness({ now: '2026-05-04T09:00:00Z' });
    const kallio = await h.fixtures.organisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    const { id: kimmo } = await h.fixtures.account({ identityCode: persons.kimmo });
    const verifiable = await h.fixtures.message({
      organisation: kallio,
      accountId: kimmo,
      serviceType: 'Verifiable',
    });
    const replyable = await h.fixtures.message({
      organisation: kallio,
      accountId: kimmo,
      replyAllowed: true,
    });
    const composeParts = (): MultipartPart[] => [
      { name: 'service', content: Buffer.from(String(kallio.servicePk)) },
      { name: 'citizenType', content: Buffer.from('Hakemus') },
      { name: 'title', content: Buffer.from('Hakemus') },
      { name: 'body', content: Buffer.from('Haen tukea.') },
      {
        name: 'attachments',
        fileName: 'liite.pdf',
        contentType: 'application/pdf',
        content: sampleFiles.pdf,
      },
    ];
    forms = [
      {
        kind: 'urlencoded',
        url: '/account/open',
        who: 'maija',
        fields: [
          ['email', 'maija@example.fi'],
          ['emailNotifications', 'on'],
          ['mobile', '050 123 4567'],
          ['smsNotifications', 'on'],
          ['acceptTerms', 'on'],
        ],
      },
      {
        kind: 'urlencoded',
        url: '/settings',
        who: 'kimmo',
        fields: [
          ['email', 'kimmo@example.fi'],
          ['emailNotifications', 'on'],
          ['mobile', ''],
          ['language', 'sv'],
        ],
      },
      { kind: 'urlencoded', url: '/settings/close', who: 'kimmo', fields: [] },
      {
        kind: 'urlencoded',
        url: `/mailbox/messages/${verifiable.messageId}/acknowledge`,
        who: 'kimmo',
        fields: [],
      },
      {
        kind: 'urlencoded',
        url: `/mailbox/messages/${replyable.messageId}/delete`,
        who: 'kimmo',
        fields: [],
      },
      {
        kind: 'urlencoded',
        url: `/mailbox/messages/${replyable.messageId}/restore`,
        who: 'kimmo',
        fields: [],
      },
      { kind: 'urlencoded', url: '/logout', who: 'kimmo', fields: [] },
      { kind: 'multipart', url: '/mailbox/new', who: 'kimmo', parts: composeParts() },
      {
        kind: 'multipart',
        url: `/mailbox/messages/${replyable.messageId}/reply`,
        who: 'kimmo',
        parts: composeParts().filter((part) => part.name !== 'service' && part.name !== 'citizenType'),
      },
      { kind: 'get', url: '/mailbox/inbox', who: 'kimmo' },
      { kind: 'get', url: `/mailbox/messages/${replyable.messageId}`, who: 'kimmo' },
      { kind: 'get', url: '/mailbox/new', who: 'kimmo' },
      { kind: 'get', url: '/language/sv', who: 'nobody' },
      { kind: 'get', url: '/text-size/2', who: 'nobody' },
      { kind: 'get', url: '/login', who: 'nobody' },
      { kind: 'get', url: '/auth/callback', who: 'nobody' },
      { kind: 'get', url: '/account/open', who: 'maija' },
      { kind: 'get', url: '/', who: 'nobody' },
    ];
  });
  after(() => h.close());

  /** Puts both people back as the forms expect them: Maija without an account, Kimmo with one. */
  async function resetPeople(): Promise<void> {
    const maija = await h.services.accounts.accounts.accountOf(persons.maija);
    if (maija?.status === 'active') await h.services.accounts.accounts.close(maija.id);
    const kimmo = await h.services.accounts.accounts.accountOf(persons.kimmo);
    if (kimmo?.status !== 'active') {
      await h.services.accounts.accounts.open(persons.kimmo, {
        language: 'fi',
        acceptTerms: true,
        email: '',
        emailNotifications: false,
        mobile: '',
        smsNotifications: false,
      });
    }
  }

  function urlencode(fields: Array<[string, string]>): string {
    return new URLSearchParams(fields).toString();
  }

  test('no 5xx, and nothing stored when refused', async (t) => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          form: fc.nat(),
          field: fieldMutation,
          multipart: multipartMutation,
          query: fc.record({
            key: fc.constantFrom('return', 'page', 'sort', 'notice', 'lang', 'code', 'state', 'error', 'iss'),
            value: queryValue,
          }),
          address: fc.nat({ max: 2 ** 24 - 1 }),
        }),
        async (fuzz: FuzzCase) => {
          const form = forms[fuzz.form % forms.length]!;
          await resetPeople();
          const session =
            form.who === 'nobody'
              ? undefined
              : await signInAs(h, form.who === 'maija' ? persons.maija : persons.kimmo);
          const remoteAddress = `10.${(fuzz.address >> 16) & 255}.${(fuzz.address >> 8) & 255}.${fuzz.address & 255}`;
          let request: InjectOptions;
          if (form.kind === 'get') {
            const separator = form.url.includes('?') ? '&' : '?';
            // A lone surrogate cannot be percent-encoded; its bytes as a broken browser would send them.
            const raw = fuzz.query.value.replace(/[\ud800-\udfff]/g, '%ED%A0%80');
            const value = /%/.test(raw) ? raw : encodeURIComponent(raw);
            request = {
              method: 'GET',
              url: `${form.url}${separator}${fuzz.query.key}=${value}`,
              remoteAddress,
            };
          } else if (form.kind === 'multipart') {
            const csrf: MultipartPart = { name: '_csrf', content: Buffer.from(session!.csrfToken) };
            const body = mutateMultipart([csrf, ...form.parts], fuzz.multipart);
            request = {
              method: 'POST',
              url: form.url,
              payload: body.payload,
              headers: { 'content-type': body.contentType },
              remoteAddress,
            };
          } else {
            const fields: Array<[string, string]> = [['_csrf', session!.csrfToken], ...form.fields];
            let contentType = 'application/x-www-form-urlencoded';
            let payload: string;
            const mutation = fuzz.field;
            const index = (n: number) => 1 + (n % Math.max(1, fields.length - 1));
            if (mutation.kind === 'set' && fields.length > 1)
              fields[index(mutation.pick)]![1] = mutation.value;
            if (mutation.kind === 'delete' && fields.length > 1) fields.splice(index(mutation.pick), 1);
            if (mutation.kind === 'extra') fields.push([mutation.key, mutation.value]);
            if (mutation.kind === 'repeat' && fields.length > 1) fields.push(fields[index(mutation.pick)]!);
            if (mutation.kind === 'csrf') {
              if (mutation.value === 'missing') fields.shift();
              else fields[0]![1] = 'wrong-token';
            }
            payload = urlencode(fields);
            if (mutation.kind === 'raw') payload = `_csrf=${session!.csrfToken}&${mutation.body}`;
            if (mutation.kind === 'content-type') contentType = mutation.value;
            request = {
              method: 'POST',
              url: form.url,
              payload,
              headers: contentType ? { 'content-type': contentType } : {},
              remoteAddress,
            };
          }
          if (session) request.cookies = session.cookies;

          const before = await allRowCounts(h);
          const response = await h.app.inject(request);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          assert.ok(
            response.statusCode < 500,
            `${form.url}: ${response.statusCode} ${response.body.slice(0, 300)}`,
          );
          if (response.statusCode >= 400) {
            assert.deepEqual(await allRowCounts(h), before, `${form.url} ${response.statusCode} stored rows`);
            assert.match(
              String(response.headers['content-type']),
              /^text\/html/,
              `${form.url}: an error page`,
            );
          }
        },
      ),
      { numRuns: fuzzRuns(600), seed: fuzzSeed, endOnFailure: true, includeErrorInReport: true },
    );
    t.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    assert.ok((statuses.get(400) ?? 0) > 0 && (statuses.get(303) ?? 0) > 0, JSON.stringify([...statuses]));
  });
});
