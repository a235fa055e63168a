import type { received_fi } from './received-fi.js';
import type { Strings } from '../strings.js';

// Strings of the staff's Received pages (sv). The fi file is the source of keys.
export const received_sv: Strings<typeof received_fi> = {
  nav: 'Inkomna',
  title: 'Inkomna meddelanden',
  intro:
    'Medborgarnas meddelanden till de tjänster vars meddelanden du handlägger. Obehandlade först, nyaste först.',
  filter: {
    legend: 'Visa',
    all: 'Alla',
    unhandled: 'Obehandlade',
    handled: 'Behandlade',
  },
  empty: 'Inga meddelanden.',
  listLabel: 'Inkomna meddelanden',
  paging: 'Sidor',
  page: 'Sida {{page}}',
  previous: 'Föregående sida',
  next: 'Nästa sida',
  sender: 'Avsändare',
  senderUnknown: 'Namnet är okänt',
  service: 'Tjänst',
  received: 'Inkommit',
  type: 'Typ av meddelande',
  handled: 'Behandlat',
  unhandled: 'Obehandlat',
  attachments: 'Bilagor: {{count}}',
  opened: {
    back: 'Inkomna meddelanden',
    details: 'Uppgifter om meddelandet',
    auditNote: 'Att meddelandet öppnas och bilagor laddas ned loggas (ändamål: handläggning av ärendet).',
    attachments: 'Bilagor ({{count}})',
    download: 'Ladda ned',
    thread: 'Konversation',
    fromCitizen: 'Från medborgaren',
    toCitizen: 'Från organisationen',
    current: '(detta meddelande)',
    markHandled: 'Markera som behandlat',
    markUnhandled: 'Återställ som obehandlat',
  },
  reply: {
    heading: 'Svara i samma konversation',
    intro:
      'Svaret syns i medborgarens e-tjänstkonto i detta meddelandes konversation. Medborgaren kan svara på det.',
    title: 'Rubrik',
    body: 'Meddelande',
    submit: 'Skicka svaret',
    titlePrefix: 'Sv: {{title}}',
    errorsHeading: 'Svaret skickades inte. Rätta följande',
    problems: {
      titleRequired: 'Skriv en rubrik.',
      titleTooLong: 'Rubriken är för lång (högst 256 tecken).',
      titleDeceptive: 'Rubriken innehåller tecken som skulle visa texten som något annat än den är.',
      bodyRequired: 'Skriv ett meddelande.',
      bodyTooLong: 'Meddelandet är för långt (högst 40 000 tecken).',
      bodyDeceptive: 'Meddelandet innehåller tecken som skulle visa texten som något annat än den är.',
      noMailbox:
        'Medborgaren har inte längre ett e-tjänstkonto i bruk, så svaret kan inte skickas elektroniskt.',
      serviceInactive:
        'Tjänsten som meddelandet skickades till är inte längre i bruk, så det går inte att svara i dess namn.',
    },
  },
  notice: {
    sent: 'Svaret har skickats.',
    handled: 'Meddelandet har markerats som behandlat.',
    unhandled: 'Meddelandet har återställts som obehandlat.',
  },
};
