import type { staff_fi } from './fi.js';
import { received_en } from './received-en.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

// Strings of the organisations' staff pages (en). The fi file is the source of keys.
export const staff_en: Strings<typeof staff_fi> = {
  received: received_en,
  meta: { area: 'Staff pages' },
  nav: {
    label: 'Staff pages',
    signedInAs: '{{name}}, {{organisation}}',
    start: 'Start page',
    switchOrganisation: 'Switch organisation',
    logout: 'Log out',
  },
  start: {
    title: 'Staff pages',
    intro: 'You are acting for {{organisation}}.',
    rolesTitle: 'Your roles',
    admin: "Admin: you manage the organisation's services, staff and API credentials.",
    caseWorkerAll: "Case worker: you handle messages of all the organisation's services.",
    caseWorkerSome: 'Case worker: you handle messages of these services: {{services}}.',
    otherOrganisations: 'You can also act for another organisation.',
  },
  choose: {
    title: 'Choose an organisation',
    intro: 'You are staff of several organisations. Choose which one you are acting for.',
    legend: 'Organisation',
    submit: 'Continue',
    current: '(chosen now)',
  },
  login: {
    refusedTitle: 'No staff rights',
    refused:
      "You were identified, but you have no staff rights to any organisation's e-services account. Ask your organisation's admin for them.",
    failedTitle: 'Identification failed',
    failed: 'Identification failed. You can try again.',
    assuranceTitle: 'The identification method is not enough',
    assurance: 'The identification method you chose is not strong enough. Choose another method.',
    unavailableTitle: 'Identification is not available',
    unavailable: 'Staff identification is not available right now. Please try again later.',
    tryAgain: 'Log in again',
    toCitizenStart: "To the citizens' e-services account",
  },
  logout: {
    title: 'You have logged out',
    text: 'You have logged out of the staff pages.',
    loginAgain: 'Log in again',
  },
};
