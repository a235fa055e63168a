import type { staff_fi } from './fi.js';
import { received_sv } from './received-sv.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

// Strings of the organisations' staff pages (sv). The fi file is the source of keys.
export const staff_sv: Strings<typeof staff_fi> = {
  received: received_sv,
  meta: { area: 'Handläggarens sidor' },
  nav: {
    label: 'Handläggarens sidor',
    signedInAs: '{{name}}, {{organisation}}',
    start: 'Startsida',
    switchOrganisation: 'Byt organisation',
    logout: 'Logga ut',
  },
  start: {
    title: 'Handläggarens sidor',
    intro: 'Du handlar för {{organisation}}.',
    rolesTitle: 'Dina roller',
    admin: 'Huvudanvändare: du administrerar organisationens tjänster, handläggare och gränssnittskoder.',
    caseWorkerAll: 'Handläggare: du behandlar meddelanden till alla organisationens tjänster.',
    caseWorkerSome: 'Handläggare: du behandlar meddelanden till dessa tjänster: {{services}}.',
    otherOrganisations: 'Du kan också handla för en annan organisation.',
  },
  choose: {
    title: 'Välj organisation',
    intro: 'Du är handläggare i flera organisationer. Välj för vilken organisation du handlar.',
    legend: 'Organisation',
    submit: 'Fortsätt',
    current: '(vald nu)',
  },
  login: {
    refusedTitle: 'Inga handläggarrättigheter',
    refused:
      'Identifieringen lyckades, men du har inga handläggarrättigheter till någon organisations ärendekonto. Be om rättigheter av din organisations huvudanvändare.',
    failedTitle: 'Identifieringen misslyckades',
    failed: 'Identifieringen misslyckades. Du kan försöka igen.',
    assuranceTitle: 'Identifieringsmetoden räcker inte',
    assurance: 'Den identifieringsmetod du valde är inte tillräckligt stark. Välj en annan metod.',
    unavailableTitle: 'Identifieringen är inte tillgänglig',
    unavailable: 'Identifieringen av handläggare är inte tillgänglig just nu. Försök igen senare.',
    tryAgain: 'Logga in igen',
    toCitizenStart: 'Till medborgarens ärendekontos startsida',
  },
  logout: {
    title: 'Du har loggat ut',
    text: 'Du har loggat ut från handläggarens sidor.',
    loginAgain: 'Logga in igen',
  },
};
