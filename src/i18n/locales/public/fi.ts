// Strings of the public pages (fi): the source of keys. Wording follows the original service text
// (shared/seed) where it has one; facts about deemed receipt and reminders follow shared/DOMAIN.md.
export const public_fi = {
  breadcrumbs: { label: 'Murupolku', home: 'Etusivu' },
  nav: {
    label: 'Asiointitilin sivut',
    about: 'Tutustu asiointitiliin',
    catalogue: 'Asiointitilille liitetyt palvelut',
    faq: 'Usein kysyttyä',
    support: 'Tuki ja neuvonta',
    feedback: 'Palaute',
    privacy: 'Tietosuojaseloste',
    terms: 'Käyttöehdot',
    accessibility: 'Saavutettavuusseloste',
    sitemap: 'Sivukartta',
    index: 'A–Ö-hakemisto',
    login: 'Tunnistautuminen',
  },
  catalogue: {
    title: 'Asiointitilille liitetyt palvelut',
    intro:
      'Näiden organisaatioiden päätökset ja tiedoksiannot voit saada asiointitilillesi paperipostin sijaan. Osa palveluista vastaanottaa myös viestejä asiointitilin kautta.',
    searchTitle: 'Hae asiointipalvelu tai lomake',
    searchHint:
      'Kun haluat aloittaa asioinnin, hae sähköinen asiointipalvelu tai tulostettava lomake. Hae palvelun, kunnan tai organisaation nimellä tai aiheella, esimerkiksi päivähoito.',
    searchLabel: 'Hakusanat',
    searchButton: 'Hae',
    results: 'Hakutulokset haulle ”{{query}}”: {{count}}',
    noResults: 'Haulla ”{{query}}” ei löytynyt palveluja. Tarkista hakusanat tai selaa kaikkia palveluja.',
    corrected: 'Kirjoitusvirheen varalta haettiin myös lähes samoin kirjoitettuja sanoja: {{words}}.',
    showAll: 'Näytä kaikki palvelut',
    allTitle: 'Kaikki palvelut organisaatioittain',
    empty: 'Asiointitiliin ei ole vielä liitetty palveluja.',
    municipality: 'Kunta: {{name}}',
    organisation: 'Organisaatio: {{name}}',
    eService: 'Siirry sähköiseen asiointiin',
    forms: 'Tulostettavat lomakkeet',
    acceptsMessages: 'Vastaanottaa viestejä asiointitilin kautta',
    noMessages: 'Ei vastaanota viestejä asiointitilin kautta',
    tooLong: 'Hakusanat ovat liian pitkät. Käytä enintään 200 merkkiä.',
  },
  about: {
    title: 'Tutustu asiointitiliin',
    intro:
      'Kansalaisen asiointitili on tietoturvallinen tapa saada viranomaisten viestejä ja päätöksiä kirjepostin ja tavallisen sähköpostin sijaan. Arkaluonteista ja salassa pidettävää henkilötietoa ei voi lähettää tavallisella sähköpostilla; asiointitilillä se on turvassa.',
    canTitle: 'Mitä asiointitilillä voi tehdä',
    can1: 'Saat sinulle osoitetut viestit, päätökset ja tiedoksiannot.',
    can2: 'Voit laittaa vireille hakemuksia, selvityksiä, oikaisuvaatimuksia ja muita tiedonantoja ja viestejä.',
    can3: 'Käytettävissäsi ovat asiointitiliin liitettyjen julkisten organisaatioiden palvelut.',
    stepsTitle: 'Näin otan asiointitilin käyttöön',
    step1: 'Tunnistaudun pankkitunnuksilla, mobiilivarmenteella tai sähköisellä henkilökortilla.',
    step2: 'Tallennan omat tietoni ja yhteystietoni asiointitilille viestin saapumisesta ilmoittamiseksi.',
    step3: 'Hyväksyn asiointitilin käyttöehdot ja luon asiointitilin.',
    step4:
      'Ilmoitan minua palvelevaan yksikköön, että minua koskevia asiakirjoja ja viestejä saa lähettää asiointitililleni. Voin ilmoittaa käyttöönotosta myös puhelimitse.',
    start: 'Ota asiointitili käyttöösi',
    stopTitle: 'Käytön lopettaminen',
    stop: 'Voit lopettaa asiointitilin käytön milloin tahansa. Sen jälkeen saat kaikki asiointiasi koskevat päätökset jälleen paperipostina.',
    responsibleTitle: 'Kuka vastaa asiointitilistä',
    responsible:
      'Asiointitilistä vastaa Valtion tieto- ja viestintätekniikkakeskus Valtori. Viestin tai päätöksen sisällöstä vastaa sen lähettänyt viranomainen.',
  },
  faq: {
    title: 'Usein kysyttyä',
    whoTitle: 'Kuka voi ottaa asiointitilin käyttöön?',
    who: 'Jokainen, jolla on suomalainen henkilötunnus ja omat vahvan sähköisen tunnistamisen välineet (pankkitunnukset, mobiilivarmenne tai sähköinen henkilökortti). Asiointitili on aina henkilökohtainen.',
    notForTitle: 'Voinko avata asiointitilin puolisolleni tai lapselleni?',
    notFor:
      'Et voi. Asiointitilin voi luoda vain sille henkilölle, jonka nimellä tunnistusvälineet ovat. Yhteisillä pankkitunnuksilla ei voi luoda asiointitiliä puolisolle, eikä asiointitiliä voi luoda lapsilleen.',
    closeTitle: 'Mitä tapahtuu, kun lopetan asiointitilin käytön?',
    close:
      'Viranomaiset lähettävät sinulle päätökset ja muut asiakirjat taas paperipostina. Muistutukset loppuvat. Voit ottaa asiointitilin myöhemmin uudelleen käyttöön.',
    remindersTitle: 'Miten saan tiedon uudesta viestistä?',
    reminders:
      'Kun annat sähköpostiosoitteesi tai suomalaisen matkapuhelinnumerosi, saat muistutuksen uudesta viestistä. Muistutus ei sisällä mitään tietoja itse viestistä. Lukemattomasta viestistä muistutetaan uudelleen 7 päivän kuluttua, todisteellisesta viestistä 3 päivän kuluttua, ellei lähettäjä ole valinnut toisin. Muistutukset ovat maksuttomia.',
    paperTitle: 'Tuleeko minulle enää paperipostia?',
    paper:
      'Asiointitilille liitettyjen palvelujen päätökset ja tiedoksiannot tulevat asiointitilille paperipostin sijaan. Muut viranomaiset voivat edelleen lähettää kirjeitä. Jos todisteellista viestiä ei kuitata 7 päivän kuluessa, viranomainen toimittaa sen postitse.',
    verifiableTitle: 'Mikä on todisteellinen tiedoksianto ja milloin viesti katsotaan vastaanotetuksi?',
    verifiable:
      'Todisteellisen viestin sisältö avautuu, kun kuittaat sen vastaanotetuksi; tiedoksisaannin päivä on kuittauspäivä. Tavallinen sähköinen viesti katsotaan vastaanotetuksi kolmantena päivänä sen lähettämisestä, ellei muuta näytetä. Tavallinen kirje katsotaan vastaanotetuksi seitsemäntenä päivänä sen lähettämisestä. Määräajat, kuten 14 päivän oikaisuvaatimusaika, lasketaan tiedoksisaannista.',
    securityTitle: 'Onko asiointitilin käyttö turvallista?',
    security:
      'On. Yhteys asiointitiliin on salattu, ja viestit ja liitteet tallennetaan salattuina. Kaikki itseäsi koskevat tiedot ja asiakirjat ovat vain sinun nähtävissäsi, eikä niitä luovuteta eteenpäin. Kirjaudu ulos, kun lopetat, etenkin yhteiskäytössä olevalla laitteella.',
    abroadTitle: 'Voinko käyttää asiointitiliä ulkomailla?',
    abroad:
      'Voit, jos tunnistusvälineesi toimivat ulkomailla. Tekstiviestimuistutuksia voidaan lähettää vain suomalaisiin matkapuhelinliittymiin, joten ulkomailla kannattaa käyttää sähköpostimuistutusta.',
  },
  support: {
    title: 'Tuki ja neuvonta',
    intro: 'Valitse oikea tuki sen mukaan, mitä tarvitset.',
    ownTitle: 'Asiointitilin käyttäjätuki',
    own: 'Puh. 050 570 1389. Tuki palvelee arkisin kello 9.00–16.00. Ota yhteyttä, jos kirjautuminen, muistutukset tai asiointitilin toiminnot eivät toimi.',
    adviceTitle: 'Asiointitilin tekninen käyttäjätuki ja Kansalaisneuvonta',
    advice:
      'Kansalaisneuvonta opastaa asiointitilin ja muiden julkisten verkkopalvelujen käytössä ja kertoo, mihin viranomaiseen asiassasi kannattaa ottaa yhteyttä. Puh. 0295 000 (ma–pe 8–21, la 9–15).',
    casesTitle: 'Kysymykset päätöksistä ja viesteistä',
    cases:
      'Viestin tai päätöksen sisällöstä vastaa sen lähettänyt viranomainen. Ota yhteyttä viestissä mainittuun yhteyshenkilöön tai vastaa viestiin, jos vastaaminen on sallittu.',
    feedbackTitle: 'Palaute',
    feedback: 'Voit antaa palautetta asiointitilistä palautelomakkeella.',
  },
  privacy: {
    title: 'Tietosuojaseloste',
    intro:
      'Tässä selosteessa kerrotaan, miten Kansalaisen asiointitili käsittelee henkilötietojasi (EU:n yleinen tietosuoja-asetus, artiklat 13 ja 14).',
    controllerTitle: 'Rekisterinpitäjä',
    controller:
      'Valtion tieto- ja viestintätekniikkakeskus Valtori vastaa asiointitilistä. Viestin lähettänyt viranomainen vastaa viestin sisällöstä ja omista rekistereistään.',
    purposesTitle: 'Käsittelyn tarkoitukset',
    purposes:
      'Viranomaisten viestien, päätösten ja tiedoksiantojen toimittaminen sinulle sähköisesti, viestit viranomaisille, muistutukset uusista viesteistä, tiedoksisaannin todentaminen sekä palvelun turvallisuus ja väärinkäytösten selvittäminen.',
    basisTitle: 'Käsittelyn oikeusperuste',
    basis:
      'Lakisääteisen tehtävän hoitaminen ja julkisen vallan käyttö (tietosuoja-asetus 6 artiklan 1 kohdan c ja e alakohdat; laki sähköisestä asioinnista viranomaistoiminnassa 13/2003). Muistutusten yhteystiedot käsitellään, koska annat ne itse.',
    categoriesTitle: 'Käsiteltävät tiedot',
    categories:
      'Nimi ja henkilötunnus (väestötietojärjestelmästä tunnistautumisen yhteydessä), sähköpostiosoite ja matkapuhelinnumero (jos annat ne), asiointikieli, viestit ja liitteet, viestien tilatiedot (luettu, kuitattu) sekä lokitiedot kirjautumisista ja tietojen käsittelystä.',
    retentionTitle: 'Säilytysajat',
    retentionDeleted: 'Poistetut viestit voi palauttaa {{days}} päivän ajan, minkä jälkeen ne poistetaan.',
    retentionDelivery:
      'Muistutusten ja kirjeiden toimitustiedot poistetaan {{days}} päivän kuluttua toimituksesta.',
    retentionAudit: 'Lokitiedot tietojen käsittelystä säilytetään {{days}} päivää.',
    retentionSession:
      'Kirjautuminen päättyy {{idle}} minuutin käyttämättömyyden jälkeen ja viimeistään {{hours}} tunnin kuluttua.',
    retentionFeedback: 'Palautteet poistetaan {{days}} päivän kuluttua niiden saapumisesta.',
    recipientsTitle: 'Tietojen vastaanottajat',
    recipients:
      'Tietoja ei luovuteta eteenpäin. Viranomainen, joka lähetti viestin, saa tiedon sen lukemisesta ja kuittaamisesta sekä viestit, jotka lähetät sille. Paperikirjeiden tulostus- ja jakelupalvelu saa osoitteen, kun viesti on toimitettava postitse.',
    rightsTitle: 'Sinun oikeutesi',
    rights:
      'Sinulla on oikeus saada pääsy tietoihisi, oikaista virheelliset tiedot ja rajoittaa käsittelyä sekä tehdä valitus tietosuojavaltuutetun toimistolle. Voit muuttaa yhteystietojasi asiointitilin asetuksissa ja lopettaa asiointitilin käytön milloin tahansa.',
    contactTitle: 'Yhteydenotot',
    contact: 'Tietosuojaa koskevat kysymykset voit lähettää palautelomakkeella tai kysyä käyttäjätuesta.',
  },
  feedback: {
    title: 'Palaute',
    intro:
      'Kerro, miten voisimme parantaa asiointitiliä. Älä kirjoita palautteeseen henkilötunnusta tai viestien sisältöä. Vastaamme saavutettavuuspalautteeseen 14 päivän kuluessa.',
    topic: 'Palautteen aihe',
    topicService: 'Asiointitilin käyttö',
    topicAccessibility: 'Saavutettavuus',
    topicContent: 'Sivujen sisältö',
    topicOther: 'Muu palaute',
    message: 'Palaute',
    messageHint: 'Vähintään 10 ja enintään 4 000 merkkiä.',
    email: 'Sähköpostiosoite (vapaaehtoinen)',
    emailHint: 'Anna osoite, jos haluat vastauksen.',
    trap: 'Jätä tämä kenttä tyhjäksi',
    send: 'Lähetä palaute',
    errorSummary: 'Palautteen lähettäminen ei onnistunut',
    topicMissing: 'Valitse palautteen aihe.',
    messageMissing: 'Kirjoita palaute.',
    messageTooShort: 'Kirjoita palautteeseen vähintään 10 merkkiä.',
    messageTooLong: 'Palaute on liian pitkä. Käytä enintään 4 000 merkkiä.',
    emailInvalid: 'Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.',
    tooFast: 'Lomake lähetettiin poikkeuksellisen nopeasti. Tarkista tiedot ja lähetä palaute uudelleen.',
    expired: 'Lomake ehti vanhentua. Tarkista tiedot ja lähetä palaute uudelleen.',
    thanksTitle: 'Kiitos palautteestasi',
    thanks: 'Palautteesi on vastaanotettu.',
    again: 'Anna uusi palaute',
  },
  identification: {
    title: 'Tunnistautuminen',
    intro:
      'Asiointitilille tunnistaudutaan pankkitunnuksilla, mobiilivarmenteella tai sähköisellä henkilökortilla. Asiointitilin voi luoda vain sille henkilölle, jonka nimellä tunnistusvälineet ovat.',
    registerTitle: 'Tiedot väestötietojärjestelmästä',
    register:
      'Asiointitilille tunnistautumisen yhteydessä haetaan käyttäjän nimi ja sähköpostiosoite väestötietojärjestelmästä. Voit tarkistaa väestötietojärjestelmässä olevat tietosi Digi- ja väestötietoviraston palvelusta:',
    ownData: 'Omien tietojen tarkistus',
    consent:
      'Tunnistautumalla asiointitilille hyväksyn tietojen noudon väestötietojärjestelmästä ja tietojen hyödyntämisen asiointitilillä.',
    secureTitle: 'Suojattu yhteys',
    secure:
      'Asiointitililyhteys on suojattu SSL/TLS-tekniikalla. Internet-selaimessasi oleva lukko osoittaa, että yhteys on salattu. Napsauttamalla lukkoa voit tarkistaa, kenelle sivuston varmenne kuuluu. Älä tunnistaudu, jos selain varoittaa varmenteesta.',
    start: 'Tunnistaudu',
  },
  sitemap: {
    title: 'Sivukartta',
    publicTitle: 'Julkiset sivut',
    accountTitle: 'Asiointitili (tunnistautumisen jälkeen)',
    inbox: 'Saapuneet viestit',
    sent: 'Lähetetyt viestit',
    deleted: 'Poistetut viestit',
    newMessage: 'Uusi viesti',
    settings: 'Asetukset',
  },
  index: {
    title: 'A–Ö-hakemisto',
    intro: 'Asiointitilin aiheet aakkosjärjestyksessä.',
    lettersLabel: 'Alkukirjaimet',
    openAccount: 'Asiointitilin käyttöönotto',
    closeAccount: 'Asiointitilin käytön lopettaminen',
    deemedReceipt: 'Tiedoksisaannin päivä',
    reminders: 'Muistutukset',
    paperMail: 'Paperiposti',
    verifiable: 'Todisteellinen tiedoksianto',
    abroad: 'Ulkomailla asiointi',
    security: 'Tietoturva',
    advice: 'Kansalaisneuvonta',
    identification: 'Tunnistautuminen',
    ownData: 'Omien tietojen tarkistus',
    forms: 'Lomakkeet',
  },
};
