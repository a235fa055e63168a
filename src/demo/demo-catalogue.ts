import type { AppServices } from '../services.js';
import { demoOrganisations } from './demo-organisations.js';

/**
 * The demo's catalogue texts: what each organisation's services are for, where their e-service
 * starts and which forms can be printed. Addresses use the reserved `.example` domain.
 */
interface DemoServiceDetails {
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  keywordsFi: string;
  keywordsSv: string;
  keywordsEn: string;
  eServiceUrl: string;
  forms: Array<{ titleFi: string; titleSv: string; titleEn: string; url: string }>;
}

export const demoMunicipalities: Record<string, { fi: string; sv: string }> = {
  '9990001-6': { fi: 'Ylivieska', sv: 'Ylivieska' },
  '9990002-4': { fi: 'Ylitornio', sv: 'Övertorneå' },
  '9990003-2': { fi: 'Askola', sv: 'Askola' },
  '9990004-0': { fi: 'Savitaipale', sv: 'Savitaipale' },
  '9990005-9': { fi: 'Kankaanpää', sv: 'Kankaanpää' },
};

const form = (slug: string, titleFi: string, titleSv: string, titleEn: string) => ({
  titleFi,
  titleSv,
  titleEn,
  url: `https://lomakkeet.example/${slug}.pdf`,
});

