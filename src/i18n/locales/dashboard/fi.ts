// Strings of the staff dashboard (fi): the source of keys.
export const dashboard_fi = {
  title: 'Tilannekatsaus',
  organisation: 'Organisaatio: {{name}}',
  today: 'Tilanne {{date}}',
  summary: {
    heading: 'Yhteenveto',
    sent: 'Lähetetyt viestit',
    readRate: 'Luetut',
    acknowledgedRate: 'Kuitatut todisteellisesti tiedoksi annettavat',
    waiting: 'Kansalaisten viestejä odottaa',
    failedDeliveries: 'Epäonnistuneet toimitukset',
    rate: '{{percent}} ({{numerator}}/{{denominator}})',
    noRate: 'ei viestejä',
  },
  stages: {
    heading: 'Viestit tilan mukaan',
    stage: 'Tila',
    count: 'Viestejä',
    accepted: 'Vastaanotettu, odottaa toimitusta',
    available: 'Asiointitilillä, lukematta',
    read: 'Luettu',
    acknowledged: 'Vastaanotto kuitattu',
    onPaper: 'Lähetetty paperipostina',
    failed: 'Toimitus epäonnistui',
  },
  channels: {
    heading: 'Viestit kanavan mukaan',
    channel: 'Kanava',
    electronic: 'Sähköinen',
    paper: 'Paperi',
  },
  services: {
    heading: 'Palveluittain',
    service: 'Palvelu',
    none: 'Sinulla ei ole näytettäviä palveluja.',
  },
  daily: {
    heading: 'Lähetetyt viestit päivittäin',
    title: 'Kansalaisille lähetetyt viestit päivittäin, {{from}}–{{to}}',
    description:
      'Pylväskaavio 30 päivästä. Yhteensä {{total}} viestiä; eniten {{busiest}} viestiä {{busiestDate}}. Samat luvut ovat taulukossa.',
    descriptionEmpty: 'Pylväskaavio 30 päivästä. Ajanjaksolla ei lähetetty viestejä.',
    date: 'Päivä',
    count: 'Viestejä',
    fromCitizens: 'Kansalaisilta saapui ajanjaksolla {{count}} viestiä.',
  },
};
