import type { Language } from '../population-register/index.js';
import type { NotificationTemplate } from './job-kinds.js';

/**
 * The wordings: one per job template, and `reopened`, the welcome notification of an account taken
 * into use again (the same job, told apart when sending, so no new job kind is needed).
 */
export type NotificationWording = NotificationTemplate | 'reopened';

/**
 * Wording of the notifications. Deliberately generic: a notification tells that something arrived,
 * never what (the seed: "Viesti ei sisällä mitään tietoja itse asiointiviestistä").
 */
export interface NotificationTexts {
  /** The service's name in the language, as the e-mail's From name (the pages' meta.serviceName). */
  serviceName: string;
  subject: Record<NotificationWording, string>;
  intro: Record<NotificationWording, string>;
  sender: string;
  action: Record<NotificationWording, string>;
  footer: string;
}

export const notificationTexts: Record<Language, NotificationTexts> = {
  fi: {
    serviceName: 'Kansalaisen asiointitili',
    subject: {
      'new-message': 'Uusi viesti asiointitilillä',
      reminder: 'Muistutus: lukematon viesti asiointitilillä',
      welcome: 'Tervetuloa asiointitilille',
      reopened: 'Asiointitili on jälleen käytössä',
    },
    intro: {
      'new-message': 'Asiointitilillesi on saapunut uusi viesti.',
      reminder: 'Asiointitililläsi on viesti, jota et ole vielä avannut.',
      welcome: 'Asiointitilisi on avattu. Saat jatkossa ilmoituksen, kun tilillesi saapuu uusi viesti.',
      reopened:
        'Olet ottanut asiointitilin uudelleen käyttöön. Saat jälleen ilmoituksen, kun tilillesi saapuu uusi viesti.',
    },
    sender: 'Lähettäjä',
    action: {
      'new-message': 'Lue viesti kirjautumalla asiointitilille:',
      reminder: 'Lue viesti kirjautumalla asiointitilille:',
      welcome: 'Kirjaudu asiointitilille:',
      reopened: 'Kirjaudu asiointitilille:',
    },
    footer:
      'Tämä ilmoitus ei sisällä tietoja itse viestistä. Älä vastaa tähän viestiin – se on lähetetty automaattisesti.',
  },
  sv: {
    serviceName: 'Medborgarens ärendekonto',
    subject: {
      'new-message': 'Nytt meddelande i ärendekontot',
      reminder: 'Påminnelse: oläst meddelande i ärendekontot',
      welcome: 'Välkommen till ärendekontot',
      reopened: 'Ärendekontot är i bruk igen',
    },
    intro: {
      'new-message': 'Du har fått ett nytt meddelande i ditt ärendekonto.',
      reminder: 'Du har ett meddelande i ditt ärendekonto som du inte har öppnat ännu.',
      welcome:
        'Ditt ärendekonto har öppnats. Du får en avisering när ett nytt meddelande kommer till kontot.',
      reopened:
        'Du har tagit ärendekontot i bruk igen. Du får åter en avisering när ett nytt meddelande kommer till kontot.',
    },
    sender: 'Avsändare',
    action: {
      'new-message': 'Logga in på ärendekontot för att läsa meddelandet:',
      reminder: 'Logga in på ärendekontot för att läsa meddelandet:',
      welcome: 'Logga in på ärendekontot:',
      reopened: 'Logga in på ärendekontot:',
    },
    footer:
      'Denna avisering innehåller inga uppgifter om själva meddelandet. Svara inte på detta meddelande – det har skickats automatiskt.',
  },
  en: {
    serviceName: 'Citizen’s e-services account',
    subject: {
      'new-message': 'New message in your e-services account',
      reminder: 'Reminder: unread message in your e-services account',
      welcome: 'Welcome to your e-services account',
      reopened: 'Your e-services account is in use again',
    },
    intro: {
      'new-message': 'You have received a new message in your e-services account.',
      reminder: 'There is a message in your e-services account that you have not opened yet.',
      welcome:
        'Your e-services account has been opened. From now on you will be notified when a new message arrives.',
      reopened:
        'You have started using your e-services account again. You will again be notified when a new message arrives.',
    },
    sender: 'Sender',
    action: {
      'new-message': 'Sign in to your e-services account to read it:',
      reminder: 'Sign in to your e-services account to read it:',
      welcome: 'Sign in to your e-services account:',
      reopened: 'Sign in to your e-services account:',
    },
    footer:
      'This notification contains no information about the message itself. Please do not reply – it was sent automatically.',
  },
};
