import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { personalDataSeal } from '../../src/personal-data-seal.js';
import { FeedbackRepository } from '../../src/modules/feedback/feedback-repository.js';
import { useMigratedCliEnvironment } from '../helpers/cli-in-process.js';
import { testDialect } from '../helpers/test-database.js';

describe(`asiointitili feedback list / catalogue reindex (${testDialect})`, () => {
  const { cli } = useMigratedCliEnvironment('asiointitili-feedback-cli-');

  test('an empty list, then the stored feedback newest first, limited by --limit', async () => {
    const empty = await cli(['feedback', 'list']);
    assert.equal(empty.failure, undefined);
    assert.deepEqual(JSON.parse(empty.stdout), []);

    // Two rows as the web form stores them (the form's checks are tested in test/http/public).
    const { loadConfig } = await import('../../src/config/config.js');
    const { bootstrap } = await import('../../src/bootstrap.js');
    const app = await bootstrap(loadConfig(), { demo: false, demoDataDirKey: true, progress: () => {} });
    try {
      const repository = new FeedbackRepository(app.context.database.db, personalDataSeal(app.context));
      await repository.insert({
        receivedAt: '2026-03-02T10:00:00.000Z',
        topic: 'other',
        message: 'Ensimmäinen palaute.',
        replyEmail: null,
        locale: 'fi',
      });
      await repository.insert({
        receivedAt: '2026-03-02T11:00:00.000Z',
        topic: 'service',
        message: 'Toinen palaute tässä.',
        replyEmail: 'maija@example.fi',
        locale: 'sv',
      });
    } finally {
      await app.context.database.close();
    }

    const listed = await cli(['feedback', 'list']);
    const rows = JSON.parse(listed.stdout) as Array<{ message: string; topic: string; receivedAt: string }>;
    assert.deepEqual(
      rows.map((r) => r.message),
      ['Toinen palaute tässä.', 'Ensimmäinen palaute.'],
    );
    const one = JSON.parse((await cli(['feedback', 'list', '--limit', '1'])).stdout);
    assert.equal(one.length, 1);
  });

  test('catalogue reindex reports how many services it indexed', async () => {
    const result = await cli(['catalogue', 'reindex']);
    assert.equal(result.failure, undefined);
    assert.deepEqual(JSON.parse(result.stdout), { indexed: 0 });
  });
});
