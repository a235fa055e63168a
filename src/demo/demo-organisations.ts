/**
 * The organisations named in the original service text, with fictitious business IDs (valid check
 * digits, 999xxxx range) and a few services each.
 */
export interface DemoService {
  serviceId: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  acceptsMessages: boolean;
  /**
   * Social and health services: their notifications never name the sender
   * (senderDetailsInNotifications "None"), as even that could tell a reader of the e-mail or SMS
   * something about the person.
   */
  sensitive?: boolean;
}

export interface DemoOrganisation {
  businessId: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  services: DemoService[];
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    businessId: '9990001-6',
    nameFi: 'Peruspalvelukuntayhtymä Kallio',
    nameSv: 'Samkommunen för basservice Kallio',
    nameEn: 'Kallio Joint Municipal Authority for Basic Services',
    streetAddress: 'Kalliontie 1',
    postalCode: '84100',
    city: 'Ylivieska',
    services: [
      {
        serviceId: 'kallio-sosiaalipalvelut',
        nameFi: 'Sosiaalipalvelut',
        nameSv: 'Socialtjänster',
        nameEn: 'Social services',
        acceptsMessages: true,
        sensitive: true,
      },
      {
        serviceId: 'kallio-terveyspalvelut',
        nameFi: 'Terveyspalvelut',
        nameSv: 'Hälsotjänster',
        nameEn: 'Health services',
        acceptsMessages: true,
        sensitive: true,
      },
      {
        serviceId: 'kallio-asiakasmaksut',
        nameFi: 'Asiakasmaksut',
        nameSv: 'Klientavgifter',
        nameEn: 'Client fees',
        acceptsMessages: false,
      },
    ],
  },
  {
    businessId: '9990002-4',
    nameFi: 'Ylitornion kunta',
    nameSv: 'Övertorneå kommun',
    nameEn: 'Municipality of Ylitornio',
    streetAddress: 'Alkkulanraitti 1',
    postalCode: '95600',
    city: 'Ylitornio',
    services: [
      {
        serviceId: 'ylitornio-lomakkeet',
        nameFi: 'Sähköiset lomakkeet',
        nameSv: 'Elektroniska blanketter',
        nameEn: 'Electronic forms',
        acceptsMessages: true,
      },
      {
        serviceId: 'ylitornio-rakennusvalvonta',
        nameFi: 'Rakennusvalvonta',
        nameSv: 'Byggnadstillsyn',
        nameEn: 'Building control',
        acceptsMessages: false,
      },
    ],
  },
  {
    businessId: '9990003-2',
    nameFi: 'Askolan kunta',
    nameSv: 'Askola kommun',
    nameEn: 'Municipality of Askola',
    streetAddress: 'Askolantie 30',
    postalCode: '07500',
    city: 'Askola',
    services: [
      {
        serviceId: 'askola-asiointi',
        nameFi: 'Askolan sähköinen asiointi',
        nameSv: 'Askolas e-tjänster',
        nameEn: 'Askola e-services',
        acceptsMessages: true,
      },
      {
        serviceId: 'askola-varhaiskasvatus',
        nameFi: 'Varhaiskasvatus',
        nameSv: 'Småbarnspedagogik',
        nameEn: 'Early childhood education',
        acceptsMessages: false,
      },
    ],
  },
  {
    businessId: '9990004-0',
    nameFi: 'Savitaipaleen kunta',
    nameSv: 'Savitaipale kommun',
    nameEn: 'Municipality of Savitaipale',
    streetAddress: 'Kuntalantie 2',
    postalCode: '54800',
    city: 'Savitaipale',
    services: [
      {
        serviceId: 'savitaipale-asiointi',
        nameFi: 'Savitaipaleen kunnan sähköinen asiointi',
        nameSv: 'Savitaipale kommuns e-tjänster',
        nameEn: 'Savitaipale municipal e-services',
        acceptsMessages: true,
      },
      {
        serviceId: 'savitaipale-vesihuolto',
        nameFi: 'Vesihuolto',
        nameSv: 'Vattentjänster',
        nameEn: 'Water services',
        acceptsMessages: false,
      },
    ],
  },
  {
    businessId: '9990005-9',
    nameFi: 'Kankaanpään kaupunki',
    nameSv: 'Kankaanpää stad',
    nameEn: 'City of Kankaanpää',
    streetAddress: 'Kuninkaanlähteenkatu 12',
    postalCode: '38700',
    city: 'Kankaanpää',
    services: [
      {
        serviceId: 'kankaanpaa-asiointi',
        nameFi: 'Sähköinen asiointi',
        nameSv: 'E-tjänster',
        nameEn: 'E-services',
        acceptsMessages: true,
      },
      {
        serviceId: 'kankaanpaa-maankaytto',
        nameFi: 'Maankäyttö ja kaavoitus',
        nameSv: 'Markanvändning och planläggning',
        nameEn: 'Land use and planning',
        acceptsMessages: false,
      },
    ],
  },
];
