import type { public_fi } from './fi.js';
import type { Strings } from '../strings.js';

// Strings of the public pages (en).
export const public_en: Strings<typeof public_fi> = {
  breadcrumbs: { label: 'Breadcrumbs', home: 'Home' },
  nav: {
    label: 'Pages of the account',
    about: 'About the account',
    catalogue: 'Services connected to the account',
    faq: 'Frequently asked questions',
    support: 'Help and advice',
    feedback: 'Feedback',
    privacy: 'Privacy notice',
    terms: 'Terms of use',
    accessibility: 'Accessibility statement',
    sitemap: 'Site map',
    index: 'A–Z index',
    login: 'Identification',
  },
  catalogue: {
    title: 'Services connected to the account',
    intro:
      'You can receive the decisions and notices of these organisations in your account instead of by post. Some of the services also accept messages through the account.',
    searchTitle: 'Find an e-service or a form',
    searchHint:
      'To start dealing with a matter, find an e-service or a printable form. Search by the name of a service, municipality or organisation, or by a topic such as day care.',
    searchLabel: 'Search words',
    searchButton: 'Search',
    results: 'Results for “{{query}}”: {{count}}',
    noResults: 'No services found for “{{query}}”. Check the words or browse all services.',
    corrected: 'In case of a typing error, words spelled almost the same were searched too: {{words}}.',
    showAll: 'Show all services',
    allTitle: 'All services by organisation',
    empty: 'No services have been connected to the account yet.',
    municipality: 'Municipality: {{name}}',
    organisation: 'Organisation: {{name}}',
    eService: 'Go to the e-service',
    forms: 'Printable forms',
    acceptsMessages: 'Accepts messages through the account',
    noMessages: 'Does not accept messages through the account',
    tooLong: 'The search words are too long. Use at most 200 characters.',
  },
  about: {
    title: 'About the account',
    intro:
      'The e-services account is a secure way to receive messages and decisions from public authorities instead of letters and ordinary e-mail. Sensitive and confidential personal data must not be sent by ordinary e-mail; in the account it is protected.',
    canTitle: 'What you can do in the account',
    can1: 'You receive the messages, decisions and notices addressed to you.',
    can2: 'You can submit applications, clarifications, rectification requests and other notifications and messages.',
    can3: 'You can use the services of the public organisations connected to the account.',
    stepsTitle: 'How to start using the account',
    step1:
      'I identify myself with online banking codes, a mobile certificate or an electronic identity card.',
    step2: 'I save my details and contact details in the account so that I am told when a message arrives.',
    step3: 'I accept the terms of use and create the account.',
    step4:
      'I tell the office that serves me that documents and messages concerning me may be sent to my account. I can also tell them by phone.',
    start: 'Start using the account',
    stopTitle: 'Stopping',
    stop: 'You can stop using the account at any time. After that you receive all decisions about your matters by post again.',
    responsibleTitle: 'Who is responsible for the account',
    responsible:
      'The Government ICT Centre Valtori is responsible for the account. The authority that sent a message or decision is responsible for its content.',
  },
  faq: {
    title: 'Frequently asked questions',
    whoTitle: 'Who can start using the account?',
    who: 'Anyone with a Finnish personal identity code and their own means of strong electronic identification (online banking codes, a mobile certificate or an electronic identity card). The account is always personal.',
    notForTitle: 'Can I open an account for my spouse or my child?',
    notFor:
      'No. An account can only be created for the person the identification means belong to. Shared banking codes cannot be used to create an account for a spouse, and nobody can create accounts for their children.',
    closeTitle: 'What happens when I stop using the account?',
    close:
      'Authorities send you decisions and other documents by post again. Reminders stop. You can start using the account again later.',
    remindersTitle: 'How do I know a new message has arrived?',
    reminders:
      'When you give your e-mail address or a Finnish mobile number, you get a reminder of new messages. A reminder contains nothing about the message itself. An unread message is reminded of again after 7 days, one that needs acknowledging after 3 days, unless the sender chose otherwise. Reminders are free of charge.',
    paperTitle: 'Will I still get letters?',
    paper:
      'Decisions and notices of the services connected to the account come to the account instead of by post. Other authorities may still send letters. If a message that needs acknowledging is not acknowledged within 7 days, the authority delivers it by post.',
    verifiableTitle: 'What is verifiable service of notice, and when is a message deemed received?',
    verifiable:
      'A verifiable message opens when you acknowledge receiving it; the date of notice is the day you acknowledge it. An ordinary electronic message is deemed received on the third day after it was sent, unless shown otherwise. An ordinary letter is deemed received on the seventh day after it was sent. Time limits, such as the 14 days for a rectification request, run from the date of notice.',
    securityTitle: 'Is the account safe to use?',
    security:
      'Yes. The connection to the account is encrypted, and messages and attachments are stored encrypted. All data and documents about you are visible only to you and are not passed on. Log out when you are done, especially on a shared device.',
    abroadTitle: 'Can I use the account abroad?',
    abroad:
      'Yes, if your identification means work abroad. Text message reminders can only be sent to Finnish mobile subscriptions, so abroad an e-mail reminder works better.',
  },
  support: {
    title: 'Help and advice',
    intro: 'Choose the help that fits what you need.',
    ownTitle: 'The account’s user support',
    own: 'Tel. 050 570 1389. Support is open on weekdays from 9.00 to 16.00. Contact it if logging in, reminders or the account’s functions do not work.',
    adviceTitle: 'Technical user support and the Citizens’ Advice service',
    advice:
      'The Citizens’ Advice service (Kansalaisneuvonta) helps you use the account and other public e-services and tells you which authority to contact about your matter. Tel. 0295 000 (Mon–Fri 8–21, Sat 9–15).',
    casesTitle: 'Questions about decisions and messages',
    cases:
      'The authority that sent a message or decision is responsible for its content. Contact the person named in the message, or reply to it if replies are allowed.',
    feedbackTitle: 'Feedback',
    feedback: 'You can give feedback about the account with the feedback form.',
  },
  privacy: {
    title: 'Privacy notice',
    intro:
      'This notice explains how the e-services account processes your personal data (EU General Data Protection Regulation, Articles 13 and 14).',
    controllerTitle: 'Controller',
    controller:
      'The Government ICT Centre Valtori is responsible for the account. The authority that sent a message is responsible for its content and for its own registers.',
    purposesTitle: 'Purposes of processing',
    purposes:
      'Delivering authorities’ messages, decisions and notices to you electronically, your messages to authorities, reminders of new messages, proving the date of notice, and the security of the service and investigating misuse.',
    basisTitle: 'Legal basis',
    basis:
      'Compliance with a legal obligation and the exercise of official authority (GDPR Article 6(1)(c) and (e); Act on Electronic Services and Communication in the Public Sector 13/2003). Contact details for reminders are processed because you give them yourself.',
    categoriesTitle: 'Data processed',
    categories:
      'Name and personal identity code (from the population information system when you identify yourself), e-mail address and mobile number (if you give them), language, messages and attachments, message status (read, acknowledged) and logs of logins and of data processing.',
    retentionTitle: 'Retention periods',
    retentionDeleted: 'Deleted messages can be restored for {{days}} days; after that they are erased.',
    retentionDelivery: 'Delivery records of reminders and letters are erased {{days}} days after delivery.',
    retentionAudit: 'Logs of data processing are kept for {{days}} days.',
    retentionSession:
      'A login ends after {{idle}} minutes without activity and at the latest after {{hours}} hours.',
    retentionFeedback: 'Feedback is erased {{days}} days after it arrived.',
    recipientsTitle: 'Recipients',
    recipients:
      'Data is not passed on. The authority that sent a message learns when it was read and acknowledged, and receives the messages you send to it. The printing and distribution service for letters receives your address when a message must be delivered by post.',
    rightsTitle: 'Your rights',
    rights:
      'You have the right of access to your data, to have incorrect data rectified, to restrict processing and to lodge a complaint with the Office of the Data Protection Ombudsman. You can change your contact details in the account’s settings and stop using the account at any time.',
    contactTitle: 'Contact',
    contact: 'You can send questions about data protection with the feedback form or ask user support.',
  },
  feedback: {
    title: 'Feedback',
    intro:
      'Tell us how we could improve the account. Do not write your personal identity code or the content of messages in your feedback. We answer feedback on accessibility within 14 days.',
    topic: 'Topic',
    topicService: 'Using the account',
    topicAccessibility: 'Accessibility',
    topicContent: 'Content of the pages',
    topicOther: 'Other feedback',
    message: 'Feedback',
    messageHint: 'At least 10 and at most 4,000 characters.',
    email: 'E-mail address (optional)',
    emailHint: 'Give an address if you would like an answer.',
    trap: 'Leave this field empty',
    send: 'Send feedback',
    errorSummary: 'The feedback could not be sent',
    topicMissing: 'Choose a topic.',
    messageMissing: 'Write your feedback.',
    messageTooShort: 'Write at least 10 characters.',
    messageTooLong: 'The feedback is too long. Use at most 4,000 characters.',
    emailInvalid: 'Check the e-mail address, for example name@example.fi.',
    tooFast: 'The form was sent unusually fast. Check the details and send the feedback again.',
    expired: 'The form had expired. Check the details and send the feedback again.',
    thanksTitle: 'Thank you for your feedback',
    thanks: 'Your feedback has been received.',
    again: 'Give more feedback',
  },
  identification: {
    title: 'Identification',
    intro:
      'You identify yourself to the account with online banking codes, a mobile certificate or an electronic identity card. An account can only be created for the person the identification means belong to.',
    registerTitle: 'Data from the population information system',
    register:
      'When you identify yourself, your name and e-mail address are fetched from the population information system. You can check what the system holds about you in the service of the Digital and Population Data Services Agency:',
    ownData: 'Checking your own data',
    consent:
      'By identifying yourself you accept that data is fetched from the population information system and used in the account.',
    secureTitle: 'Secure connection',
    secure:
      'The connection to the account is protected with TLS encryption. The padlock in the browser’s address bar shows that the connection is encrypted. Click the padlock to check whom the site’s certificate was issued to. Do not identify yourself if the browser warns about the certificate.',
    start: 'Identify yourself',
  },
  sitemap: {
    title: 'Site map',
    publicTitle: 'Public pages',
    accountTitle: 'The account (after identification)',
    inbox: 'Inbox',
    sent: 'Sent messages',
    deleted: 'Deleted messages',
    newMessage: 'New message',
    settings: 'Settings',
  },
  index: {
    title: 'A–Z index',
    intro: 'Topics of the account in alphabetical order.',
    lettersLabel: 'Initial letters',
    openAccount: 'Starting to use the account',
    closeAccount: 'Stopping using the account',
    deemedReceipt: 'Date of notice',
    reminders: 'Reminders',
    paperMail: 'Paper mail',
    verifiable: 'Verifiable service of notice',
    abroad: 'Abroad',
    security: 'Security',
    advice: 'Citizens’ Advice',
    identification: 'Identification',
    ownData: 'Checking your own data',
    forms: 'Forms',
  },
};
