// Strings of the staff's Received pages (/virkailija/saapuneet). The source of keys for sv and en.
export const received_fi = {
  nav: 'Saapuneet',
  title: 'Saapuneet viestit',
  intro:
    'Kansalaisten viestit palveluihin, joiden viestejä käsittelet. Käsittelemättömät ensin, uusimmat ensin.',
  filter: {
    legend: 'Näytä',
    all: 'Kaikki',
    unhandled: 'Käsittelemättömät',
    handled: 'Käsitellyt',
  },
  empty: 'Ei viestejä.',
  listLabel: 'Saapuneet viestit',
  paging: 'Sivut',
  page: 'Sivu {{page}}',
  previous: 'Edellinen sivu',
  next: 'Seuraava sivu',
  sender: 'Lähettäjä',
  senderUnknown: 'Nimi ei tiedossa',
  service: 'Palvelu',
  received: 'Saapunut',
  type: 'Viestin tyyppi',
  handled: 'Käsitelty',
  unhandled: 'Käsittelemättä',
  attachments: 'Liitteitä: {{count}}',
  opened: {
    back: 'Saapuneet viestit',
    details: 'Viestin tiedot',
    auditNote:
      'Viestin avaaminen ja liitteiden lataaminen kirjataan lokiin (käyttötarkoitus: asian käsittely).',
    attachments: 'Liitteet ({{count}})',
    download: 'Lataa',
    thread: 'Keskustelu',
    fromCitizen: 'Kansalaiselta',
    toCitizen: 'Organisaatiolta',
    current: '(tämä viesti)',
    markHandled: 'Merkitse käsitellyksi',
    markUnhandled: 'Palauta käsittelemättömäksi',
  },
  reply: {
    heading: 'Vastaa samaan keskusteluun',
    intro:
      'Vastaus näkyy kansalaisen asiointitilillä tämän viestin keskustelussa. Kansalainen voi vastata siihen.',
    title: 'Otsikko',
    body: 'Viesti',
    submit: 'Lähetä vastaus',
    titlePrefix: 'Vs: {{title}}',
    errorsHeading: 'Vastausta ei lähetetty. Korjaa seuraavat kohdat',
    problems: {
      titleRequired: 'Kirjoita otsikko.',
      titleTooLong: 'Otsikko on liian pitkä (enintään 256 merkkiä).',
      titleDeceptive: 'Otsikossa on merkkejä, jotka näyttäisivät tekstin toisena kuin se on.',
      bodyRequired: 'Kirjoita viesti.',
      bodyTooLong: 'Viesti on liian pitkä (enintään 40 000 merkkiä).',
      bodyDeceptive: 'Viestissä on merkkejä, jotka näyttäisivät tekstin toisena kuin se on.',
      noMailbox:
        'Kansalaisella ei ole enää käytössä olevaa asiointitiliä, joten vastausta ei voi lähettää sähköisesti.',
      serviceInactive:
        'Palvelu, johon viesti lähetettiin, ei ole enää käytössä, joten sen nimissä ei voi vastata.',
    },
  },
  notice: {
    sent: 'Vastaus on lähetetty.',
    handled: 'Viesti on merkitty käsitellyksi.',
    unhandled: 'Viesti on palautettu käsittelemättömäksi.',
  },
};
