import type { dashboard_fi } from './fi.js';
import type { Strings } from '../strings.js';

// Strings of the staff dashboard (sv).
export const dashboard_sv: Strings<typeof dashboard_fi> = {
  title: 'Lägesöversikt',
  organisation: 'Organisation: {{name}}',
  today: 'Läget {{date}}',
  summary: {
    heading: 'Sammanfattning',
    sent: 'Skickade meddelanden',
    readRate: 'Lästa',
    acknowledgedRate: 'Kvitterade bevisligen delgivna',
    waiting: 'Meddelanden från medborgare väntar',
    failedDeliveries: 'Misslyckade leveranser',
    rate: '{{percent}} ({{numerator}}/{{denominator}})',
    noRate: 'inga meddelanden',
  },
  stages: {
    heading: 'Meddelanden enligt status',
    stage: 'Status',
    count: 'Meddelanden',
    accepted: 'Mottaget, väntar på leverans',
    available: 'I ärendekontot, oläst',
    read: 'Läst',
    acknowledged: 'Mottagandet kvitterat',
    onPaper: 'Skickat per pappersbrev',
    failed: 'Leveransen misslyckades',
  },
  channels: {
    heading: 'Meddelanden enligt kanal',
    channel: 'Kanal',
    electronic: 'Elektronisk',
    paper: 'Papper',
  },
  services: {
    heading: 'Per tjänst',
    service: 'Tjänst',
    none: 'Du har inga tjänster att visa.',
  },
  daily: {
    heading: 'Skickade meddelanden per dag',
    title: 'Meddelanden till medborgare per dag, {{from}}–{{to}}',
    description:
      'Stapeldiagram över 30 dagar. Sammanlagt {{total}} meddelanden; flest {{busiest}} meddelanden {{busiestDate}}. Samma siffror finns i tabellen.',
    descriptionEmpty: 'Stapeldiagram över 30 dagar. Inga meddelanden skickades under perioden.',
    date: 'Dag',
    count: 'Meddelanden',
    fromCitizens: 'Från medborgare kom {{count}} meddelanden under perioden.',
  },
};
