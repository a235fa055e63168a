/**
 * The paper part of a message as the organisation sent it (stored encrypted in `messages.paper_enc`,
 * verbatim): v1 `NewNormalPaperMail`/`NewPaperMailWithoutId` or v2 `PaperMailPart`. Parsed
 * defensively into the few things a letter needs.
 */
export interface PaperAddress {
  name: string;
  additionalName: string | undefined;
  streetAddress: string;
  zipCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
}

export interface PrintFlags {
  color: boolean;
  duplex: boolean;
  /** We compose a first page with the addresses; otherwise the document's first page carries them. */
  addressPage: boolean;
  /** Landscape pages are turned to portrait for printing. */
  rotateLandscape: boolean;
}

export interface PaperMailRequest {
  /** Missing when the organisation addressed the person by identity code only. */
  recipientAddress: PaperAddress | undefined;
  /** The return address printed on the letter. */
  senderAddress: PaperAddress | undefined;
  /** The one PDF to print (an attachment id). */
  documentId: string | undefined;
  flags: PrintFlags;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function parseAddress(value: unknown): PaperAddress | undefined {
  const address = object(value);
  if (!address) return undefined;
  const name = text(address.name);
  const streetAddress = text(address.streetAddress);
  const zipCode = text(address.zipCode) ?? text(address.postalCode);
  const city = text(address.city);
  if (!name || !streetAddress || !zipCode || !city) return undefined;
  return {
    name,
    additionalName: text(address.additionalName),
    streetAddress,
    zipCode,
    city,
    countryCode: (text(address.countryCode) ?? 'FI').toUpperCase(),
  };
}

function firstFileId(paper: Json): string | undefined {
  const v2 = Array.isArray(paper.attachments) ? object(paper.attachments[0]) : undefined;
  const v1 = Array.isArray(paper.files) ? object(paper.files[0]) : undefined;
  return text(v2?.attachmentId) ?? text(v1?.fileId);
}

/** Throws when the JSON is not an object at all; missing fields come back undefined. */
export function parsePaperMailRequest(json: string): PaperMailRequest {
  const parsed = object(JSON.parse(json));
  if (!parsed) throw new Error('paper part is not a JSON object');
  // Tolerate the whole request body having been stored instead of its paper part.
  const paper = object(parsed.paperMail) ?? parsed;
  return {
    recipientAddress: parseAddress(object(paper.recipient)?.address),
    senderAddress: parseAddress(object(paper.sender)?.address),
    documentId: firstFileId(paper),
    flags: {
      color: paper.colorPrinting === true,
      duplex: paper.twoSidedPrinting === true,
      // v2 calls it createAddressPage, v1 createCoverPage.
      addressPage: paper.createAddressPage === true || paper.createCoverPage === true,
      rotateLandscape: paper.rotateLandscapePages === true,
    },
  };
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * The lines of a postal address as printed: name, optional second name row, street, postal code and
 * city; abroad, the country in capitals on the last line (Posti's addressing guidance).
 */
export function addressLines(address: PaperAddress): string[] {
  const lines = [address.name];
  if (address.additionalName) lines.push(address.additionalName);
  lines.push(address.streetAddress, `${address.zipCode} ${address.city}`);
  if (address.countryCode !== 'FI') {
    let country = address.countryCode;
    try {
      country = countryNames.of(address.countryCode) ?? country;
    } catch {
      // An unknown code is printed as it is.
    }
    lines.push(country.toUpperCase());
  }
  return lines;
}
