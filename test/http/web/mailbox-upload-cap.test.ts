import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { maxFormBytes } from '../../../src/http/routes/web/mailbox-multipart.js';
import { postMultipartForm, signInAs } from '../../helpers/citizen-session.js';
import { type OrganisationFixture, persons } from '../../helpers/fixtures.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

// Each attachment may be up to 10 MiB, but a citizen's form is held in memory while it is read,
// so the whole form is capped too.
describe('citizen message form: total upload cap', () => {
  let h: TestHarness;
  let kallio: OrganisationFixture;
  before(async () => {
    h = await createHarness();
    kallio = await h.fixtures.organisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    await h.fixtures.account({ identityCode: persons.kimmo });
  });
  after(() => h.close());

  test('files that are each allowed but together exceed the cap are refused with 413, nothing stored', async () => {
    const session = await signInAs(h, persons.kimmo);
    const fileBytes = 9_800_000;
    const count = Math.floor(maxFormBytes / fileBytes) + 1;
    const text = Buffer.alloc(fileBytes, 'a');
    const count0 = (await h.context.database.db.selectFrom('attachments').select('id').execute()).length;
    const response = await postMultipartForm(
      h,
      session,
      '/mailbox/new',
      [
        ['_csrf', session.csrfToken],
        ['service', String(kallio.servicePk)],
        ['citizenType', 'Hakemus'],
        ['title', 'Hakemus'],
        ['body', 'Liitteet ohessa.'],
      ],
      Array.from({ length: count }, (_, i) => ({ fileName: `liite-${i}.txt`, content: text })),
    );
    assert.equal(response.statusCode, 413);
    const count1 = (await h.context.database.db.selectFrom('attachments').select('id').execute()).length;
    assert.equal(count1, count0);
    assert.equal((await h.context.database.db.selectFrom('messages').select('id').execute()).length, 0);
  });
});
