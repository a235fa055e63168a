import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Bare-Fastify reference servers: the least work that could answer the same request, so the ratio
 * ours / reference shows what our layers (validation, auth, encryption, events, outbox) cost.
 */
export async function referenceIngestServer(dataDir: string): Promise<FastifyInstance> {
  const db = new BetterSqlite3(path.join(dataDir, 'reference.db'));
  db.pragma('journal_mode = WAL');
  // Same durability as ours: every acknowledged message survives a power loss.
  db.pragma('synchronous = FULL');
  db.exec('create table if not exists messages (id integer primary key, external_id text unique, body text)');
  const insert = db.prepare('insert into messages (external_id, body) values (?, ?)');
  const app = Fastify();
  app.post('/v2/messages/electronic', async (request) => {
    const body = request.body as { externalId: string };
    const { lastInsertRowid } = insert.run(body.externalId, JSON.stringify(body));
    return { messageId: Number(lastInsertRowid) };
  });
  app.addHook('onClose', async () => db.close());
  return app;
}

export async function referenceInboxServer(sqliteFile: string, accountId: number): Promise<FastifyInstance> {
  const db = new BetterSqlite3(sqliteFile, { readonly: true });
  const page = db.prepare(
    "select id, created_at, read_at from messages where account_id = ? and direction = 'to_citizen' order by id desc limit 20",
  );
  const app = Fastify();
  app.get('/inbox', async (_request, reply) => {
    const rows = page.all(accountId) as Array<{ id: number; created_at: string }>;
    return reply
      .type('text/html')
      .send(`<ul>${rows.map((r) => `<li>${r.id} ${r.created_at}</li>`).join('')}</ul>`);
  });
  app.addHook('onClose', async () => db.close());
  return app;
}
