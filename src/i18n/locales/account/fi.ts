// Strings of the account pages (fi). Owned by the account area; the fi file is the source of keys.
// Wording follows the original service text (shared/seed) where it has one, typos fixed.
export const account_fi = {
  nav: {
    label: 'Asiointitili',
    signedInAs: 'Kirjautuneena: {{name}}',
    inbox: 'Saapuneet',
    sent: 'Lähetetyt',
    deleted: 'Poistetut',
    newMessage: 'Uusi viesti',
    settings: 'Asetukset',
    logout: 'Kirjaudu ulos',
  },
  login: {
    unavailableTitle: 'Tunnistautuminen ei ole käytettävissä',
    unavailable: 'Tunnistautuminen ei ole juuri nyt käytettävissä. Yritä myöhemmin uudelleen.',
    failedTitle: 'Tunnistautuminen ei onnistunut',
    failed: 'Tunnistautuminen ei onnistunut tai sen aika ehti kulua umpeen. Voit yrittää uudelleen.',
    assuranceTitle: 'Tunnistustapa ei riitä tähän palveluun',
    assurance:
      'Valitsemasi tunnistustapa ei täytä palvelun vaatimaa tunnistuksen varmuustasoa, joten tunnistautuminen keskeytettiin. Tunnistaudu uudelleen toisella tavalla, esimerkiksi mobiilivarmenteella tai varmennekortilla.',
    tryAgain: 'Tunnistaudu uudelleen',
    backToStart: 'Palaa etusivulle',
  },
  logout: {
    title: 'Olet kirjautunut ulos',
    text: 'Istuntosi on päättynyt. Jos käytit yhteistä tietokonetta, sulje vielä selain.',
    loginAgain: 'Kirjaudu uudelleen',
  },
  idp: {
    title: 'Tunnistautuminen',
    testNotice:
      'Tämä on testitunnistuspalvelu, joka on käytössä vain testi- ja esittelykäytössä. Tunnistautumiseen riittää väestötietojärjestelmässä olevan henkilön henkilötunnus.',
    intro:
      'Asiointitilille tunnistaudutaan pankkitunnuksilla, mobiilivarmenteella tai sähköisellä henkilökortilla.',
    ownOnly:
      'Pankkitunnuksilla asiointitilin voi luoda vain sille henkilölle, jonka nimellä pankkitunnukset ovat. Yhteisillä pankkitunnuksilla ei voi luoda asiointitiliä puolisolle. Asiointitiliä ei voi myöskään luoda lapsilleen.',
    chooseMethod: 'Valitse tunnistustapa',
    banks: 'Pankkitunnukset',
    otherMethods: 'Muut tunnistustavat',
    mobile: 'Mobiilivarmenne',
    card: 'Varmennekortti',
    chosenMethod: 'Tunnistustapa: {{method}}',
    identityCode: 'Henkilötunnus',
    identityCodeHint: 'Muodossa PPKKVV-NNNT, esimerkiksi 010180-9026.',
    submit: 'Tunnistaudu',
    cancel: 'Keskeytä',
    changeMethod: 'Valitse toinen tunnistustapa',
    identityCodeInvalid: 'Tarkista henkilötunnus. Anna se muodossa PPKKVV-NNNT.',
    identityCodeUnknown: 'Henkilötunnuksella ei löytynyt henkilöä väestötietojärjestelmästä.',
    support: 'Asiointitilin käyttäjätuki: puh. 050 570 1389, arkisin kello 9.00–16.00.',
    logoutTitle: 'Uloskirjautuminen',
    logoutText: 'Kirjaudu ulos myös tunnistuspalvelusta.',
    logoutButton: 'Kirjaudu ulos',
    loggedOut: 'Olet kirjautunut ulos.',
    errorTitle: 'Tunnistuspalvelun virhe',
    errorText:
      'Tunnistautumispyyntö oli virheellinen tai vanhentunut. Aloita tunnistautuminen uudelleen asiointitilin etusivulta.',
    backToService: 'Palaa asiointitilille',
  },
  form: {
    errorSummary: 'Tarkista seuraavat kohdat:',
    required: 'pakollinen',
    requiredNote: 'Tähdellä (*) merkitty kohta on pakollinen.',
    email: 'Sähköpostiosoite',
    emailHint: 'Esimerkiksi nimi@esimerkki.fi',
    emailNotify: 'Lähetä tieto uudesta viestistä asiointitilillä sähköpostiini',
    mobile: 'Matkapuhelinnumero',
    mobileHint: 'Vain suomalaiset matkapuhelinnumerot, esimerkiksi +358 50 1234567 tai 050 1234567.',
    smsNotify: 'Lähetä tieto uudesta viestistä asiointitilillä matkapuhelimeeni',
    emailInvalid: 'Tarkista sähköpostiosoite. Anna se muodossa nimi@esimerkki.fi.',
    emailRequired: 'Anna sähköpostiosoite, jos haluat tiedon uusista viesteistä sähköpostiisi.',
    mobileInvalid:
      'Anna suomalainen matkapuhelinnumero, esimerkiksi +358 50 1234567. Muistutuksia voidaan lähettää vain suomalaisiin matkapuhelinliittymiin.',
    mobileRequired: 'Anna matkapuhelinnumero, jos haluat tiedon uusista viesteistä matkapuhelimeesi.',
    termsRequired: 'Hyväksy asiointitilin käyttöehdot, jotta voit luoda asiointitilin.',
    languageInvalid: 'Valitse asiointikieli.',
  },
  open: {
    title: 'Omat tiedot ja muistutukset',
    intro: 'Muistutusten avulla tiedät, milloin sinulla on uusia asiointiviestejä asiointitilillä.',
    contactIntro:
      'Ota käyttöön muistutukset syöttämällä oma sähköpostiosoitteesi ja matkapuhelinnumerosi. Sähköpostiosoitteesi on tuotu tunnistautumisen yhteydessä väestötietojärjestelmästä, mikäli tieto on ollut saatavilla. Voit halutessasi muuttaa asiointitilillä käytettävää sähköpostiosoitetta. Asiointitilillä päivitetty sähköpostiosoite ei tallennu väestötietojärjestelmään.',
    reminders:
      'Asiointitili lähettää sinulle muistutusviestin, kun asiointitilillä on uusi viesti. Yhteystietojasi ei käytetä mihinkään muuhun, eikä niitä luovuteta eteenpäin. Saat tervetuloviestin, kun luot asiointitilin. Muistutuksia voidaan lähettää vain suomalaisiin matkapuhelinliittymiin. Muistutusviestit ovat sinulle maksuttomia.',
    optional:
      'Jos et halua muistutusviestejä tilille saapuneesta viestistä, sinun ei tarvitse täyttää sähköposti- tai puhelinnumerotietoa.',
    importance:
      'Asiointitilille saapuneiden viestien ja asiakirjojen seuranta on tärkeää, sillä tänne saat itseäsi koskevat viranomaisten päätökset. Muistutusten avulla seuranta on helppoa. Saat tiedon uudesta asiointiviestistä sähköpostiisi ja matkapuhelimeesi. Viesti ei sisällä mitään tietoja itse asiointiviestistä tai viranomaisen sinulle lähettämistä asiakirjoista.',
    registerConsent:
      'Nimesi, syntymäaikasi ja sähköpostiosoitteesi on haettu väestötietojärjestelmästä suostumuksellasi, jonka annoit tunnistautuessasi.',
    personalDetails: 'Omat tiedot',
    contactDetails: 'Yhteystiedot ja muistutukset',
    name: 'Nimi',
    birthDate: 'Syntymäaika',
    termsBefore: 'Hyväksyn',
    termsLink: 'asiointitilin käyttöehdot',
    footnote:
      'Annettujen yhteystietojen perusteella saat viestin asiointitilillesi tulleista tapahtumista. Viesti sisältää vain tiedon tulleesta tapahtumasta, mutta ei sen sisältöä.',
    cancel: 'Keskeytä',
    cancelNote: 'Jos keskeytät, asiointitiliä ei luoda eikä tietojasi tallenneta, ja sinut kirjataan ulos.',
    cancelReopenNote: 'Jos keskeytät, asiointitili pysyy suljettuna. Voit edelleen lukea vanhoja viestejäsi.',
    submit: 'Luo asiointitili',
    reopenTitle: 'Ota asiointitili uudelleen käyttöön',
    reopenNotice:
      'Olet aiemmin lopettanut asiointitilin käytön. Voit ottaa asiointitilin uudelleen käyttöön tällä lomakkeella.',
    oldMessages: 'Lue vanhoja viestejäsi',
  },
  refusal: {
    title: 'Asiointitiliä ei voi avata',
    deceased: 'Väestötietojärjestelmän mukaan henkilö on kuollut. Asiointitiliä ei voi avata.',
    notInRegister: 'Tietojasi ei löytynyt väestötietojärjestelmästä, joten asiointitiliä ei voi avata.',
    minor:
      'Asiointitilin voi avata vain täysi-ikäinen henkilö itselleen. Asiointitiliä ei voi avata alaikäiselle, eikä huoltaja voi avata sitä lapsensa puolesta.',
    contact: 'Jos tiedoissa on mielestäsi virhe, ota yhteyttä asiointitilin käyttäjätukeen.',
    nothingStored: 'Tietojasi ei tallennettu asiointitilille.',
  },
  settings: {
    title: 'Asetukset',
    intro: 'Voit muuttaa yhteystietojasi, muistutuksia ja asiointikieltä.',
    contactTitle: 'Yhteystiedot ja muistutukset',
    languageTitle: 'Asiointikieli',
    languageHint: 'Asiointitilin sivut ja asiointitilin omat viestit näytetään valitsemallasi kielellä.',
    save: 'Tallenna muutokset',
    saved: 'Muutokset on tallennettu.',
    accountTitle: 'Asiointitili',
    openedAt: 'Asiointitili otettu käyttöön: {{date}}',
    termsAccepted: 'Hyväksytyt käyttöehdot: versio {{version}} ({{date}})',
    consentsTitle: 'Organisaatioiden kirjaamat suostumukset',
    consentsIntro:
      'Nämä organisaatiot ovat kirjanneet suostumuksesi siihen, että sinua koskevia asiakirjoja ja viestejä saa lähettää asiointitilillesi. Voit perua suostumuksen milloin tahansa. Organisaatio näkee perumisen.',
    consentsPaper: 'Kun perut suostumuksen, saat kyseisen organisaation asiakirjat jälleen paperipostina.',
    consentGiven: 'Suostumus annettu {{date}} {{channel}}',
    consentChannel: {
      paper: 'paperilomakkeella',
      phone: 'puhelimitse',
      in_person: 'asioinnin yhteydessä',
    },
    consentInForce: 'Voimassa',
    consentWithdrawnOn: 'Peruttu {{date}}',
    consentWithdraw: 'Peru suostumus',
    consentWithdrawnNotice: 'Suostumus on peruttu.',
    closeTitle: 'Lopeta asiointitilin käyttö',
    closeIntro:
      'Voit halutessasi lopettaa asiointitilin käytön milloin tahansa. Sen jälkeen saat kaikki asiointiasi koskevat päätökset jälleen paperipostina.',
    closeLink: 'Lopeta asiointitilin käyttö',
  },
  close: {
    title: 'Lopeta asiointitilin käyttö',
    paperMail:
      'Kun lopetat asiointitilin käytön, saat kaikki asiointiasi koskevat päätökset ja tiedoksiannot jälleen paperipostina.',
    noNewMessages:
      'Viranomaiset eivät enää voi lähettää sinulle viestejä asiointitilille, eikä sinulle lähetetä muistutuksia.',
    oldMessages:
      'Vanhat viestisi säilyvät, ja voit lukea niitä edelleen tunnistautumalla. Voit ottaa asiointitilin uudelleen käyttöön milloin tahansa.',
    question: 'Haluatko varmasti lopettaa asiointitilin käytön?',
    confirm: 'Lopeta asiointitilin käyttö',
    cancel: 'Peruuta',
    doneTitle: 'Asiointitilin käyttö on lopetettu',
    done: 'Asiointitilin käyttö on lopetettu. Saat asiointiasi koskevat päätökset jatkossa paperipostina.',
  },
  terms: {
    title: 'Asiointitilin käyttöehdot ja tietosuojaseloste',
    version: 'Käyttöehtojen versio {{version}}, voimassa {{date}} alkaen.',
    serviceTitle: 'Palvelun kuvaus',
    service:
      'Kansalaisen asiointitili on henkilökohtainen sähköinen postilaatikko. Asiointitilille liitetyt viranomaiset voivat lähettää sinulle päätöksiä, tiedoksiantoja ja muita viestejä sähköisesti paperipostin sijaan. Osa viranomaisista myös vastaanottaa viestejä asiointitilin kautta.',
    useTitle: 'Käyttöönotto ja käytön lopettaminen',
    use: 'Asiointitilin voi ottaa käyttöön vain täysi-ikäinen henkilö itselleen tunnistautumalla vahvasti. Asiointitiliä ei voi avata toisen henkilön, kuten puolison tai lapsen, puolesta. Voit lopettaa asiointitilin käytön milloin tahansa, jolloin saat päätökset jälleen paperipostina.',
    receiptTitle: 'Viestien vastaanottaminen',
    receipt:
      'Sähköisesti lähetetty tavallinen tiedoksianto katsotaan vastaanotetuksi kolmantena päivänä viestin lähettämisestä, ellei muuta näytetä. Todisteellinen tiedoksianto katsotaan vastaanotetuksi, kun kuittaat sen vastaanotetuksi. Seuraa siksi asiointitiliäsi säännöllisesti.',
    remindersTitle: 'Muistutukset',
    reminders:
      'Jos annat sähköpostiosoitteesi tai matkapuhelinnumerosi, saat tiedon uudesta viestistä. Muistutus ei sisällä tietoja itse viestistä. Muistutuksen puuttuminen ei vaikuta viestin vastaanottamisen ajankohtaan.',
    privacyTitle: 'Tietosuoja',
    privacy:
      'Asiointitilillä käsitellään nimeäsi, henkilötunnustasi, yhteystietojasi ja sinulle lähetettyjä viestejä. Nimi ja sähköpostiosoite haetaan väestötietojärjestelmästä suostumuksellasi. Tietoja käytetään vain asiointitilin toteuttamiseen, eikä niitä luovuteta eteenpäin. Viestit ja liitteet tallennetaan salattuina.',
    changesTitle: 'Käyttöehtojen muuttaminen',
    changes:
      'Käyttöehtoja voidaan muuttaa. Uusi versio tulee voimaan ilmoitettuna päivänä, ja sinulta pyydetään sen hyväksyntä, kun seuraavan kerran kirjaudut asiointitilille. Jos et hyväksy uusia ehtoja, voit lopettaa asiointitilin käytön, jolloin saat päätökset jälleen paperipostina.',
  },
  termsChanged: {
    title: 'Käyttöehdot ovat muuttuneet',
    intro:
      'Asiointitilin käyttöehdot ovat muuttuneet. Hyväksy uudet käyttöehdot, jotta voit jatkaa asiointitilin käyttöä.',
    accepted: 'Olet hyväksynyt käyttöehtojen version {{version}}.',
    current: 'Uusi versio {{version}} on voimassa {{date}} alkaen.',
    changesTitle: 'Mitä muuttui',
    changes:
      'Käyttöehtoihin on lisätty kohta käyttöehtojen muuttamisesta: uuden version hyväksyntä pyydetään seuraavalla kirjautumisella, ja jos et hyväksy sitä, voit lopettaa asiointitilin käytön.',
    readTerms: 'Lue käyttöehdot kokonaan',
    acceptLabel: 'Hyväksyn asiointitilin käyttöehdot (versio {{version}})',
    required: 'Hyväksy uudet käyttöehdot, jotta voit jatkaa asiointitilin käyttöä.',
    outdated:
      'Käyttöehdot muuttuivat sillä välin, kun sivu oli auki. Lue ja hyväksy nyt voimassa oleva versio.',
    submit: 'Hyväksy ja jatka',
    otherChoicesTitle: 'Jos et hyväksy uusia käyttöehtoja',
    otherChoices:
      'Voit lopettaa asiointitilin käytön, jolloin saat päätökset jatkossa paperipostina, tai kirjautua ulos ja päättää myöhemmin.',
    close: 'Lopeta asiointitilin käyttö',
  },
  accessibility: {
    title: 'Saavutettavuusseloste',
    intro:
      'Tämä saavutettavuusseloste koskee Kansalaisen asiointitilin kansalaisen sivuja. Palvelua koskee laki digitaalisten palvelujen tarjoamisesta (306/2019), joka edellyttää, että julkiset verkkopalvelut ovat saavutettavia.',
    statusTitle: 'Saavutettavuuden tila',
    status:
      'Palvelu täyttää WCAG 2.1 -kriteeristön A- ja AA-tason vaatimukset. Sivut toimivat ilman JavaScriptiä, näppäimistöllä ja ruudunlukijalla, tekstin kokoa voi suurentaa, ja sivut ovat luettavissa 320 pikselin levyisellä näytöllä.',
    featuresTitle: 'Saavutettavuutta tukevat ominaisuudet',
    features:
      'Jokaisella sivulla on linkki suoraan sisältöön, kielivalinta (suomi, ruotsi, englanti) ja tekstin koon valinta. Lomakkeiden virheet näytetään kentän vieressä ja koottuina sivun alkuun.',
    feedbackTitle: 'Palaute',
    feedback:
      'Jos huomaat palvelussa saavutettavuuteen liittyvän puutteen, kerro siitä asiointitilin käyttäjätuelle. Vastaamme palautteeseen 14 päivän kuluessa.',
    supervisionTitle: 'Valvontaviranomainen',
    supervision:
      'Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta 14 päivän kuluessa, voit tehdä ilmoituksen Etelä-Suomen aluehallintovirastoon (saavutettavuusvaatimukset.fi).',
    updated: 'Seloste on laadittu {{date}}.',
  },
};
