import type { dashboard_fi } from './fi.js';
import type { Strings } from '../strings.js';

// Strings of the staff dashboard (en).
export const dashboard_en: Strings<typeof dashboard_fi> = {
  title: 'Dashboard',
  organisation: 'Organisation: {{name}}',
  today: 'Situation on {{date}}',
  summary: {
    heading: 'Summary',
    sent: 'Messages sent',
    readRate: 'Read',
    acknowledgedRate: 'Verifiable messages acknowledged',
    waiting: 'Citizens’ messages waiting',
    failedDeliveries: 'Failed deliveries',
    rate: '{{percent}} ({{numerator}}/{{denominator}})',
    noRate: 'no messages',
  },
  stages: {
    heading: 'Messages by state',
    stage: 'State',
    count: 'Messages',
    accepted: 'Accepted, awaiting delivery',
    available: 'In the mailbox, unread',
    read: 'Read',
    acknowledged: 'Receipt acknowledged',
    onPaper: 'Sent as a paper letter',
    failed: 'Delivery failed',
  },
  channels: {
    heading: 'Messages by channel',
    channel: 'Channel',
    electronic: 'Electronic',
    paper: 'Paper',
  },
  services: {
    heading: 'By service',
    service: 'Service',
    none: 'You have no services to show.',
  },
  daily: {
    heading: 'Messages sent per day',
    title: 'Messages to citizens per day, {{from}}–{{to}}',
    description:
      'Bar chart of 30 days. {{total}} messages in total; the most, {{busiest}} messages, on {{busiestDate}}. The same numbers are in the table.',
    descriptionEmpty: 'Bar chart of 30 days. No messages were sent in the period.',
    date: 'Day',
    count: 'Messages',
    fromCitizens: 'Citizens sent {{count}} messages in the period.',
  },
};
