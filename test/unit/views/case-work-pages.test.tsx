import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SendFormBody, SentConfirmationBody } from '../../../src/http/views/staff/send-page.js';
import { SentListBody } from '../../../src/http/views/staff/sent-list-page.js';
import { StaffSentMessagePage } from '../../../src/http/views/staff/case-work-pages.js';
import { SentMessageBody } from '../../../src/http/views/staff/sent-message-page.js';
import { sampleAdminFrame } from './admin-sample.js';
import { locales, translator } from '../../../src/i18n/i18n.js';
import { caseWork, caseWorkPaths, sampleSentList, sampleSentMessage } from './case-work-sample.js';
import { attributeOf, pageContext, render } from './render.js';

const sendKey = '0b7f4c52-9a1e-4c1b-8f7e-2d7f0f6f1a11';

/** Visible text: tags removed, entities of the renderer decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('staff case-work pages', () => {
  for (const locale of locales) {
    const ctx = pageContext({ locale });
    const t = translator(locale);

    test(`${locale}: the send form carries its key, links each problem to its field, says the check is audited`, () => {
      const html = render(
        <SendFormBody
          ctx={ctx}
          {...caseWork}
          sendKey={sendKey}
          values={{ identityCode: '140987-924J', servicePk: 2, title: 'Päätös', body: '**Hei**' }}
          problems={[
            { field: 'identityCode', code: 'noMailbox' },
            { field: 'attachments', code: 'tooLarge', fileName: 'iso.pdf' },
            { field: 'paperFallback', code: 'noAddress' },
          ]}
          mailboxCheck={{ recipient: '140987-****', hasMailbox: false }}
          previewHtml="<p><strong>Hei</strong></p>"
        />,
      );
      assert.doesNotMatch(html, /staff\.[a-z]+\./, 'no untranslated keys');
      assert.match(
        html,
        new RegExp(`<form method="post" action="${caseWorkPaths.send}" enctype="multipart/form-data"`),
      );
      assert.match(html, new RegExp(`<input type="hidden" name="sendKey" value="${sendKey}"/>`));
      assert.match(html, /<input type="hidden" name="_csrf" value="csrf-token"\/>/);
      for (const id of ['identityCode', 'attachments', 'paperFallback']) {
        assert.match(html, new RegExp(`<a href="#${id}"`), `the summary links to ${id}`);
        assert.equal(attributeOf(html, id, 'aria-invalid'), 'true', `${id} is marked invalid`);
      }
      const words = text(html);
      assert.ok(words.includes(t('staff.send.problems.identityCodeNoMailbox')));
      assert.ok(words.includes(t('staff.send.problems.attachmentsTooLarge', { file: 'iso.pdf' })));
      assert.ok(words.includes(t('staff.send.noMailbox', { recipient: '140987-****' })));
      assert.ok(words.includes(t('staff.send.checkAudited')));
      assert.match(html, /role="status"/);
      // The preview is the given safe HTML, under its heading; the values come back.
      assert.match(html, /<div class="message-body"><p><strong>Hei<\/strong><\/p><\/div>/);
      assert.match(html, /<option value="2" selected>Terveyspalvelut<\/option>/);
      for (const intent of ['check', 'preview', 'send']) {
        assert.match(html, new RegExp(`<button type="submit" name="intent" value="${intent}"`));
      }
    });

    test(`${locale}: the confirmation tells a first send from a repeated one`, () => {
      const first = text(
        render(<SentConfirmationBody ctx={ctx} paths={caseWorkPaths} messageId={42} created />),
      );
      const again = text(
        render(<SentConfirmationBody ctx={ctx} paths={caseWorkPaths} messageId={42} created={false} />),
      );
      assert.ok(first.includes(t('staff.sent.confirmation', { id: 42 })));
      assert.ok(again.includes(t('staff.sent.duplicate', { id: 42 })));
      assert.notEqual(first, again);
    });

    test(`${locale}: the sent list's filters are posted, it shows masked recipients and states as chips, pages with its filters`, () => {
      const html = render(
        <SentListBody
          ctx={ctx}
          {...caseWork}
          values={{ stage: 'failed', servicePk: 1, from: '2025-03-01' }}
          list={sampleSentList()}
        />,
      );
      assert.doesNotMatch(html, /staff\.[a-z]+\./, 'no untranslated keys');
      assert.match(html, new RegExp(`<form id="sent-filters" method="post" action="${caseWorkPaths.sent}"`));
      assert.match(html, /<option value="failed" selected>/);
      assert.match(html, /<a href="\/virkailija\/lahetetyt\/42">Päätös toimeentulotuesta<\/a>/);
      const words = text(html);
      assert.ok(words.includes('270570-****'));
      assert.ok(words.includes(t('staff.sent.noRecipient')));
      assert.match(html, new RegExp(`<li class="chip chip--attention">.*?${t('staff.stages.failed')}</li>`));
      assert.match(html, new RegExp(`<li class="chip">.*?${t('staff.stages.acknowledged')}</li>`));
      assert.match(
        html,
        /href="\/virkailija\/lahetetyt\?service=1&amp;stage=failed&amp;from=2025-03-01&amp;page=3" rel="next"/,
      );
      assert.match(
        html,
        /href="\/virkailija\/lahetetyt\?service=1&amp;stage=failed&amp;from=2025-03-01" rel="prev"/,
      );
      assert.doesNotMatch(html, /270570-901K/);
    });

    test(`${locale}: the pages of a search by recipient post the form again; no address holds the identity code`, () => {
      const html = render(
        <SentListBody
          ctx={ctx}
          {...caseWork}
          values={{ recipient: '270570-901K', purpose: 'Asiakkaan puhelu' }}
          list={sampleSentList()}
        />,
      );
      assert.match(
        html,
        /<button type="submit" class="paging__link" form="sent-filters" name="page" value="3">/,
      );
      assert.doesNotMatch(html, /href="[^"]*270570-901K/);
      assert.doesNotMatch(html, /href="[^"]*(recipient|purpose)=/);
    });

    test(`${locale}: the message page lists the timeline in order with the channel named`, () => {
      const message = sampleSentMessage();
      const html = render(<SentMessageBody ctx={ctx} paths={caseWorkPaths} message={message} />);
      assert.doesNotMatch(html, /staff\.[a-z]+\./, 'no untranslated keys');
      const steps = [...html.matchAll(/<p class="thread-list__title">(.*?)<\/p>/g)].map((m) => m[1]);
      assert.deepEqual(steps, [
        t('staff.timeline.accepted'),
        t('staff.timeline.available'),
        t('staff.timeline.notificationSent', { channel: t('staff.channels.email') }),
        t('staff.timeline.read'),
        t('staff.timeline.acknowledged'),
      ]);
      assert.equal((html.match(/thread-list__item--current/g) ?? []).length, 1);
      assert.match(
        html,
        /<div class="message-body"><p>Hei,<\/p><p>ohessa <strong>päätös<\/strong>.<\/p><\/div>/,
      );
      assert.ok(text(html).includes('paatos.pdf'));
      const page = render(
        <StaffSentMessagePage ctx={ctx} paths={caseWorkPaths} message={message} frame={sampleAdminFrame} />,
      );
      assert.match(page, new RegExp(`<html lang="${locale}"`));
    });
  }
});
