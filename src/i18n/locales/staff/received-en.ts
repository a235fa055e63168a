import type { received_fi } from './received-fi.js';
import type { Strings } from '../strings.js';

// Strings of the staff's Received pages (en). The fi file is the source of keys.
export const received_en: Strings<typeof received_fi> = {
  nav: 'Received',
  title: 'Received messages',
  intro: "Citizens' messages to the services you handle messages for. Not yet handled first, newest first.",
  filter: {
    legend: 'Show',
    all: 'All',
    unhandled: 'Not handled',
    handled: 'Handled',
  },
  empty: 'No messages.',
  listLabel: 'Received messages',
  paging: 'Pages',
  page: 'Page {{page}}',
  previous: 'Previous page',
  next: 'Next page',
  sender: 'Sender',
  senderUnknown: 'Name not known',
  service: 'Service',
  received: 'Received',
  type: 'Type of message',
  handled: 'Handled',
  unhandled: 'Not handled',
  attachments: 'Attachments: {{count}}',
  opened: {
    back: 'Received messages',
    details: 'Message details',
    auditNote:
      'Opening the message and downloading its attachments are logged (purpose: handling the matter).',
    attachments: 'Attachments ({{count}})',
    download: 'Download',
    thread: 'Conversation',
    fromCitizen: 'From the citizen',
    toCitizen: 'From the organisation',
    current: '(this message)',
    markHandled: 'Mark as handled',
    markUnhandled: 'Return to not handled',
  },
  reply: {
    heading: 'Reply in the same conversation',
    intro:
      "The reply appears in the citizen's account in this message's conversation. The citizen can reply to it.",
    title: 'Title',
    body: 'Message',
    submit: 'Send reply',
    titlePrefix: 'Re: {{title}}',
    errorsHeading: 'The reply was not sent. Correct the following',
    problems: {
      titleRequired: 'Write a title.',
      titleTooLong: 'The title is too long (at most 256 characters).',
      titleDeceptive: 'The title has characters that would show the text as something other than it is.',
      bodyRequired: 'Write a message.',
      bodyTooLong: 'The message is too long (at most 40,000 characters).',
      bodyDeceptive: 'The message has characters that would show the text as something other than it is.',
      noMailbox: 'The citizen no longer has an account in use, so the reply cannot be sent electronically.',
      serviceInactive:
        'The service the message was sent to is no longer in use, so no reply can be sent in its name.',
    },
  },
  notice: {
    sent: 'The reply has been sent.',
    handled: 'The message has been marked as handled.',
    unhandled: 'The message has been returned to not handled.',
  },
};
