import type { public_fi } from './fi.js';
import type { Strings } from '../strings.js';

// Strings of the public pages (sv).
export const public_sv: Strings<typeof public_fi> = {
  breadcrumbs: { label: 'Brödsmulor', home: 'Startsida' },
  nav: {
    label: 'Kontots sidor',
    about: 'Bekanta dig med kontot',
    catalogue: 'Tjänster som anslutits till kontot',
    faq: 'Vanliga frågor',
    support: 'Stöd och rådgivning',
    feedback: 'Respons',
    privacy: 'Dataskyddsbeskrivning',
    terms: 'Användarvillkor',
    accessibility: 'Tillgänglighetsutlåtande',
    sitemap: 'Webbplatskarta',
    index: 'A–Ö-register',
    login: 'Identifiering',
  },
  catalogue: {
    title: 'Tjänster som anslutits till kontot',
    intro:
      'Beslut och delgivningar från dessa organisationer kan du få till ditt konto i stället för per post. En del av tjänsterna tar också emot meddelanden via kontot.',
    searchTitle: 'Sök en e-tjänst eller blankett',
    searchHint:
      'När du vill börja uträtta ärenden, sök en e-tjänst eller en blankett att skriva ut. Sök med namnet på tjänsten, kommunen eller organisationen eller med ett ämne, till exempel dagvård.',
    searchLabel: 'Sökord',
    searchButton: 'Sök',
    results: 'Sökresultat för ”{{query}}”: {{count}}',
    noResults:
      'Sökningen ”{{query}}” gav inga tjänster. Kontrollera sökorden eller bläddra bland alla tjänster.',
    corrected: 'Med tanke på skrivfel söktes också nästan likadant skrivna ord: {{words}}.',
    showAll: 'Visa alla tjänster',
    allTitle: 'Alla tjänster per organisation',
    empty: 'Inga tjänster har ännu anslutits till kontot.',
    municipality: 'Kommun: {{name}}',
    organisation: 'Organisation: {{name}}',
    eService: 'Gå till e-tjänsten',
    forms: 'Blanketter att skriva ut',
    acceptsMessages: 'Tar emot meddelanden via kontot',
    noMessages: 'Tar inte emot meddelanden via kontot',
    tooLong: 'Sökorden är för långa. Använd högst 200 tecken.',
  },
  about: {
    title: 'Bekanta dig med kontot',
    intro:
      'Medborgarens ärendekonto är ett datasäkert sätt att få myndigheternas meddelanden och beslut i stället för brev och vanlig e-post. Känsliga och sekretessbelagda personuppgifter får inte skickas med vanlig e-post; på kontot är de skyddade.',
    canTitle: 'Vad du kan göra på kontot',
    can1: 'Du får meddelanden, beslut och delgivningar som är riktade till dig.',
    can2: 'Du kan inleda ansökningar, utredningar, rättelseyrkanden och andra anmälningar och meddelanden.',
    can3: 'Du kan använda tjänsterna från de offentliga organisationer som anslutits till kontot.',
    stepsTitle: 'Så här tar jag kontot i bruk',
    step1: 'Jag identifierar mig med bankkoder, mobilcertifikat eller elektroniskt identitetskort.',
    step2: 'Jag sparar mina uppgifter och kontaktuppgifter på kontot för att få besked om nya meddelanden.',
    step3: 'Jag godkänner kontots användarvillkor och skapar kontot.',
    step4:
      'Jag meddelar den enhet som betjänar mig att handlingar och meddelanden som gäller mig får skickas till mitt konto. Jag kan också meddela det per telefon.',
    start: 'Ta kontot i bruk',
    stopTitle: 'Att sluta använda kontot',
    stop: 'Du kan sluta använda kontot när som helst. Därefter får du alla beslut om dina ärenden per post igen.',
    responsibleTitle: 'Vem ansvarar för kontot',
    responsible:
      'Statens center för informations- och kommunikationsteknik Valtori ansvarar för kontot. Den myndighet som skickade ett meddelande eller beslut ansvarar för dess innehåll.',
  },
  faq: {
    title: 'Vanliga frågor',
    whoTitle: 'Vem kan ta kontot i bruk?',
    who: 'Alla som har en finsk personbeteckning och egna verktyg för stark elektronisk identifiering (bankkoder, mobilcertifikat eller elektroniskt identitetskort). Kontot är alltid personligt.',
    notForTitle: 'Kan jag öppna ett konto för min make, maka eller mitt barn?',
    notFor:
      'Nej. Ett konto kan bara skapas för den person som identifieringsverktygen tillhör. Med gemensamma bankkoder kan man inte skapa ett konto för sin make eller maka, och man kan inte skapa konton för sina barn.',
    closeTitle: 'Vad händer när jag slutar använda kontot?',
    close:
      'Myndigheterna skickar dig beslut och andra handlingar per post igen. Påminnelserna upphör. Du kan ta kontot i bruk igen senare.',
    remindersTitle: 'Hur får jag veta att ett nytt meddelande har kommit?',
    reminders:
      'När du anger din e-postadress eller ditt finska mobilnummer får du en påminnelse om nya meddelanden. Påminnelsen innehåller inga uppgifter om själva meddelandet. Om ett oläst meddelande påminns igen efter 7 dagar, om ett meddelande som kräver kvittering efter 3 dagar, om inte avsändaren valt annat. Påminnelserna är avgiftsfria.',
    paperTitle: 'Får jag fortfarande brev?',
    paper:
      'Beslut och delgivningar från tjänster som anslutits till kontot kommer till kontot i stället för per post. Andra myndigheter kan fortsätta skicka brev. Om ett meddelande som kräver kvittering inte kvitteras inom 7 dagar skickar myndigheten det per post.',
    verifiableTitle: 'Vad är bevislig delgivning och när anses ett meddelande mottaget?',
    verifiable:
      'Innehållet i ett meddelande med bevislig delgivning öppnas när du kvitterar det som mottaget; delfåendedagen är kvitteringsdagen. Ett vanligt elektroniskt meddelande anses mottaget den tredje dagen efter att det skickades, om inte något annat visas. Ett vanligt brev anses mottaget den sjunde dagen efter att det skickades. Tidsfrister, som 14 dagar för rättelseyrkande, räknas från delfåendet.',
    securityTitle: 'Är det tryggt att använda kontot?',
    security:
      'Ja. Förbindelsen till kontot är krypterad, och meddelanden och bilagor lagras krypterade. Alla uppgifter och handlingar om dig syns bara för dig och lämnas inte ut vidare. Logga ut när du är klar, särskilt på en delad enhet.',
    abroadTitle: 'Kan jag använda kontot utomlands?',
    abroad:
      'Ja, om dina identifieringsverktyg fungerar utomlands. Påminnelser per sms kan bara skickas till finska mobilabonnemang, så utomlands lönar det sig att använda påminnelse per e-post.',
  },
  support: {
    title: 'Stöd och rådgivning',
    intro: 'Välj stöd enligt vad du behöver.',
    ownTitle: 'Kontots användarstöd',
    own: 'Tfn 050 570 1389. Stödet betjänar vardagar kl. 9.00–16.00. Kontakta oss om inloggningen, påminnelserna eller kontots funktioner inte fungerar.',
    adviceTitle: 'Kontots tekniska användarstöd och Medborgarrådgivningen',
    advice:
      'Medborgarrådgivningen hjälper dig att använda kontot och andra offentliga e-tjänster och berättar vilken myndighet du ska kontakta i ditt ärende. Tfn 0295 000 (mån–fre 8–21, lör 9–15).',
    casesTitle: 'Frågor om beslut och meddelanden',
    cases:
      'Den myndighet som skickade meddelandet eller beslutet ansvarar för innehållet. Kontakta kontaktpersonen som nämns i meddelandet, eller svara på meddelandet om svar är tillåtna.',
    feedbackTitle: 'Respons',
    feedback: 'Du kan ge respons om kontot med responsblanketten.',
  },
  privacy: {
    title: 'Dataskyddsbeskrivning',
    intro:
      'Här beskrivs hur Medborgarens ärendekonto behandlar dina personuppgifter (EU:s allmänna dataskyddsförordning, artiklarna 13 och 14).',
    controllerTitle: 'Personuppgiftsansvarig',
    controller:
      'Statens center för informations- och kommunikationsteknik Valtori ansvarar för kontot. Den myndighet som skickade ett meddelande ansvarar för dess innehåll och för sina egna register.',
    purposesTitle: 'Ändamål med behandlingen',
    purposes:
      'Att leverera myndigheters meddelanden, beslut och delgivningar elektroniskt till dig, dina meddelanden till myndigheter, påminnelser om nya meddelanden, att verifiera delfående samt tjänstens säkerhet och utredning av missbruk.',
    basisTitle: 'Rättslig grund för behandlingen',
    basis:
      'Att fullgöra en lagstadgad uppgift och utöva offentlig makt (dataskyddsförordningen artikel 6.1 c och e; lagen om elektronisk kommunikation i myndigheternas verksamhet 13/2003). Kontaktuppgifterna för påminnelser behandlas eftersom du själv ger dem.',
    categoriesTitle: 'Uppgifter som behandlas',
    categories:
      'Namn och personbeteckning (från befolkningsdatasystemet vid identifieringen), e-postadress och mobilnummer (om du anger dem), ärendespråk, meddelanden och bilagor, meddelandenas status (läst, kvitterat) samt loggar över inloggningar och behandling av uppgifter.',
    retentionTitle: 'Lagringstider',
    retentionDeleted: 'Raderade meddelanden kan återställas i {{days}} dagar, därefter raderas de.',
    retentionDelivery: 'Leveransuppgifter om påminnelser och brev raderas {{days}} dagar efter leveransen.',
    retentionAudit: 'Loggar över behandling av uppgifter sparas i {{days}} dagar.',
    retentionSession:
      'Inloggningen upphör efter {{idle}} minuter utan aktivitet och senast efter {{hours}} timmar.',
    retentionFeedback: 'Respons raderas {{days}} dagar efter att den kommit in.',
    recipientsTitle: 'Mottagare av uppgifterna',
    recipients:
      'Uppgifterna lämnas inte ut vidare. Den myndighet som skickade ett meddelande får veta när det lästs och kvitterats och får de meddelanden du skickar till den. Tjänsten för utskrift och distribution av brev får adressen när ett meddelande måste skickas per post.',
    rightsTitle: 'Dina rättigheter',
    rights:
      'Du har rätt att få tillgång till dina uppgifter, att få felaktiga uppgifter rättade, att begränsa behandlingen och att lämna klagomål till dataombudsmannens byrå. Du kan ändra dina kontaktuppgifter i kontots inställningar och sluta använda kontot när som helst.',
    contactTitle: 'Kontakt',
    contact: 'Frågor om dataskydd kan du skicka med responsblanketten eller ställa till användarstödet.',
  },
  feedback: {
    title: 'Respons',
    intro:
      'Berätta hur vi kan förbättra kontot. Skriv inte din personbeteckning eller innehållet i meddelanden i responsen. Vi svarar på respons om tillgänglighet inom 14 dagar.',
    topic: 'Responsens ämne',
    topicService: 'Användningen av kontot',
    topicAccessibility: 'Tillgänglighet',
    topicContent: 'Sidornas innehåll',
    topicOther: 'Annan respons',
    message: 'Respons',
    messageHint: 'Minst 10 och högst 4 000 tecken.',
    email: 'E-postadress (frivillig)',
    emailHint: 'Ange en adress om du vill ha svar.',
    trap: 'Lämna detta fält tomt',
    send: 'Skicka respons',
    errorSummary: 'Responsen kunde inte skickas',
    topicMissing: 'Välj ämne för responsen.',
    messageMissing: 'Skriv din respons.',
    messageTooShort: 'Skriv minst 10 tecken.',
    messageTooLong: 'Responsen är för lång. Använd högst 4 000 tecken.',
    emailInvalid: 'Kontrollera e-postadressen, till exempel namn@exempel.fi.',
    tooFast: 'Blanketten skickades ovanligt snabbt. Kontrollera uppgifterna och skicka responsen igen.',
    expired: 'Blanketten hann bli för gammal. Kontrollera uppgifterna och skicka responsen igen.',
    thanksTitle: 'Tack för din respons',
    thanks: 'Din respons har tagits emot.',
    again: 'Ge ny respons',
  },
  identification: {
    title: 'Identifiering',
    intro:
      'Du identifierar dig på kontot med bankkoder, mobilcertifikat eller elektroniskt identitetskort. Ett konto kan bara skapas för den person som identifieringsverktygen tillhör.',
    registerTitle: 'Uppgifter från befolkningsdatasystemet',
    register:
      'Vid identifieringen hämtas ditt namn och din e-postadress från befolkningsdatasystemet. Vilka uppgifter systemet har om dig kan du kontrollera i Myndigheten för digitalisering och befolkningsdatas tjänst:',
    ownData: 'Kontroll av egna uppgifter',
    consent:
      'Genom att identifiera dig godkänner du att uppgifter hämtas från befolkningsdatasystemet och används på kontot.',
    secureTitle: 'Skyddad förbindelse',
    secure:
      'Förbindelsen till kontot är skyddad med TLS-kryptering. Låset i webbläsarens adressfält visar att förbindelsen är krypterad. Genom att klicka på låset kan du kontrollera för vem webbplatsens certifikat har utfärdats. Identifiera dig inte om webbläsaren varnar för certifikatet.',
    start: 'Identifiera dig',
  },
  sitemap: {
    title: 'Webbplatskarta',
    publicTitle: 'Offentliga sidor',
    accountTitle: 'Kontot (efter identifiering)',
    inbox: 'Inkomna meddelanden',
    sent: 'Skickade meddelanden',
    deleted: 'Raderade meddelanden',
    newMessage: 'Nytt meddelande',
    settings: 'Inställningar',
  },
  index: {
    title: 'A–Ö-register',
    intro: 'Kontots ämnen i alfabetisk ordning.',
    lettersLabel: 'Begynnelsebokstäver',
    openAccount: 'Att ta kontot i bruk',
    closeAccount: 'Att sluta använda kontot',
    deemedReceipt: 'Delfåendedag',
    reminders: 'Påminnelser',
    paperMail: 'Brev per post',
    verifiable: 'Bevislig delgivning',
    abroad: 'Utomlands',
    security: 'Datasäkerhet',
    advice: 'Medborgarrådgivningen',
    identification: 'Identifiering',
    ownData: 'Kontroll av egna uppgifter',
    forms: 'Blanketter',
  },
};
