import type { Kysely } from 'kysely';
import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
import type { DatabaseSchema } from '../../db/schema.js';

export interface FeedbackRow {
  id: number;
  receivedAt: string;
  topic: string;
  message: string;
  replyEmail: string | null;
  locale: string;
}

/** All SQL about stored feedback. */
export class FeedbackRepository {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly seal: PersonalDataSeal,
  ) {}

  async insert(row: Omit<FeedbackRow, 'id'>): Promise<void> {
    await this.db
      .insertInto('feedback')
      .values({
        received_at: row.receivedAt,
        topic: row.topic,
        message: row.message,
        reply_email_enc: this.seal.sealOptional(row.replyEmail, personalDataContext.feedbackReplyEmail),
        locale: row.locale,
      })
      .execute();
  }

  /** The newest first, at most `limit`. */
  async listNewest(limit: number): Promise<FeedbackRow[]> {
    const rows = await this.db
      .selectFrom('feedback')
      .select(['id', 'received_at as receivedAt', 'topic', 'message', 'reply_email_enc', 'locale'])
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(({ reply_email_enc, ...row }) => ({
      ...row,
      id: Number(row.id),
      replyEmail: this.seal.openOptional(reply_email_enc, personalDataContext.feedbackReplyEmail),
    }));
  }

  async purgeBefore(cutoff: string): Promise<number> {
    const result = await this.db.deleteFrom('feedback').where('received_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
