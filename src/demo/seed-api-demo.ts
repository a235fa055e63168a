import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { AppContext } from '../app-context.js';
import { NotFoundError } from '../errors.js';
import type { ElectronicPartInput, PaperMailPartInput } from '../modules/messages/index.js';
import type { ApiPrincipal } from '../modules/organisations/index.js';
import type { AppServices } from '../services.js';
import { demoOrganisations } from './demo-organisations.js';
import type { Progress } from './seed-demo.js';

/** Kimmo Mäkinen, the demo register's example person (fictitious test number). */
const KIMMO = '270570-901K';
const CREDENTIALS_FILE = 'demo-credentials.json';
const API_ORGANISATION = '9990001-6';
const API_SERVICE = 'kallio-sosiaalipalvelut';

/** A one-page PDF letter, so the demo shows a real attachment and a printable paper part. */
function letterPdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(18).text(title).moveDown();
    pdf.fontSize(11);
    for (const line of lines) pdf.text(line).moveDown(0.5);
    pdf.end();
  });
}

async function principalFor(services: AppServices, businessId: string): Promise<ApiPrincipal> {
  const organisation = await services.organisations.requireOrganisation(businessId);
  // The seed acts as the organisation's integration; sending needs only the organisation.
  return { organisationId: organisation.id, businessId, credentialId: 0, username: 'demo-seed' };
}

