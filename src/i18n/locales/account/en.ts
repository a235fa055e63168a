import type { account_fi } from './fi.js';
import type { Strings } from '../strings.js';

// Strings of the account pages (en). Owned by the account area; the fi file is the source of keys.
export const account_en: Strings<typeof account_fi> = {
  nav: {
    label: 'E-services account',
    signedInAs: 'Signed in: {{name}}',
    inbox: 'Inbox',
    sent: 'Sent',
    deleted: 'Deleted',
    newMessage: 'New message',
    settings: 'Settings',
    logout: 'Log out',
  },
  login: {
    unavailableTitle: 'Identification is not available',
    unavailable: 'Identification is not available right now. Please try again later.',
    failedTitle: 'Identification failed',
    failed: 'Identification failed or took too long. You can try again.',
    assuranceTitle: 'This identification method is not enough for this service',
    assurance:
      'The method you chose does not reach the level of assurance this service requires, so identification was stopped. Please identify again with another method, for example Mobile ID or a certificate card.',
    tryAgain: 'Identify again',
    backToStart: 'Back to the start page',
  },
  logout: {
    title: 'You have logged out',
    text: 'Your session has ended. If you used a shared computer, close the browser as well.',
    loginAgain: 'Log in again',
  },
  idp: {
    title: 'Identification',
    testNotice:
      'This is a test identification service, used only for testing and demonstrations. The personal identity code of a person in the population register is enough to identify.',
    intro:
      'You identify to the e-services account with online banking codes, a mobile certificate or an electronic ID card.',
    ownOnly:
      'With banking codes, an account can be created only for the person whose codes they are. Shared banking codes cannot be used to create an account for a spouse, and nobody can create an account for their children.',
    chooseMethod: 'Choose an identification method',
    banks: 'Online banking codes',
    otherMethods: 'Other identification methods',
    mobile: 'Mobile certificate',
    card: 'Certificate card',
    chosenMethod: 'Identification method: {{method}}',
    identityCode: 'Personal identity code',
    identityCodeHint: 'In the form DDMMYY-NNNC, for example 010180-9026.',
    submit: 'Identify',
    cancel: 'Cancel',
    changeMethod: 'Choose another identification method',
    identityCodeInvalid: 'Check the personal identity code. Give it in the form DDMMYY-NNNC.',
    identityCodeUnknown:
      'No person with this personal identity code was found in the population information system.',
    support: 'E-services account support: tel. 050 570 1389, weekdays 9.00–16.00.',
    logoutTitle: 'Logging out',
    logoutText: 'Log out of the identification service as well.',
    logoutButton: 'Log out',
    loggedOut: 'You have logged out.',
    errorTitle: 'Identification service error',
    errorText:
      "The identification request was invalid or has expired. Start identifying again from the e-services account's start page.",
    backToService: 'Back to the e-services account',
  },
  form: {
    errorSummary: 'Please check the following:',
    required: 'required',
    requiredNote: 'Items marked with an asterisk (*) are required.',
    email: 'E-mail address',
    emailHint: 'For example name@example.fi',
    emailNotify: 'Notify me of new messages in the e-services account by e-mail',
    mobile: 'Mobile phone number',
    mobileHint: 'Finnish mobile numbers only, for example +358 50 1234567 or 050 1234567.',
    smsNotify: 'Notify me of new messages in the e-services account by text message',
    emailInvalid: 'Check the e-mail address. Give it in the form name@example.fi.',
    emailRequired: 'Give an e-mail address if you want to be notified of new messages by e-mail.',
    mobileInvalid:
      'Give a Finnish mobile number, for example +358 50 1234567. Notifications can only be sent to Finnish mobile subscriptions.',
    mobileRequired: 'Give a mobile number if you want to be notified of new messages by text message.',
    termsRequired: 'Accept the terms of use to create the e-services account.',
    languageInvalid: 'Choose a language.',
  },
  open: {
    title: 'Your details and reminders',
    intro: 'Reminders let you know when you have new messages in your e-services account.',
    contactIntro:
      'Turn on reminders by entering your e-mail address and mobile number. Your e-mail address was fetched from the population information system when you identified, if it was available. You can change the e-mail address used in the e-services account. An address changed here is not saved to the population information system.',
    reminders:
      'The e-services account sends you a reminder when there is a new message. Your contact details are not used for anything else and are not disclosed to anyone. You will receive a welcome message when you create the account. Reminders can only be sent to Finnish mobile subscriptions. Reminders are free of charge.',
    optional:
      'If you do not want reminders of new messages, you do not need to fill in an e-mail address or phone number.',
    importance:
      "Following the messages and documents in your account is important, as this is where you receive authorities' decisions concerning you. Reminders make it easy. You are notified of new messages by e-mail and text message. The reminder contains no information about the message itself or the documents an authority sent you.",
    registerConsent:
      'Your name, date of birth and e-mail address were fetched from the population information system with the consent you gave when you identified.',
    personalDetails: 'Your details',
    contactDetails: 'Contact details and reminders',
    name: 'Name',
    birthDate: 'Date of birth',
    termsBefore: 'I accept the',
    termsLink: 'terms of use of the e-services account',
    footnote:
      'Based on the contact details you give, you are notified of events in your e-services account. The notification only says that something happened, not what it contains.',
    cancel: 'Cancel',
    cancelNote: 'If you cancel, no account is created, nothing you entered is saved and you are signed out.',
    cancelReopenNote: 'If you cancel, the account stays closed. You can still read your old messages.',
    submit: 'Create e-services account',
    reopenTitle: 'Start using the e-services account again',
    reopenNotice:
      'You have previously stopped using the e-services account. You can start using it again with this form.',
    oldMessages: 'Read your old messages',
  },
  refusal: {
    title: 'The e-services account cannot be opened',
    deceased:
      'According to the population information system, the person has died. An account cannot be opened.',
    notInRegister:
      'Your details were not found in the population information system, so an account cannot be opened.',
    minor:
      'Only an adult can open an e-services account, and only for themselves. An account cannot be opened for a minor, and a guardian cannot open one on behalf of their child.',
    contact: 'If you think the details are wrong, contact the e-services account support.',
    nothingStored: 'None of your details were saved in the e-services account.',
  },
  settings: {
    title: 'Settings',
    intro: 'You can change your contact details, reminders and language.',
    contactTitle: 'Contact details and reminders',
    languageTitle: 'Language',
    languageHint: "The account's pages and its own messages are shown in the language you choose.",
    save: 'Save changes',
    saved: 'Your changes have been saved.',
    accountTitle: 'E-services account',
    openedAt: 'Account opened: {{date}}',
    termsAccepted: 'Accepted terms of use: version {{version}} ({{date}})',
    consentsTitle: 'Consents recorded by organisations',
    consentsIntro:
      'These organisations have recorded your consent to send documents and messages concerning you to your account. You can withdraw a consent at any time. The organisation sees the withdrawal.',
    consentsPaper: 'When you withdraw a consent, you get that organisation’s documents by post again.',
    consentGiven: 'Consent given {{date}} {{channel}}',
    consentChannel: {
      paper: 'on a paper form',
      phone: 'by phone',
      in_person: 'in person',
    },
    consentInForce: 'In force',
    consentWithdrawnOn: 'Withdrawn {{date}}',
    consentWithdraw: 'Withdraw consent',
    consentWithdrawnNotice: 'The consent has been withdrawn.',
    closeTitle: 'Stop using the e-services account',
    closeIntro:
      'You can stop using the e-services account at any time. After that, you will receive all decisions concerning you by post again.',
    closeLink: 'Stop using the e-services account',
  },
  close: {
    title: 'Stop using the e-services account',
    paperMail:
      'When you stop using the e-services account, you will receive all decisions and notices concerning you by post again.',
    noNewMessages:
      'Authorities can no longer send messages to your account, and you will not receive reminders.',
    oldMessages:
      'Your old messages are kept, and you can still read them by identifying. You can start using the account again at any time.',
    question: 'Do you really want to stop using the e-services account?',
    confirm: 'Stop using the e-services account',
    cancel: 'Cancel',
    doneTitle: 'You have stopped using the e-services account',
    done: 'You have stopped using the e-services account. From now on, you will receive decisions by post.',
  },
  terms: {
    title: 'Terms of use and privacy notice of the e-services account',
    version: 'Terms of use version {{version}}, in force from {{date}}.',
    serviceTitle: 'The service',
    service:
      'The e-services account is your personal electronic mailbox. Authorities connected to it can send you decisions, notices and other messages electronically instead of by post. Some authorities also receive messages through the account.',
    useTitle: 'Starting and stopping use',
    use: 'Only an adult can start using an e-services account, for themselves, after strong identification. An account cannot be opened for anyone else, such as a spouse or a child. You can stop using the account at any time, after which you receive decisions by post again.',
    receiptTitle: 'Receiving messages',
    receipt:
      'An ordinary electronic notice is deemed received on the third day after the message was sent, unless shown otherwise. A verifiable notice is deemed received when you acknowledge it. Follow your account regularly.',
    remindersTitle: 'Reminders',
    reminders:
      'If you give your e-mail address or mobile number, you are notified of new messages. The reminder contains nothing about the message itself. A missing reminder does not change when a message is deemed received.',
    privacyTitle: 'Privacy',
    privacy:
      'The e-services account processes your name, personal identity code, contact details and the messages sent to you. Your name and e-mail address are fetched from the population information system with your consent. The data is used only to provide the account and is not disclosed to anyone. Messages and attachments are stored encrypted.',
    changesTitle: 'Changes to the terms of use',
    changes:
      'The terms of use may change. A new version comes into force on the date announced, and you are asked to accept it the next time you sign in to the account. If you do not accept the new terms, you can stop using the account, and you will again receive decisions by post.',
  },
  termsChanged: {
    title: 'The terms of use have changed',
    intro: 'The terms of use of the account have changed. Accept the new terms to go on using the account.',
    accepted: 'You have accepted version {{version}} of the terms of use.',
    current: 'The new version {{version}} is in force from {{date}}.',
    changesTitle: 'What has changed',
    changes:
      'A section on changes to the terms has been added: a new version is asked for at your next sign-in, and if you do not accept it you can stop using the account.',
    readTerms: 'Read the full terms of use',
    acceptLabel: 'I accept the terms of use of the account (version {{version}})',
    required: 'Accept the new terms of use to go on using the account.',
    outdated: 'The terms of use changed while the page was open. Read and accept the version now in force.',
    submit: 'Accept and continue',
    otherChoicesTitle: 'If you do not accept the new terms',
    otherChoices:
      'You can stop using the account, and you will receive decisions by post, or log out and decide later.',
    close: 'Stop using the account',
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      "This accessibility statement covers the citizen's pages of the e-services account. The service is subject to the Act on the Provision of Digital Services (306/2019), which requires public online services to be accessible.",
    statusTitle: 'Compliance status',
    status:
      'The service meets the level A and AA requirements of WCAG 2.1. The pages work without JavaScript, with a keyboard and a screen reader, text can be enlarged, and the pages can be read on a screen 320 pixels wide.',
    featuresTitle: 'Features that support accessibility',
    features:
      'Every page has a link straight to the content, a language choice (Finnish, Swedish, English) and a text size choice. Form errors are shown next to the field and gathered at the top of the page.',
    feedbackTitle: 'Feedback',
    feedback:
      'If you notice an accessibility problem in the service, tell the e-services account support. We answer within 14 days.',
    supervisionTitle: 'Supervisory authority',
    supervision:
      'If you are not satisfied with the answer, or get no answer within 14 days, you can report it to the Regional State Administrative Agency for Southern Finland (webbtillganglighet.fi).',
    updated: 'This statement was prepared on {{date}}.',
  },
};
