import type { Messages } from '../i18n.js';
import { accessLog_sv } from './access-log/sv.js';
import { account_sv } from './account/sv.js';
import { dashboard_sv } from './dashboard/sv.js';
import { mailbox_sv } from './mailbox/sv.js';
import { public_sv } from './public/sv.js';
import { staff_sv } from './staff/sv.js';
import { staffAdmin_sv } from './staff-admin/sv.js';

export const sv: Messages = {
  meta: { serviceName: 'Medborgarens ärendekonto' },
  frame: {
    errorPrefix: 'Fel',
    unread: '{{count}} olästa',
  },
  layout: {
    skipToContent: 'Gå till innehållet',
    languageSwitch: 'Språk',
    textSize: 'Textstorlek',
    textSizeNormal: 'Normal textstorlek',
    textSizeLarge: 'Stor textstorlek',
    textSizeLargest: 'Största textstorlek',
    support: 'Användarstöd för ärendekontot: tfn 050 570 1389, vardagar kl. 9.00–16.00',
    accessibility: 'Tillgänglighetsutlåtande',
    terms: 'Användarvillkor och dataskyddsbeskrivning',
  },
  start: {
    title: 'Välkommen till medborgarens ärendekonto!',
    intro:
      'När du tar i bruk ärendekontot kan du få myndighetsbeslut och delgivningar som gäller de tjänster som anslutits till ärendekontot elektroniskt i stället för som papperspost. En del myndigheter tar också emot meddelanden via ärendekontot.',
    stop: 'Du kan sluta använda ärendekontot när du vill. Därefter får du igen alla beslut som gäller dina ärenden som papperspost.',
    safe: 'Det är tryggt att använda ärendekontot. Alla uppgifter och handlingar som gäller dig kan bara ses av dig själv. Uppgifterna på ärendekontot lämnas inte ut vidare.',
    register: 'Registrera dig här första gången',
    openAccount: 'Ta i bruk ärendekontot',
    loginLater: 'Logga in här när du använder kontot senare',
    login: 'Logga in på ärendekontot',
    servicesTitle: 'Tjänster anslutna till ärendekontot',
    servicesIntro: 'Via ärendekontot får du redan följande tjänster:',
    signedInNoAccount:
      'Du har identifierat dig men inte tagit ärendekontot i bruk. Du kan fortsätta ta det i bruk eller logga ut.',
    continueOpening: 'Fortsätt att ta ärendekontot i bruk',
    signedIn: 'Du är inloggad på ärendekontot.',
    toMailbox: 'Gå till ärendekontot',
  },
  errors: {
    title: 'Fel',
    notFound: 'Sidan hittades inte.',
    badRequest: 'Begäran var felaktig.',
    forbidden: 'Du har inte rätt till den här funktionen.',
    tooManyRequests: 'För många begäranden. Försök igen om en stund.',
    server: 'Ett fel inträffade i tjänsten. Försök igen senare.',
    unavailable: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
    backToStart: 'Tillbaka till startsidan',
  },
  account: account_sv,
  accessLog: accessLog_sv,
  mailbox: mailbox_sv,
  public: public_sv,
  dashboard: dashboard_sv,
  staff: staff_sv,
  staffAdmin: staffAdmin_sv,
};
