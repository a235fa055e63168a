import type { Messages } from '../i18n.js';
import { accessLog_en } from './access-log/en.js';
import { account_en } from './account/en.js';
import { dashboard_en } from './dashboard/en.js';
import { mailbox_en } from './mailbox/en.js';
import { public_en } from './public/en.js';
import { staff_en } from './staff/en.js';
import { staffAdmin_en } from './staff-admin/en.js';

export const en: Messages = {
  meta: { serviceName: 'Citizen’s e-services account' },
  frame: {
    errorPrefix: 'Error',
    unread: '{{count}} unread',
  },
  layout: {
    skipToContent: 'Skip to content',
    languageSwitch: 'Language',
    textSize: 'Text size',
    textSizeNormal: 'Normal text size',
    textSizeLarge: 'Large text size',
    textSizeLargest: 'Largest text size',
    support: 'E-services account user support: tel. +358 50 570 1389, weekdays 9.00–16.00',
    accessibility: 'Accessibility statement',
    terms: 'Terms of use and privacy notice',
  },
  start: {
    title: 'Welcome to the citizen’s e-services account!',
    intro:
      'When you start using the e-services account, you can receive authorities’ decisions and notices concerning the services connected to the account electronically instead of by paper mail. Some authorities also accept messages through the account.',
    stop: 'You can stop using the account at any time. After that you will again receive all decisions concerning your matters by paper mail.',
    safe: 'Using the account is safe. All information and documents concerning you are visible only to you. The information in the account is not disclosed to anyone else.',
    register: 'Register here the first time',
    openAccount: 'Start using the e-services account',
    loginLater: 'Log in here when you use the account later',
    login: 'Log in to the e-services account',
    servicesTitle: 'Services connected to the e-services account',
    servicesIntro: 'Through the account you can already use the following services:',
    signedInNoAccount:
      'You have identified but have not started using the e-services account. You can continue or sign out.',
    continueOpening: 'Continue setting up the e-services account',
    signedIn: 'You are signed in to the e-services account.',
    toMailbox: 'Go to your e-services account',
  },
  errors: {
    title: 'Error',
    notFound: 'The page was not found.',
    badRequest: 'The request was invalid.',
    forbidden: 'You are not allowed to do this.',
    tooManyRequests: 'Too many requests. Please try again in a moment.',
    server: 'Something went wrong in the service. Please try again later.',
    unavailable: 'The service is temporarily unavailable. Please try again in a moment.',
    backToStart: 'Back to the start page',
  },
  account: account_en,
  accessLog: accessLog_en,
  mailbox: mailbox_en,
  public: public_en,
  dashboard: dashboard_en,
  staff: staff_en,
  staffAdmin: staffAdmin_en,
};
