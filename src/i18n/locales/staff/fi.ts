import { received_fi } from './received-fi.js';

// Strings of the organisations' staff pages (/virkailija). Owned by the staff area; the source of keys.
export const staff_fi = {
  received: received_fi,
  meta: { area: 'Virkailijan sivut' },
  nav: {
    label: 'Virkailijan sivut',
    signedInAs: '{{name}}, {{organisation}}',
    start: 'Etusivu',
    switchOrganisation: 'Vaihda organisaatiota',
    logout: 'Kirjaudu ulos',
  },
  start: {
    title: 'Virkailijan sivut',
    intro: 'Toimit organisaation {{organisation}} puolesta.',
    rolesTitle: 'Roolisi',
    admin: 'Pääkäyttäjä: hallinnoit organisaation palveluja, virkailijoita ja rajapintatunnuksia.',
    caseWorkerAll: 'Virkailija: käsittelet kaikkien organisaation palvelujen viestejä.',
    caseWorkerSome: 'Virkailija: käsittelet näiden palvelujen viestejä: {{services}}.',
    otherOrganisations: 'Voit toimia myös toisen organisaation puolesta.',
  },
  choose: {
    title: 'Valitse organisaatio',
    intro: 'Olet usean organisaation virkailija. Valitse, minkä organisaation puolesta toimit.',
    legend: 'Organisaatio',
    submit: 'Jatka',
    current: '(valittuna nyt)',
  },
  login: {
    refusedTitle: 'Ei virkailijan oikeuksia',
    refused:
      'Tunnistautuminen onnistui, mutta sinulla ei ole virkailijan oikeuksia yhdenkään organisaation asiointitiliin. Pyydä oikeudet organisaatiosi pääkäyttäjältä.',
    failedTitle: 'Tunnistautuminen ei onnistunut',
    failed: 'Tunnistautuminen ei onnistunut. Voit yrittää uudelleen.',
    assuranceTitle: 'Tunnistustapa ei riitä',
    assurance: 'Valitsemasi tunnistustapa ei ole riittävän vahva. Valitse toinen tunnistustapa.',
    unavailableTitle: 'Tunnistautuminen ei ole käytettävissä',
    unavailable: 'Virkailijoiden tunnistautuminen ei ole juuri nyt käytettävissä. Yritä myöhemmin uudelleen.',
    tryAgain: 'Kirjaudu uudelleen',
    toCitizenStart: 'Kansalaisen asiointitilin etusivulle',
  },
  logout: {
    title: 'Olet kirjautunut ulos',
    text: 'Olet kirjautunut ulos virkailijan sivuilta.',
    loginAgain: 'Kirjaudu uudelleen',
  },
};
