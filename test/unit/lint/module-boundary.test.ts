import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { projectRoot } from '../../../src/project-root.js';

// Runs the project's own eslint.config.js, so the test fails if the boundary rule stops matching.
const eslint = new ESLint({ cwd: projectRoot });

async function boundaryProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${projectRoot}/${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('module boundary lint rule', () => {
  test('refuses a route importing a module file other than its index', async () => {
    const problems = await boundaryProblems(
      'src/http/routes/web/example.ts',
      "import type { AccountService } from '../../../modules/accounts/account-service.js';\nexport type A = AccountService;\n",
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /through its index\.js/);
  });

  test('refuses the composition root re-exporting a repository', async () => {
    const problems = await boundaryProblems(
      'src/services.ts',
      "export { OrganisationRepository } from './modules/organisations/organisation-repository.js';\n",
    );
    assert.equal(problems.length, 1);
  });

  test('refuses one module reaching into another', async () => {
    const problems = await boundaryProblems(
      'src/modules/mailbox/example.ts',
      "import { appendFeedEvent } from '../messages/event-repository.js';\nexport const a = appendFeedEvent;\n",
    );
    assert.equal(problems.length, 1);
  });

  test("allows a module's index and a module's own files", async () => {
    assert.deepEqual(
      await boundaryProblems(
        'src/http/routes/web/example.ts',
        "import type { AccountService } from '../../../modules/accounts/index.js';\nexport type A = AccountService;\n",
      ),
      [],
    );
    assert.deepEqual(
      await boundaryProblems(
        'src/modules/mailbox/example.ts',
        "import { MailboxRepository } from './mailbox-repository.js';\nimport { appendFeedEventInTransaction } from '../messages/index.js';\nimport { Envelope } from '../../crypto/envelope.js';\nexport const a = [MailboxRepository, appendFeedEventInTransaction, Envelope];\n",
      ),
      [],
    );
  });

  test('leaves tests free to use module internals', async () => {
    assert.deepEqual(
      await boundaryProblems(
        'test/service/example.test.ts',
        "import { AuditRepository } from '../../src/modules/audit/audit-repository.js';\nexport const a = AuditRepository;\n",
      ),
      [],
    );
  });
});