async function alreadySent(
  services: AppServices,
  principal: ApiPrincipal,
  externalId: string,
): Promise<boolean> {
  try {
    await services.messaging.queries.idByExternalId(principal, externalId);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/** Credentials for Peruspalvelukuntayhtymä Kallio, written once to DATA_DIR/demo-credentials.json. */
async function seedCredentials(
  context: AppContext,
  services: AppServices,
  progress: Progress,
): Promise<void> {
  const file = path.join(context.config.dataDir, CREDENTIALS_FILE);
  if (fs.existsSync(file)) {
    progress(`demo: organisation API credentials are in ${file}`);
    return;
  }
  const created = await services.messaging.credentials.create({ businessId: API_ORGANISATION });
  const content = {
    baseUrl: context.config.publicUrl.origin,
    username: created.username,
    password: created.password,
    serviceId: API_SERVICE,
  };
  fs.mkdirSync(context.config.dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  progress(
    `demo: organisation API credentials for Peruspalvelukuntayhtymä Kallio – username ${created.username}, ` +
      `password ${created.password}, serviceId ${API_SERVICE} (also in ${file})`,
  );
}

/** Whether the demo service is a social or health service, whose notifications must not name it. */
export function isSensitiveDemoService(serviceId: string): boolean {
  return demoOrganisations.some((o) => o.services.some((s) => s.serviceId === serviceId && s.sensitive));
}

/** The contract's notification choices of a demo message: sensitive services stay unnamed. */
export function demoNotifications(serviceId: string): ElectronicPartInput['notifications'] {
  return {
    senderDetailsInNotifications: isSensitiveDemoService(serviceId)
      ? 'None'
      : 'Organisation and service name',
    unreadMessageNotification: { reminder: 'Default reminder' },
  };
}

function electronicPart(
  serviceId: string,
  part: Partial<ElectronicPartInput> & Pick<ElectronicPartInput, 'title' | 'body'>,
) {
  return {
    attachments: [],
    bodyFormat: 'Text' as const,
    messageServiceType: 'Normal' as const,
    notifications: demoNotifications(serviceId),
    replyAllowedBy: 'No one' as const,
    visibility: 'Normal' as const,
    ...part,
  };
}

async function paperPart(
  context: AppContext,
  businessId: string,
  attachmentId: string,
): Promise<PaperMailPartInput> {
  const person = await context.populationRegister.findByIdentityCode(KIMMO);
  const sender = demoOrganisations.find((o) => o.businessId === businessId)!;
  return {
    attachments: [{ attachmentId }],
    colorPrinting: false,
    createAddressPage: true,
    messageServiceType: 'Verifiable',
    rotateLandscapePages: false,
    twoSidedPrinting: true,
    printingAndEnvelopingService: {
      costPool: 'DEMO',
      postiMessaging: {
        contactDetails: { email: 'tulostus@example.fi' },
        username: 'demo01',
        password: '0000',
      },
    },
    recipient: {
      address: {
        name: person ? `${person.firstNames} ${person.lastName}` : 'Kimmo Mäkinen',
        streetAddress: person?.address?.streetAddress ?? 'Mannerheimintie 1',
        zipCode: person?.address?.postalCode ?? '00100',
        city: person?.address?.city ?? 'Helsinki',
        countryCode: person?.address?.countryCode ?? 'FI',
      },
    },
    sender: {
      address: {
        name: sender.nameFi,
        streetAddress: sender.streetAddress,
        zipCode: sender.postalCode,
        city: sender.city,
        countryCode: 'FI',
      },
    },
  };
}

/** One demo message: who sends it, what it says, and the PDF letter attached to it, if any. */
interface DemoMessage {
  businessId: string;
  serviceId: string;
  externalId: string;
  letter?: { fileName: string; title: string; lines: string[] };
  electronic: Partial<ElectronicPartInput> & Pick<ElectronicPartInput, 'title' | 'body'>;
  /** Sent as multichannel, with the letter also printed and posted. */
  alsoOnPaper?: boolean;
}

const demoMessages: DemoMessage[] = [
  {
    businessId: '9990001-6',
    serviceId: 'kallio-sosiaalipalvelut',
    externalId: 'demo-kallio-paatos-1',
    letter: {
      fileName: 'paatos-toimeentulotuki.pdf',
      title: 'Päätös toimeentulotuesta',
      lines: [
        'Hakija: Kimmo Mäkinen',
        'Päätös: Myönteinen. Toimeentulotukea myönnetään ajalle 1.3.–31.3.2026.',
        'Oikaisuvaatimusohje: Päätökseen saa hakea oikaisua 30 päivän kuluessa tiedoksisaannista.',
      ],
    },
    electronic: {
      title: 'Päätös toimeentulotuesta',
      body: 'Hei,\n\nohessa päätös toimeentulotukihakemukseesi. Päätös on liitteenä PDF-tiedostona.\n\nYstävällisin terveisin\nSosiaalipalvelut',
    },
  },
  {
    businessId: '9990002-4',
    serviceId: 'ylitornio-rakennusvalvonta',
    externalId: 'demo-ylitornio-rakennuslupa-1',
    letter: {
      fileName: 'rakennuslupapaatos.pdf',
      title: 'Rakennuslupapäätös',
      lines: [
        'Luvan hakija: Kimmo Mäkinen',
        'Päätös: Rakennuslupa myönnetään hakemuksen mukaisesti.',
        'Tämä päätös annetaan tiedoksi todisteellisesti.',
      ],
    },
    electronic: {
      title: 'Rakennuslupapäätös (todisteellinen tiedoksianto)',
      body: 'Rakennuslupapäätöksesi on valmis. Kuittaa viesti vastaanotetuksi, niin pääset lukemaan päätöksen.',
      messageServiceType: 'Verifiable',
    },
    alsoOnPaper: true,
  },
  {
    businessId: '9990003-2',
    serviceId: 'askola-asiointi',
    externalId: 'demo-askola-selvityspyynto-1',
    electronic: {
      title: 'Pyyntö lisäselvityksestä',
      body: 'Hei,\n\ntarvitsemme hakemuksesi käsittelyä varten kopion vuokrasopimuksesta. Voit vastata tähän viestiin ja liittää sopimuksen mukaan.',
      replyAllowedBy: 'Anyone',
    },
  },
  {
    businessId: '9990004-0',
    serviceId: 'savitaipale-asiointi',
    externalId: 'demo-savitaipale-tiedote-1',
    electronic: {
      title: 'Tiedote: kunnan sähköinen asiointi uudistuu',
      bodyFormat: 'Markdown',
      body: [
        '# Sähköinen asiointi uudistuu',
        '',
        'Savitaipaleen kunnan palvelut siirtyvät **asiointitilille**. Jatkossa saat:',
        '',
        '- päätökset ja kirjeet sähköisesti',
        '- ilmoituksen uusista viesteistä sähköpostiin tai tekstiviestinä',
        '',
        'Lisätietoja: [suomi.fi](https://www.suomi.fi/)',
      ].join('\n'),
    },
  },
];

/** Sends one demo message unless it was sent before; says whether it sent. */
async function sendDemoMessage(
  context: AppContext,
  services: AppServices,
  message: DemoMessage,
): Promise<boolean> {
  const principal = await principalFor(services, message.businessId);
  if (await alreadySent(services, principal, message.externalId)) return false;
  let attachmentId: string | undefined;
  if (message.letter) {
    const pdf = await letterPdf(message.letter.title, message.letter.lines);
    ({ attachmentId } = await services.messaging.attachments.upload(principal, {
      fileName: message.letter.fileName,
      content: pdf,
    }));
  }
  const common = {
    externalId: message.externalId,
    recipient: { id: KIMMO },
    sender: { serviceId: message.serviceId },
    electronic: electronicPart(message.serviceId, {
      ...message.electronic,
      ...(attachmentId ? { attachments: [{ attachmentId }] } : {}),
    }),
  };
  if (message.alsoOnPaper && attachmentId) {
    await services.messaging.sending.sendMultichannel(principal, {
      ...common,
      paperMail: await paperPart(context, message.businessId, attachmentId),
    });
  } else {
    await services.messaging.sending.sendElectronic(principal, common);
  }
  return true;
}

/** Demo messages to Kimmo from several organisations, sent through the real sending service. */
async function seedMessages(context: AppContext, services: AppServices, progress: Progress): Promise<void> {
  let sent = 0;
  for (const message of demoMessages) {
    if (await sendDemoMessage(context, services, message)) sent += 1;
  }
  progress(
    sent > 0 ? `demo: sent ${sent} messages to Kimmo Mäkinen` : 'demo: messages to Kimmo Mäkinen present',
  );
}

/** Demo API credentials (DATA_DIR/demo-credentials.json) and demo messages. Idempotent. */
export async function seedApiDemo(
  context: AppContext,
  services: AppServices,
  progress: Progress,
): Promise<void> {
  await seedCredentials(context, services, progress);
  // The citizen portal's seed opens Kimmo's mailbox; if it has not, open it here so mail can land.
  await services.messaging.mailboxes.ensureDemoMailbox(KIMMO, context.clock());
  await seedMessages(context, services, progress);
}
