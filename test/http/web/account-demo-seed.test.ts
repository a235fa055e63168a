import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedCitizenDemo } from '../../../src/demo/seed-citizen-demo.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { openedAccount } from '../../helpers/stored-rows.js';

describe('citizen demo seed', () => {
  const h = useSuiteHarness();

  test('Kimmo Mäkinen gets an active account with e-mail reminders; Maija gets none; running twice changes nothing', async () => {
    const notes: string[] = [];
    await seedCitizenDemo(h.context, h.services, (m) => notes.push(m));
    await seedCitizenDemo(h.context, h.services, (m) => notes.push(m));
    const rows = await h.context.database.db.selectFrom('accounts').selectAll().execute();
    assert.equal(rows.length, 1);
    const opened = openedAccount(h.context, rows[0]!);
    assert.equal(opened.identity_code, '270570-901K');
    assert.equal(rows[0]!.status, 'active');
    assert.equal(opened.email, 'kimmo.makinen@example.fi');
    assert.equal(rows[0]!.email_notifications, 1);
    assert.equal(await h.services.accounts.accounts.accountOf('010180-9026'), undefined);
    assert.equal(notes.length, 1);
    assert.ok(!notes.join().includes('270570-901K'), 'no identity codes in progress output');
  });
});
