import type { Language } from '../population-register/index.js';
import type { NotificationTemplate } from './job-kinds.js';

/**
 * Wording of the notifications. Deliberately generic: a notification tells that something arrived,
 * never what (the seed: "Viesti ei sisällä mitään tietoja itse asiointiviestistä").
 */
export interface NotificationTexts {
  subject: Record<NotificationTemplate, string>;
  intro: Record<NotificationTemplate, string>;
  sender: string;
  action: Record<NotificationTemplate, string>;
  footer: string;
}

export const notificationTexts: Record<Language, NotificationTexts> = {
  fi: {
    subject: {
      'new-message': 'Uusi viesti asiointitilillä',
      reminder: 'Muistutus: lukematon viesti asiointitilillä',
      welcome: 'Tervetuloa asiointitilille',
    },
    intro: {
      'new-message': 'Asiointitilillesi on saapunut uusi viesti.',
      reminder: 'Asiointitililläsi on viesti, jota et ole vielä avannut.',
      welcome: 'Asiointitilisi on avattu. Saat jatkossa ilmoituksen, kun tilillesi saapuu uusi viesti.',
    },
    sender: 'Lähettäjä',
    action: {
      'new-message': 'Lue viesti kirjautumalla asiointitilille:',
      reminder: 'Lue viesti kirjautumalla asiointitilille:',
      welcome: 'Kirjaudu asiointitilille:',
    },
    footer:
      'Tämä ilmoitus ei sisällä tietoja itse viestistä. Älä vastaa tähän viestiin – se on lähetetty automaattisesti.',
  },
  sv: {
    subject: {
      'new-message': 'Nytt meddelande i ärendekontot',
      reminder: 'Påminnelse: oläst meddelande i ärendekontot',
      welcome: 'Välkommen till ärendekontot',
    },
    intro: {
      'new-message': 'Du har fått ett nytt meddelande i ditt ärendekonto.',
      reminder: 'Du har ett meddelande i ditt ärendekonto som du inte har öppnat ännu.',
      welcome:
        'Ditt ärendekonto har öppnats. Du får en avisering när ett nytt meddelande kommer till kontot.',
    },
    sender: 'Avsändare',
    action: {
      'new-message': 'Logga in på ärendekontot för att läsa meddelandet:',
      reminder: 'Logga in på ärendekontot för att läsa meddelandet:',
      welcome: 'Logga in på ärendekontot:',
    },
    footer:
      'Denna avisering innehåller inga uppgifter om själva meddelandet. Svara inte på detta meddelande – det har skickats automatiskt.',
  },
  en: {
    subject: {
      'new-message': 'New message in your e-services account',
      reminder: 'Reminder: unread message in your e-services account',
      welcome: 'Welcome to your e-services account',
    },
    intro: {
      'new-message': 'You have received a new message in your e-services account.',
      reminder: 'There is a message in your e-services account that you have not opened yet.',
      welcome:
        'Your e-services account has been opened. From now on you will be notified when a new message arrives.',
    },
    sender: 'Sender',
    action: {
      'new-message': 'Sign in to your e-services account to read it:',
      reminder: 'Sign in to your e-services account to read it:',
      welcome: 'Sign in to your e-services account:',
    },
    footer:
      'This notification contains no information about the message itself. Please do not reply – it was sent automatically.',
  },
};
