import type { OrganisationFixture } from './fixtures.js';
import { newExternalId } from './fixtures.js';

/** Request bodies of the organisation API, and the paper part as the API stores it. */

/** A valid POST /v2/messages/electronic body; `electronic` fields can be overridden. */
export function electronicRequest(
  organisation: Pick<OrganisationFixture, 'serviceId'>,
  recipientId: string,
  electronic: Record<string, unknown> = {},
  externalId = newExternalId(),
) {
  return {
    externalId,
    recipient: { id: recipientId },
    sender: { serviceId: organisation.serviceId },
    electronic: {
      title: 'Päätös toimeentulotuesta',
      body: 'Hei,\n\nohessa päätös.',
      bodyFormat: 'Text',
      messageServiceType: 'Normal',
      replyAllowedBy: 'No one',
      visibility: 'Normal',
      attachments: [],
      notifications: {
        senderDetailsInNotifications: 'Organisation and service name',
        unreadMessageNotification: { reminder: 'Default reminder' },
      },
      ...electronic,
    },
  };
}

export function testAddress(name: string) {
  return { name, streetAddress: 'Testikatu 1 A 2', zipCode: '00100', city: 'Helsinki', countryCode: 'FI' };
}

/** A valid paper part printing the given PDF upload. */
export function paperMailPart(attachmentId: string, overrides: Record<string, unknown> = {}) {
  return {
    attachments: [{ attachmentId }],
    colorPrinting: false,
    createAddressPage: true,
    messageServiceType: 'Normal',
    rotateLandscapePages: false,
    twoSidedPrinting: true,
    printingAndEnvelopingService: {
      costPool: 'KALLIO01',
      postiMessaging: { contactDetails: { email: 'posti@example.fi' }, username: 'abcdef', password: '1234' },
    },
    recipient: { address: testAddress('Kimmo Mäkinen') },
    sender: { address: testAddress('Testikunta') },
    ...overrides,
  };
}

/** A valid v1 paper part (NewPaperMailWithoutId / NewNormalPaperMail) printing the given file. */
export function v1PaperFields(fileId: string, overrides: Record<string, unknown> = {}) {
  return {
    createCoverPage: true,
    files: [{ fileId }],
    printingAndEnvelopingService: {
      postiMessaging: { contactDetails: { email: 'posti@example.fi' }, username: 'abcdef', password: '1234' },
    },
    recipient: { address: testAddress('Kimmo Mäkinen') },
    sender: { address: testAddress('Testikunta') },
    ...overrides,
  };
}

export interface AddressInput {
  name: string;
  streetAddress: string;
  zipCode: string;
  city: string;
  countryCode: string;
  additionalName?: string;
}

export const senderAddress: AddressInput = {
  name: 'Kallion peruspalvelukuntayhtymä',
  streetAddress: 'Kauppakatu 1',
  zipCode: '84100',
  city: 'Ylivieska',
  countryCode: 'FI',
};

/** The contract's v2 PaperMailPart, as the organisation API stores it. */
export function paperPart(
  attachmentId: string,
  recipient: AddressInput | undefined,
  flags: Partial<{
    colorPrinting: boolean;
    createAddressPage: boolean;
    twoSidedPrinting: boolean;
    rotateLandscapePages: boolean;
  }> = {},
): Record<string, unknown> {
  return {
    attachments: [{ attachmentId }],
    colorPrinting: flags.colorPrinting ?? false,
    createAddressPage: flags.createAddressPage ?? true,
    messageServiceType: 'Normal',
    printingAndEnvelopingService: {
      postiMessaging: {
        contactDetails: { email: 'posti@example.fi' },
        username: 'posti-user',
        password: 'secret',
      },
    },
    ...(recipient ? { recipient: { address: recipient } } : {}),
    rotateLandscapePages: flags.rotateLandscapePages ?? false,
    sender: { address: senderAddress },
    twoSidedPrinting: flags.twoSidedPrinting ?? false,
  };
}
