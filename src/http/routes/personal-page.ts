import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderPage } from '../views/render.js';

/**
 * A page with someone's own mail, citizens' content or identity codes (the mailbox, the staff
 * pages): never kept by the browser or a cache in between.
 */
export function sendPersonalPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(renderPage(page));
}
