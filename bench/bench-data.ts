import type { AccountFixture } from '../test/helpers/fixtures.js';
import type { ApiOrganisation } from '../test/helpers/fixtures.js';
import type { TestHarness } from '../test/helpers/test-app.js';
import { contentContext, encryptText } from '../src/modules/messages/index.js';

export interface BenchData {
  organisation: ApiOrganisation;
  /** The citizen whose mailbox the page scenarios read. */
  account: AccountFixture;
  /** A message of theirs with one attachment listed. */
  messageWithAttachment: number;
  /**
   * The citizen the ingest scenarios send to: another than the measured mailbox, which would
   * otherwise grow by every message ingested before the page scenarios run.
   */
  ingestRecipient: AccountFixture;
  /** Adds messages of the other accounts until `total` are in the database (the growth series). */
  grow(total: number): Promise<void>;
}

const rowsPerStatement = 500;
const rowsPerTransaction = 20_000;
const otherAccounts = 200;

function progress(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY && done !== total) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`,
  );
  if (done === total) process.stderr.write('\n');
}

/**
 * `total` messages in the database (more later through `grow`, which adds only other accounts'
 * messages, so the measured mailbox stays the same while the database grows), `mailboxSize` of them in one citizen's mailbox spread evenly
 * through the rest (the others go to 200 other accounts), written straight into the table: the
 * sending path would take hours for a million. Content is encrypted once and shared, which does not
 * change what a page read costs (each row is still decrypted on its own).
 */
export async function generateBenchData(
  h: TestHarness,
  total: number,
  mailboxSize: number,
): Promise<BenchData> {
  const organisation = await h.fixtures.apiOrganisation();
  const account = await h.fixtures.account({ identityCode: '270570-901K' });
  const ingestRecipient = await h.fixtures.account();
  const others: number[] = [];
  for (let i = 0; i < otherAccounts; i++) others.push((await h.fixtures.account()).id);
  const now = new Date().toISOString();
  const template = {
    direction: 'to_citizen' as const,
    organisation_id: organisation.id,
    service_pk: organisation.servicePk,
    channel: 'electronic' as const,
    service_type: 'Normal' as const,
    reply_allowed: 0,
    visibility: 'Normal',
    body_format: 'Text' as const,
    title_enc: encryptText(h.context.envelope, 'Päätös toimeentulotukihakemukseen', contentContext.title),
    body_enc: encryptText(
      h.context.envelope,
      'Päätöksen perustelut ja muutoksenhakuohje. '.repeat(20),
      contentContext.body,
    ),
    options: '{}',
    created_at: now,
    available_at: now,
  };
  const everyNth = Math.max(1, Math.floor(total / mailboxSize));
  let mailboxWritten = 0;
  let inDatabase = 0;
  const db = h.context.database.db;
  const insertUntil = async (target: number) => {
    while (inDatabase < target) {
      const inThisTransaction = Math.min(rowsPerTransaction, target - inDatabase);
      await db.transaction().execute(async (trx) => {
        for (let written = 0; written < inThisTransaction; written += rowsPerStatement) {
          const rows = Array.from(
            { length: Math.min(rowsPerStatement, inThisTransaction - written) },
            (_, i) => {
              const n = inDatabase + written + i;
              const toMailbox = n % everyNth === 0 && mailboxWritten < mailboxSize;
              if (toMailbox) mailboxWritten++;
              return { ...template, account_id: toMailbox ? account.id : others[n % others.length]! };
            },
          );
          await trx.insertInto('messages').values(rows).execute();
        }
      });
      inDatabase += inThisTransaction;
      progress('bench: messages', inDatabase, target);
    }
  };
  await insertUntil(total);
  const { messageId } = await h.fixtures.message({
    organisation,
    accountId: account.id,
    title: 'Päätös, liitteenä',
    body: 'Päätös on liitteenä.',
    attachments: [{ fileName: 'paatos.pdf', mediaType: 'application/pdf', content: Buffer.alloc(40_000, 7) }],
  });
  return { organisation, account, messageWithAttachment: messageId, ingestRecipient, grow: insertUntil };
}
