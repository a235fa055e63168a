import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en } from '../../../src/i18n/locales/en.js';
import { fi } from '../../../src/i18n/locales/fi.js';
import { sv } from '../../../src/i18n/locales/sv.js';
import {
  reopenedMessage,
  systemSender,
  welcomeMessage,
} from '../../../src/modules/accounts/welcome-message.js';
import { notificationTexts } from '../../../src/modules/delivery/notification-texts.js';

/**
 * One name for the service in each language (issue 12): fi "Kansalaisen asiointitili" (short
 * "asiointitili"), sv "Medborgarens ärendekonto" ("ärendekontot"), en "Citizen’s e-services account"
 * ("e-services account"). The patterns are the other names the service has been called, or could
 * easily be called again; none may appear in that language's texts.
 */
const otherNames = {
  fi: [/Kansalaisen Asiointitili/, /asiointipalvelutili/i, /e-asiointitili/i, /sähköinen asiointitili/i],
  sv: [/e-tjänstekont/i, /medborgarkont/i, /e-ärendekont/i, /e-kontot/i, /tjänstekontot/i],
  en: [
    /e-service account/i,
    /eservices? account/i,
    /e-business account/i,
    /citizen account/i,
    /online account/i,
  ],
} as const;

const locales = { fi, sv, en };
type Language = keyof typeof locales;
const languages = Object.keys(locales) as Language[];

function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  return Object.entries(tree as object).flatMap(([key, value]) =>
    strings(value, path ? `${path}.${key}` : key),
  );
}

/** Every text a person reads in the language: the pages, the welcome message and the notifications. */
function textsOf(language: Language): [string, string][] {
  const welcome = welcomeMessage(language);
  const reopened = reopenedMessage(language);
  const suffix = language === 'fi' ? 'Fi' : language === 'sv' ? 'Sv' : 'En';
  return [
    ...strings(locales[language], 'locale'),
    ['welcome.title', welcome.title],
    ['welcome.body', welcome.body],
    ['reopened.title', reopened.title],
    ['reopened.body', reopened.body],
    ['welcome.sender', systemSender[`name${suffix}`]],
    ['welcome.service', systemSender[`serviceName${suffix}`]],
    ...strings(notificationTexts[language], 'notification'),
  ];
}

describe('the service has one name in each language', () => {
  for (const language of languages) {
    test(`${language}: no other name for the service appears`, () => {
      const found = textsOf(language).flatMap(([where, text]) =>
        otherNames[language].filter((pattern) => pattern.test(text)).map((pattern) => `${where}: ${pattern}`),
      );
      assert.deepEqual(found, []);
    });

    test(`${language}: the welcome message comes from, and is signed by, the service's own name`, () => {
      const name = locales[language].meta.serviceName;
      const suffix = language === 'fi' ? 'Fi' : language === 'sv' ? 'Sv' : 'En';
      assert.equal(systemSender[`name${suffix}`], name);
      assert.equal(notificationTexts[language].serviceName, name, 'the notification e-mail’s From name');
      assert.ok(welcomeMessage(language).body.endsWith(`\n${name}`), 'signed with the service name');
      assert.ok(reopenedMessage(language).body.endsWith(`\n${name}`), 'signed with the service name');
    });
  }

  test('the scan finds an old name when one is put back (the test can fail)', () => {
    const planted = { ...sv, meta: { serviceName: 'Medborgarens e-tjänstekonto' } };
    const hits = strings(planted.meta).filter(([, text]) =>
      otherNames.sv.some((pattern) => pattern.test(text)),
    );
    assert.equal(hits.length, 1);
  });
});
