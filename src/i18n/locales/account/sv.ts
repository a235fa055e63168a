import type { account_fi } from './fi.js';
import type { Strings } from '../strings.js';

// Strings of the account pages (sv). Owned by the account area; the fi file is the source of keys.
export const account_sv: Strings<typeof account_fi> = {
  nav: {
    label: 'Ärendekonto',
    signedInAs: 'Inloggad: {{name}}',
    inbox: 'Inkorg',
    sent: 'Skickade',
    deleted: 'Raderade',
    newMessage: 'Nytt meddelande',
    settings: 'Inställningar',
    logout: 'Logga ut',
  },
  login: {
    unavailableTitle: 'Identifieringen är inte tillgänglig',
    unavailable: 'Identifieringen är inte tillgänglig just nu. Försök igen senare.',
    failedTitle: 'Identifieringen misslyckades',
    failed: 'Identifieringen misslyckades eller tiden för den gick ut. Du kan försöka igen.',
    assuranceTitle: 'Identifieringsmetoden räcker inte för den här tjänsten',
    assurance:
      'Den identifieringsmetod du valde uppfyller inte den tillitsnivå som tjänsten kräver, så identifieringen avbröts. Identifiera dig på nytt med en annan metod, till exempel mobilcertifikat eller certifikatkort.',
    tryAgain: 'Identifiera dig igen',
    backToStart: 'Tillbaka till startsidan',
  },
  logout: {
    title: 'Du har loggat ut',
    text: 'Din session har avslutats. Om du använde en gemensam dator, stäng också webbläsaren.',
    loginAgain: 'Logga in igen',
  },
  idp: {
    title: 'Identifiering',
    testNotice:
      'Det här är en testidentifieringstjänst som endast används för test och demonstration. För att identifiera dig räcker personbeteckningen för en person i befolkningsdatasystemet.',
    intro:
      'Du identifierar dig för ärendekontot med bankkoder, mobilcertifikat eller elektroniskt identitetskort.',
    ownOnly:
      'Med bankkoder kan ett ärendekonto skapas endast för den person i vars namn bankkoderna är. Med gemensamma bankkoder kan man inte skapa ett konto för sin make eller maka. Man kan inte heller skapa ett konto för sina barn.',
    chooseMethod: 'Välj identifieringssätt',
    banks: 'Bankkoder',
    otherMethods: 'Andra identifieringssätt',
    mobile: 'Mobilcertifikat',
    card: 'Certifikatkort',
    chosenMethod: 'Identifieringssätt: {{method}}',
    identityCode: 'Personbeteckning',
    identityCodeHint: 'I formen DDMMÅÅ-NNNK, till exempel 010180-9026.',
    submit: 'Identifiera dig',
    cancel: 'Avbryt',
    changeMethod: 'Välj ett annat identifieringssätt',
    identityCodeInvalid: 'Kontrollera personbeteckningen. Ange den i formen DDMMÅÅ-NNNK.',
    identityCodeUnknown: 'Ingen person med personbeteckningen hittades i befolkningsdatasystemet.',
    support: 'Användarstöd för ärendekontot: tfn 050 570 1389, vardagar kl. 9.00–16.00.',
    logoutTitle: 'Utloggning',
    logoutText: 'Logga ut också från identifieringstjänsten.',
    logoutButton: 'Logga ut',
    loggedOut: 'Du har loggats ut.',
    errorTitle: 'Fel i identifieringstjänsten',
    errorText:
      'Begäran om identifiering var felaktig eller föråldrad. Börja identifieringen på nytt från ärendekontots startsida.',
    backToService: 'Tillbaka till ärendekontot',
  },
  form: {
    errorSummary: 'Kontrollera följande:',
    required: 'obligatorisk',
    requiredNote: 'Punkter märkta med en asterisk (*) är obligatoriska.',
    email: 'E-postadress',
    emailHint: 'Till exempel namn@exempel.fi',
    emailNotify: 'Meddela mig om nya meddelanden i ärendekontot per e-post',
    mobile: 'Mobiltelefonnummer',
    mobileHint: 'Endast finländska mobilnummer, till exempel +358 50 1234567 eller 050 1234567.',
    smsNotify: 'Meddela mig om nya meddelanden i ärendekontot per sms',
    emailInvalid: 'Kontrollera e-postadressen. Ange den i formen namn@exempel.fi.',
    emailRequired: 'Ange en e-postadress om du vill bli meddelad om nya meddelanden per e-post.',
    mobileInvalid:
      'Ange ett finländskt mobilnummer, till exempel +358 50 1234567. Påminnelser kan endast skickas till finländska mobilabonnemang.',
    mobileRequired: 'Ange ett mobilnummer om du vill bli meddelad om nya meddelanden per sms.',
    termsRequired: 'Godkänn användarvillkoren för att skapa ett ärendekonto.',
    languageInvalid: 'Välj kontaktspråk.',
  },
  open: {
    title: 'Egna uppgifter och påminnelser',
    intro: 'Med påminnelser vet du när du har nya meddelanden i ärendekontot.',
    contactIntro:
      'Ta påminnelser i bruk genom att ange din e-postadress och ditt mobilnummer. Din e-postadress har hämtats från befolkningsdatasystemet i samband med identifieringen, om den fanns tillgänglig. Du kan ändra den e-postadress som används i ärendekontot. En e-postadress som ändras i ärendekontot sparas inte i befolkningsdatasystemet.',
    reminders:
      'Ärendekontot skickar dig en påminnelse när det finns ett nytt meddelande. Dina kontaktuppgifter används inte till något annat och lämnas inte ut. Du får ett välkomstmeddelande när du skapar kontot. Påminnelser kan endast skickas till finländska mobilabonnemang. Påminnelserna är avgiftsfria för dig.',
    optional:
      'Om du inte vill ha påminnelser om nya meddelanden behöver du inte fylla i e-postadress eller telefonnummer.',
    importance:
      'Det är viktigt att följa med meddelanden och handlingar i ärendekontot, eftersom du här får myndigheternas beslut som gäller dig. Påminnelser gör det lätt. Du får information om nya meddelanden per e-post och sms. Påminnelsen innehåller inga uppgifter om själva meddelandet eller de handlingar som myndigheten har skickat dig.',
    registerConsent:
      'Ditt namn, ditt födelsedatum och din e-postadress har hämtats från befolkningsdatasystemet med det samtycke du gav när du identifierade dig.',
    personalDetails: 'Egna uppgifter',
    contactDetails: 'Kontaktuppgifter och påminnelser',
    name: 'Namn',
    birthDate: 'Födelsedatum',
    termsBefore: 'Jag godkänner',
    termsLink: 'användarvillkoren för ärendekontot',
    footnote:
      'Utifrån de kontaktuppgifter du anger får du meddelanden om händelser i ditt ärendekonto. Meddelandet innehåller endast information om händelsen, inte dess innehåll.',
    cancel: 'Avbryt',
    cancelNote: 'Om du avbryter skapas inget ärendekonto, dina uppgifter sparas inte och du loggas ut.',
    cancelReopenNote:
      'Om du avbryter förblir ärendekontot stängt. Du kan fortfarande läsa dina gamla meddelanden.',
    submit: 'Skapa ärendekonto',
    reopenTitle: 'Ta ärendekontot i bruk igen',
    reopenNotice:
      'Du har tidigare avslutat användningen av ärendekontot. Du kan ta kontot i bruk igen med det här formuläret.',
    oldMessages: 'Läs dina gamla meddelanden',
  },
  refusal: {
    title: 'Ett ärendekonto kan inte öppnas',
    deceased: 'Enligt befolkningsdatasystemet är personen avliden. Ett ärendekonto kan inte öppnas.',
    notInRegister:
      'Dina uppgifter hittades inte i befolkningsdatasystemet, så ett ärendekonto kan inte öppnas.',
    minor:
      'Endast en myndig person kan öppna ett ärendekonto för sig själv. Ett konto kan inte öppnas för en minderårig, och en vårdnadshavare kan inte öppna det för sitt barn.',
    contact: 'Om du anser att uppgifterna är felaktiga, kontakta ärendekontots användarstöd.',
    nothingStored: 'Dina uppgifter sparades inte i ärendekontot.',
  },
  settings: {
    title: 'Inställningar',
    intro: 'Du kan ändra dina kontaktuppgifter, påminnelser och kontaktspråk.',
    contactTitle: 'Kontaktuppgifter och påminnelser',
    languageTitle: 'Kontaktspråk',
    languageHint: 'Ärendekontots sidor och egna meddelanden visas på det språk du väljer.',
    save: 'Spara ändringarna',
    saved: 'Ändringarna har sparats.',
    accountTitle: 'Ärendekonto',
    openedAt: 'Ärendekontot togs i bruk: {{date}}',
    termsAccepted: 'Godkända användarvillkor: version {{version}} ({{date}})',
    consentsTitle: 'Samtycken som organisationer har registrerat',
    consentsIntro:
      'Dessa organisationer har registrerat ditt samtycke till att handlingar och meddelanden som gäller dig får skickas till ditt ärendekonto. Du kan när som helst återkalla samtycket. Organisationen ser att det har återkallats.',
    consentsPaper: 'När du återkallar samtycket får du organisationens handlingar per post igen.',
    consentGiven: 'Samtycke givet {{date}} {{channel}}',
    consentChannel: {
      paper: 'på pappersblankett',
      phone: 'per telefon',
      in_person: 'vid besök',
    },
    consentInForce: 'Gäller',
    consentWithdrawnOn: 'Återkallat {{date}}',
    consentWithdraw: 'Återkalla samtycket',
    consentWithdrawnNotice: 'Samtycket har återkallats.',
    closeTitle: 'Avsluta användningen av ärendekontot',
    closeIntro:
      'Du kan när som helst avsluta användningen av ärendekontot. Därefter får du alla beslut som gäller dina ärenden per post igen.',
    closeLink: 'Avsluta användningen av ärendekontot',
  },
  close: {
    title: 'Avsluta användningen av ärendekontot',
    paperMail:
      'När du avslutar användningen av ärendekontot får du alla beslut och delgivningar som gäller dina ärenden per post igen.',
    noNewMessages:
      'Myndigheterna kan inte längre skicka meddelanden till ditt ärendekonto, och du får inga påminnelser.',
    oldMessages:
      'Dina gamla meddelanden finns kvar och du kan fortfarande läsa dem genom att identifiera dig. Du kan ta kontot i bruk igen när som helst.',
    question: 'Vill du verkligen avsluta användningen av ärendekontot?',
    confirm: 'Avsluta användningen av ärendekontot',
    cancel: 'Avbryt',
    doneTitle: 'Användningen av ärendekontot har avslutats',
    done: 'Användningen av ärendekontot har avslutats. Du får i fortsättningen besluten per post.',
  },
  terms: {
    title: 'Användarvillkor och dataskyddsbeskrivning för ärendekontot',
    version: 'Användarvillkorens version {{version}}, gäller från och med {{date}}.',
    serviceTitle: 'Beskrivning av tjänsten',
    service:
      'Medborgarens ärendekonto är en personlig elektronisk postlåda. Myndigheter som anslutit sig till kontot kan skicka dig beslut, delgivningar och andra meddelanden elektroniskt i stället för per post. En del myndigheter tar också emot meddelanden via kontot.',
    useTitle: 'Ibruktagande och avslutande',
    use: 'Endast en myndig person kan ta ett ärendekonto i bruk för sig själv genom stark identifiering. Ett konto kan inte öppnas för någon annan, till exempel make, maka eller barn. Du kan när som helst avsluta användningen, och då får du besluten per post igen.',
    receiptTitle: 'Mottagande av meddelanden',
    receipt:
      'En vanlig elektronisk delgivning anses ha tagits emot den tredje dagen efter att meddelandet skickades, om inte något annat visas. En bevislig delgivning anses mottagen när du kvitterar den. Följ därför med ditt ärendekonto regelbundet.',
    remindersTitle: 'Påminnelser',
    reminders:
      'Om du anger din e-postadress eller ditt mobilnummer får du information om nya meddelanden. Påminnelsen innehåller inga uppgifter om själva meddelandet. En utebliven påminnelse påverkar inte tidpunkten då meddelandet anses mottaget.',
    privacyTitle: 'Dataskydd',
    privacy:
      'I ärendekontot behandlas ditt namn, din personbeteckning, dina kontaktuppgifter och de meddelanden som skickats till dig. Namn och e-postadress hämtas från befolkningsdatasystemet med ditt samtycke. Uppgifterna används endast för ärendekontot och lämnas inte ut. Meddelanden och bilagor lagras krypterade.',
    changesTitle: 'Ändring av användarvillkoren',
    changes:
      'Användarvillkoren kan ändras. En ny version träder i kraft den dag som meddelas, och du ombeds godkänna den nästa gång du loggar in på ärendekontot. Om du inte godkänner de nya villkoren kan du sluta använda ärendekontot, och då får du besluten som pappersbrev igen.',
  },
  termsChanged: {
    title: 'Användarvillkoren har ändrats',
    intro:
      'Ärendekontots användarvillkor har ändrats. Godkänn de nya användarvillkoren för att fortsätta använda ärendekontot.',
    accepted: 'Du har godkänt användarvillkorens version {{version}}.',
    current: 'Den nya versionen {{version}} gäller från och med {{date}}.',
    changesTitle: 'Vad har ändrats',
    changes:
      'Till användarvillkoren har lagts ett avsnitt om ändring av villkoren: godkännande av en ny version begärs vid nästa inloggning, och om du inte godkänner den kan du sluta använda ärendekontot.',
    readTerms: 'Läs hela användarvillkoren',
    acceptLabel: 'Jag godkänner ärendekontots användarvillkor (version {{version}})',
    required: 'Godkänn de nya användarvillkoren för att fortsätta använda ärendekontot.',
    outdated: 'Användarvillkoren ändrades medan sidan var öppen. Läs och godkänn den version som nu gäller.',
    submit: 'Godkänn och fortsätt',
    otherChoicesTitle: 'Om du inte godkänner de nya användarvillkoren',
    otherChoices:
      'Du kan sluta använda ärendekontot, och då får du besluten som pappersbrev, eller logga ut och bestämma dig senare.',
    close: 'Sluta använda ärendekontot',
  },
  accessibility: {
    title: 'Tillgänglighetsutlåtande',
    intro:
      'Detta tillgänglighetsutlåtande gäller medborgarens sidor i ärendekontot. Tjänsten omfattas av lagen om tillhandahållande av digitala tjänster (306/2019), som kräver att offentliga webbtjänster är tillgängliga.',
    statusTitle: 'Tillgänglighetsstatus',
    status:
      'Tjänsten uppfyller kraven på nivå A och AA i WCAG 2.1. Sidorna fungerar utan JavaScript, med tangentbord och skärmläsare, textstorleken kan förstoras och sidorna kan läsas på en 320 pixlar bred skärm.',
    featuresTitle: 'Funktioner som stöder tillgängligheten',
    features:
      'Varje sida har en länk direkt till innehållet, språkval (finska, svenska, engelska) och val av textstorlek. Fel i formulär visas vid fältet och samlade överst på sidan.',
    feedbackTitle: 'Respons',
    feedback:
      'Om du upptäcker brister i tillgängligheten, meddela ärendekontots användarstöd. Vi svarar inom 14 dagar.',
    supervisionTitle: 'Tillsynsmyndighet',
    supervision:
      'Om du inte är nöjd med svaret eller inte får något svar inom 14 dagar kan du göra en anmälan till Regionförvaltningsverket i Södra Finland (tillganglighetskrav.fi).',
    updated: 'Utlåtandet har utarbetats {{date}}.',
  },
};
