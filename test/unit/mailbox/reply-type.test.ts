import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suggestedReplyType } from '../../../src/modules/mailbox/reply-type.js';
import { excerptOf } from '../../../src/modules/mailbox/sending-service.js';

describe('the type a reply starts with', () => {
  const clarificationRequests = [
    'Pyyntö lisäselvityksestä',
    'Lisäselvityspyyntö',
    'Täydennyspyyntö: hakemus 2026/123',
    'Pyydämme täydentämään hakemustasi',
    'Lisätietopyyntö',
    'Begäran om komplettering',
    'Vi ber om en utredning',
    'Request for clarification',
    'Please send additional information',
  ];
  for (const title of clarificationRequests) {
    test(`"${title}" is answered as a clarification`, () => {
      assert.equal(suggestedReplyType(title), 'Selvitys');
    });
  }

  const others = [
    'Päätös toimeentulotuesta',
    'Selvitys kunnan taloudesta', // a report, not a request
    'Tiedote: kunnan sähköinen asiointi uudistuu',
    'Rakennuslupapäätös (todisteellinen tiedoksianto)',
    'Beslut om utkomststöd',
    'Decision on your application',
    '',
  ];
  for (const title of others) {
    test(`"${title}" starts as "other" (never as a rectification request or application)`, () => {
      assert.equal(suggestedReplyType(title), 'Muu');
    });
  }
});

describe('the excerpt of the message being answered', () => {
  test('short text is kept whole, on one line', () => {
    assert.equal(excerptOf('Hei,\n\ntarvitsemme  kopion.\n'), 'Hei, tarvitsemme kopion.');
  });

  test('long text is cut at a space, at most 300 characters and an ellipsis', () => {
    const text = 'sana '.repeat(100);
    const excerpt = excerptOf(text);
    assert.ok(excerpt.endsWith('sana…'), excerpt.slice(-10));
    assert.ok(Array.from(excerpt).length <= 301);
  });

  test('one long word is cut where it must be, counting characters, not UTF-16 units', () => {
    const excerpt = excerptOf('ä'.repeat(400));
    assert.equal(excerpt, `${'ä'.repeat(300)}…`);
    assert.equal(excerptOf('😀'.repeat(301)), `${'😀'.repeat(300)}…`);
  });
});