export const demoServiceDetails: Record<string, DemoServiceDetails> = {
  'kallio-sosiaalipalvelut': {
    descriptionFi:
      'Toimeentulotuki, lastensuojelu, vammaispalvelut ja ikäihmisten palvelut. Päätökset ja selvityspyynnöt tulevat asiointitilille.',
    descriptionSv:
      'Utkomststöd, barnskydd, handikappservice och tjänster för äldre. Beslut och begäran om utredning kommer till kontot.',
    descriptionEn:
      'Social assistance, child welfare, disability services and services for older people. Decisions and requests for clarification arrive in the account.',
    keywordsFi: 'toimeentulotuki, lastensuojelu, vammaispalvelu, vanhuspalvelut, omaishoito',
    keywordsSv: 'utkomststöd, barnskydd, närståendevård',
    keywordsEn: 'social assistance, child welfare, informal care',
    eServiceUrl: 'https://asiointi.kallio.example/sosiaalipalvelut',
    forms: [
      form(
        'kallio-omaishoidon-tuki',
        'Omaishoidon tuen hakemus',
        'Ansökan om stöd för närståendevård',
        'Application for informal care support',
      ),
    ],
  },
  'kallio-terveyspalvelut': {
    descriptionFi: 'Terveysasemat, hammashoito ja neuvolat. Ajanvarauksen vahvistukset ja hoitopäätökset.',
    descriptionSv: 'Hälsostationer, tandvård och rådgivning. Bekräftelser av tidsbokningar och vårdbeslut.',
    descriptionEn:
      'Health centres, dental care and child health clinics. Appointment confirmations and care decisions.',
    keywordsFi: 'terveysasema, hammashoito, neuvola, ajanvaraus',
    keywordsSv: 'hälsostation, tandvård, rådgivning',
    keywordsEn: 'health centre, dental care, appointment',
    eServiceUrl: 'https://asiointi.kallio.example/terveyspalvelut',
    forms: [],
  },
  'kallio-asiakasmaksut': {
    descriptionFi: 'Sosiaali- ja terveyspalvelujen asiakasmaksupäätökset ja laskujen oikaisut.',
    descriptionSv: 'Beslut om klientavgifter för social- och hälsovård och rättelse av fakturor.',
    descriptionEn: 'Decisions on fees for social and health services and corrections to invoices.',
    keywordsFi: 'maksu, lasku, maksukatto',
    keywordsSv: 'avgift, faktura',
    keywordsEn: 'fee, invoice',
    eServiceUrl: 'https://asiointi.kallio.example/maksut',
    forms: [
      form(
        'kallio-tulotiedot',
        'Tulotietolomake asiakasmaksua varten',
        'Blankett för inkomstuppgifter',
        'Income details form for client fees',
      ),
    ],
  },
  'ylitornio-lomakkeet': {
    descriptionFi: 'Kunnan sähköiset lomakkeet: hakemukset, ilmoitukset ja palautteet kunnalle.',
    descriptionSv: 'Kommunens elektroniska blanketter: ansökningar, anmälningar och respons.',
    descriptionEn: 'The municipality’s electronic forms: applications, notifications and feedback.',
    keywordsFi: 'hakemus, ilmoitus, kuntalaisaloite',
    keywordsSv: 'ansökan, anmälan',
    keywordsEn: 'application, notification',
    eServiceUrl: 'https://asiointi.ylitornio.example/lomakkeet',
    forms: [
      form('ylitornio-kuntalaisaloite', 'Kuntalaisaloite', 'Invånarinitiativ', 'Residents’ initiative'),
    ],
  },
  'ylitornio-rakennusvalvonta': {
    descriptionFi: 'Rakennusluvat, toimenpideluvat ja katselmukset.',
    descriptionSv: 'Bygglov, åtgärdstillstånd och syner.',
    descriptionEn: 'Building permits, action permits and inspections.',
    keywordsFi: 'rakennuslupa, toimenpidelupa, katselmus, purkulupa',
    keywordsSv: 'bygglov, rivningslov',
    keywordsEn: 'building permit, demolition permit',
    eServiceUrl: 'https://asiointi.ylitornio.example/rakennusvalvonta',
    forms: [
      form(
        'ylitornio-rakennuslupahakemus',
        'Rakennuslupahakemus',
        'Ansökan om bygglov',
        'Application for a building permit',
      ),
    ],
  },
  'askola-asiointi': {
    descriptionFi: 'Askolan kunnan asiointipalvelut yhdestä paikasta: hakemukset, päätökset ja viestit.',
    descriptionSv: 'Askola kommuns e-tjänster på ett ställe: ansökningar, beslut och meddelanden.',
    descriptionEn: 'Askola’s municipal e-services in one place: applications, decisions and messages.',
    keywordsFi: 'asiointipalvelu, hakemus, päätös',
    keywordsSv: 'ansökan, beslut',
    keywordsEn: 'application, decision',
    eServiceUrl: 'https://asiointi.askola.example/',
    forms: [],
  },
  'askola-varhaiskasvatus': {
    descriptionFi: 'Päivähoitopaikan haku, hoitoaikojen ilmoittaminen ja varhaiskasvatuspäätökset.',
    descriptionSv: 'Ansökan om dagvårdsplats, anmälan av vårdtider och beslut om småbarnspedagogik.',
    descriptionEn: 'Applying for a day care place, reporting care times and early education decisions.',
    keywordsFi: 'päivähoito, päiväkoti, perhepäivähoito',
    keywordsSv: 'dagvård, daghem',
    keywordsEn: 'day care, kindergarten',
    eServiceUrl: 'https://asiointi.askola.example/varhaiskasvatus',
    forms: [
      form(
        'askola-varhaiskasvatushakemus',
        'Varhaiskasvatushakemus',
        'Ansökan om småbarnspedagogik',
        'Application for early childhood education',
      ),
    ],
  },
  'savitaipale-asiointi': {
    descriptionFi: 'Savitaipaleen kunnan sähköinen asiointi: hakemukset ja viestit kunnan palveluihin.',
    descriptionSv: 'Savitaipale kommuns e-tjänster: ansökningar och meddelanden till kommunens tjänster.',
    descriptionEn: 'Savitaipale’s e-services: applications and messages to municipal services.',
    keywordsFi: 'hakemus, viesti',
    keywordsSv: 'ansökan',
    keywordsEn: 'application',
    eServiceUrl: 'https://asiointi.savitaipale.example/',
    forms: [],
  },
  'savitaipale-vesihuolto': {
    descriptionFi: 'Vesimittarin lukemat, liittymät ja vesilaskut.',
    descriptionSv: 'Vattenmätarställningar, anslutningar och vattenfakturor.',
    descriptionEn: 'Water meter readings, connections and water bills.',
    keywordsFi: 'vesimittari, vesilasku, viemäri, liittymä',
    keywordsSv: 'vattenmätare, avlopp',
    keywordsEn: 'water meter, sewer',
    eServiceUrl: 'https://asiointi.savitaipale.example/vesi',
    forms: [
      form(
        'savitaipale-vesimittari',
        'Vesimittarin lukemailmoitus',
        'Anmälan om vattenmätarställning',
        'Water meter reading form',
      ),
    ],
  },
  'kankaanpaa-asiointi': {
    descriptionFi: 'Kankaanpään kaupungin sähköinen asiointi: liikuntapaikat, kirjasto ja koulut.',
    descriptionSv: 'Kankaanpää stads e-tjänster: idrottsplatser, bibliotek och skolor.',
    descriptionEn: 'Kankaanpää’s e-services: sports venues, library and schools.',
    keywordsFi: 'kirjasto, koulu, liikunta, tilavaraus',
    keywordsSv: 'bibliotek, skola',
    keywordsEn: 'library, school, sports',
    eServiceUrl: 'https://asiointi.kankaanpaa.example/',
    forms: [
      form(
        'kankaanpaa-koulukuljetus',
        'Koulukuljetushakemus',
        'Ansökan om skolskjuts',
        'Application for school transport',
      ),
    ],
  },
  'kankaanpaa-maankaytto': {
    descriptionFi: 'Kaavoitus, tonttien haku ja maankäytön suunnitelmista kuuleminen.',
    descriptionSv: 'Planläggning, ansökan om tomter och hörande om planer för markanvändning.',
    descriptionEn: 'Zoning, applying for building plots and consultations on land use plans.',
    keywordsFi: 'kaavoitus, tontti, asemakaava',
    keywordsSv: 'detaljplan, tomt',
    keywordsEn: 'zoning, plot',
    eServiceUrl: 'https://asiointi.kankaanpaa.example/maankaytto',
    forms: [
      form('kankaanpaa-tonttihakemus', 'Tonttihakemus', 'Tomtansökan', 'Application for a building plot'),
    ],
  },
};

/**
 * The demo organisations, their services and catalogue texts, then the search index. Idempotent:
 * what exists is kept; texts are set again (same values).
 */
export async function seedDemoOrganisations(services: AppServices): Promise<number> {
  let created = 0;
  for (const demo of demoOrganisations) {
    let organisation = await services.organisations.findByBusinessId(demo.businessId);
    if (!organisation) {
      organisation = await services.organisations.addOrganisation(demo);
      created += 1;
    }
    const existing = new Set(
      (await services.organisations.listServices(demo.businessId)).map((s) => s.serviceId),
    );
    for (const service of demo.services) {
      if (existing.has(service.serviceId)) continue;
      await services.organisations.addService({ ...service, businessId: demo.businessId });
    }
    const municipality = demoMunicipalities[demo.businessId];
    if (municipality) await services.catalogue.setMunicipality(demo.businessId, municipality);
    for (const service of demo.services) {
      const details = demoServiceDetails[service.serviceId];
      if (!details) continue;
      const { forms, ...description } = details;
      await services.catalogue.describeService(service.serviceId, description);
      for (const printable of forms) await services.catalogue.addForm(service.serviceId, printable);
    }
  }
  await services.catalogue.refreshSearchIndex();
  return created;
}
