import { accessLog_fi } from './access-log/fi.js';
import { account_fi } from './account/fi.js';
import { dashboard_fi } from './dashboard/fi.js';
import { mailbox_fi } from './mailbox/fi.js';
import { public_fi } from './public/fi.js';
import { staff_fi } from './staff/fi.js';
import { staffAdmin_fi } from './staff-admin/fi.js';

// Finnish wording follows the original service text (shared/seed) where it has one.
export const fi = {
  meta: { serviceName: 'Kansalaisen asiointitili' },
  frame: {
    errorPrefix: 'Virhe',
    unread: '{{count}} lukematonta',
  },
  layout: {
    skipToContent: 'Siirry sisältöön',
    languageSwitch: 'Kieli',
    textSize: 'Tekstin koko',
    textSizeNormal: 'Normaali tekstikoko',
    textSizeLarge: 'Suuri tekstikoko',
    textSizeLargest: 'Suurin tekstikoko',
    support: 'Asiointitilin käyttäjätuki: puh. 050 570 1389, arkisin kello 9.00–16.00',
    accessibility: 'Saavutettavuusseloste',
    terms: 'Käyttöehdot ja tietosuojaseloste',
  },
  start: {
    title: 'Tervetuloa Kansalaisen asiointitilille!',
    intro:
      'Kun otat asiointitilin käyttöösi, voit saada asiointitilille liitettyjä palveluja koskevat viranomaispäätökset ja tiedoksiannot sähköisesti paperipostin sijaan. Osa viranomaisista myös vastaanottaa viestejä asiointitilin kautta.',
    stop: 'Voit halutessasi lopettaa asiointitilin käytön milloin tahansa. Sen jälkeen saat kaikki asiointiasi koskevat päätökset jälleen paperipostina.',
    safe: 'Asiointitilin käyttö on turvallista. Kaikki itseäsi koskevat tiedot ja asiakirjat ovat vain sinun itsesi nähtävissä. Asiointitilillä olevia tietoja ei luovuteta eteenpäin.',
    register: 'Rekisteröidy tässä ensimmäisen kerran',
    openAccount: 'Ota asiointitili käyttöösi',
    loginLater: 'Kirjaudu tästä käyttäessäsi tiliä myöhemmin',
    login: 'Kirjaudu asiointitilille',
    servicesTitle: 'Asiointitilille liitettyjä palveluja',
    servicesIntro: 'Asiointitilille saat jo seuraavat palvelut:',
    signedInNoAccount:
      'Olet tunnistautunut, mutta et ole ottanut asiointitiliä käyttöön. Voit jatkaa käyttöönottoa tai kirjautua ulos.',
    continueOpening: 'Jatka asiointitilin käyttöönottoa',
    signedIn: 'Olet kirjautunut asiointitilille.',
    toMailbox: 'Siirry asiointitilille',
  },
  errors: {
    title: 'Virhe',
    notFound: 'Sivua ei löytynyt.',
    badRequest: 'Pyyntö oli virheellinen.',
    forbidden: 'Sinulla ei ole oikeutta tähän toimintoon.',
    tooManyRequests: 'Liian monta pyyntöä. Yritä hetken kuluttua uudelleen.',
    server: 'Palvelussa tapahtui virhe. Yritä myöhemmin uudelleen.',
    unavailable: 'Palvelu on tilapäisesti poissa käytöstä. Yritä hetken kuluttua uudelleen.',
    backToStart: 'Palaa etusivulle',
  },
  account: account_fi,
  accessLog: accessLog_fi,
  mailbox: mailbox_fi,
  public: public_fi,
  dashboard: dashboard_fi,
  staff: staff_fi,
  staffAdmin: staffAdmin_fi,
};
