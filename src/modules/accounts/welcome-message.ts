/**
 * The welcome message every new (or reopened) account receives, from the service itself, in the
 * person's language. Plain text; stored encrypted like any other message. The sender's names are
 * the service's name in each language (`meta.serviceName` of the locales; a unit test keeps them equal).
 */
export const systemSender = {
  businessId: '9990008-3',
  nameFi: 'Kansalaisen asiointitili',
  nameSv: 'Medborgarens ärendekonto',
  nameEn: 'Citizen’s e-services account',
  serviceId: 'asiointitili-tiedotteet',
  serviceNameFi: 'Asiointitilin tiedotteet',
  serviceNameSv: 'Meddelanden från ärendekontot',
  serviceNameEn: 'Notices from the e-services account',
} as const;

const texts = {
  fi: {
    title: 'Tervetuloa Kansalaisen asiointitilille',
    body: [
      'Hei,',
      'asiointitilisi on nyt käytössä. Asiointitilille liitetyt viranomaiset voivat lähettää sinulle päätökset ja tiedoksiannot sähköisesti paperipostin sijaan, ja voit lähettää viestejä niille viranomaisille, jotka vastaanottavat viestejä asiointitilin kautta.',
      'Seuraa asiointitiliäsi säännöllisesti: tavallinen sähköinen tiedoksianto katsotaan vastaanotetuksi kolmantena päivänä lähettämisestä. Jos annoit sähköpostiosoitteesi tai matkapuhelinnumerosi, saat muistutuksen uusista viesteistä.',
      'Voit muuttaa yhteystietojasi ja muistutuksia kohdassa Asetukset. Voit myös lopettaa asiointitilin käytön milloin tahansa, jolloin saat päätökset jälleen paperipostina.',
      'Ystävällisin terveisin\nKansalaisen asiointitili',
    ].join('\n\n'),
  },
  sv: {
    title: 'Välkommen till medborgarens ärendekonto',
    body: [
      'Hej,',
      'ditt ärendekonto är nu i bruk. Myndigheter som anslutit sig till kontot kan skicka dig beslut och delgivningar elektroniskt i stället för per post, och du kan skicka meddelanden till de myndigheter som tar emot meddelanden via kontot.',
      'Följ med ditt ärendekonto regelbundet: en vanlig elektronisk delgivning anses mottagen den tredje dagen efter att den skickades. Om du angav din e-postadress eller ditt mobilnummer får du påminnelser om nya meddelanden.',
      'Du kan ändra dina kontaktuppgifter och påminnelser under Inställningar. Du kan också när som helst avsluta användningen av kontot, och då får du besluten per post igen.',
      'Med vänlig hälsning\nMedborgarens ärendekonto',
    ].join('\n\n'),
  },
  en: {
    title: 'Welcome to your e-services account',
    body: [
      'Hello,',
      'your e-services account is now in use. Authorities connected to the account can send you decisions and notices electronically instead of by post, and you can send messages to the authorities that receive messages through the account.',
      'Follow your account regularly: an ordinary electronic notice is deemed received on the third day after it was sent. If you gave your e-mail address or mobile number, you will be reminded of new messages.',
      'You can change your contact details and reminders under Settings. You can also stop using the account at any time, after which you receive decisions by post again.',
      'Kind regards\nCitizen’s e-services account',
    ].join('\n\n'),
  },
} as const;

/**
 * What a reopened account receives instead of a second, identical welcome: its own title and a body
 * that speaks of taking the account into use again (the old messages are still there).
 */
const reopenedTexts = {
  fi: {
    title: 'Asiointitili on jälleen käytössä',
    body: [
      'Hei,',
      'olet ottanut asiointitilin uudelleen käyttöön. Asiointitilille liitetyt viranomaiset voivat taas lähettää sinulle päätökset ja tiedoksiannot sähköisesti paperipostin sijaan. Aiemmat viestisi ovat edelleen tallessa asiointitilillä.',
      'Tarkista yhteystietosi ja muistutukset kohdassa Asetukset. Voit lopettaa asiointitilin käytön milloin tahansa.',
      'Ystävällisin terveisin\nKansalaisen asiointitili',
    ].join('\n\n'),
  },
  sv: {
    title: 'Ärendekontot är i bruk igen',
    body: [
      'Hej,',
      'du har tagit ärendekontot i bruk igen. Myndigheter som anslutit sig till kontot kan åter skicka dig beslut och delgivningar elektroniskt i stället för per post. Dina tidigare meddelanden finns kvar på kontot.',
      'Kontrollera dina kontaktuppgifter och påminnelser under Inställningar. Du kan när som helst avsluta användningen av kontot.',
      'Med vänlig hälsning\nMedborgarens ärendekonto',
    ].join('\n\n'),
  },
  en: {
    title: 'Your e-services account is in use again',
    body: [
      'Hello,',
      'you have started using your e-services account again. Authorities connected to the account can once more send you decisions and notices electronically instead of by post. Your earlier messages are still in the account.',
      'Check your contact details and reminders under Settings. You can stop using the account at any time.',
      'Kind regards\nCitizen’s e-services account',
    ].join('\n\n'),
  },
} as const;

export function welcomeMessage(language: string): { title: string; body: string } {
  return language === 'sv' || language === 'en' ? texts[language] : texts.fi;
}

/** The message of a reopened account, in the person's language. */
export function reopenedMessage(language: string): { title: string; body: string } {
  return language === 'sv' || language === 'en' ? reopenedTexts[language] : reopenedTexts.fi;
}
