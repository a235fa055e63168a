/**
 * The printable consent form an organisation's units hand out (the seed's Kallio leaflet): the
 * organisation's name, the consent wording with a tick box, fields for the person's name and identity
 * code, date and signature lines, and short steps for opening the account at our public address.
 * Finnish follows the seed's wording (its typo "suositumuksen" corrected); Swedish says the same.
 */

export const consentFormLanguages = ['fi', 'sv'] as const;
export type ConsentFormLanguage = (typeof consentFormLanguages)[number];

interface FormTexts {
  title: string;
  consent: string;
  name: string;
  identityCode: string;
  date: string;
  signature: string;
  howTo: string;
  steps: (url: string) => string[];
  withdraw: string;
}

const texts: Record<ConsentFormLanguage, FormTexts> = {
  fi: {
    title: 'Suostumus asiakirjojen ja viestien lähettämiseen asiointitilille',
    consent:
      'Olen tutustunut asiointitilin käyttöön ja minua koskevia asiakirjoja ja viestejä saa lähettää asiointitililleni. Olen avannut asiointitilini ja toimitan tämän suostumuksen minua palvelevaan yksikköön (rasti ruutuun). Voin ilmoittaa asiointitilin käyttöönotosta myös puhelimitse minua palvelevaan yksikköön.',
    name: 'Nimi',
    identityCode: 'Henkilötunnus',
    date: 'Päivämäärä',
    signature: 'Allekirjoitus',
    howTo: 'Näin otat asiointitilin käyttöön:',
    steps: (url) => [
      `Mene osoitteeseen ${url}`,
      'Tunnistaudu pankkitunnuksilla, mobiilivarmenteella tai varmennekortilla.',
      'Hyväksy käyttöehdot. Voit antaa sähköpostiosoitteen tai matkapuhelinnumeron, johon saat ilmoituksen uusista viesteistä.',
      'Täytä ja allekirjoita tämä lomake ja toimita se sinua palvelevaan yksikköön.',
    ],
    withdraw:
      'Voit perua suostumuksen milloin tahansa asiointitilin asetuksista tai ilmoittamalla siitä yksikköön. Sen jälkeen saat asiakirjat jälleen paperipostina.',
  },
  sv: {
    title: 'Samtycke till att handlingar och meddelanden skickas till ärendekontot',
    consent:
      'Jag har bekantat mig med hur ärendekontot används, och handlingar och meddelanden som gäller mig får skickas till mitt ärendekonto. Jag har öppnat mitt ärendekonto och lämnar detta samtycke till den enhet som betjänar mig (kryssa i rutan). Jag kan också meddela den enhet som betjänar mig per telefon att jag har tagit ärendekontot i bruk.',
    name: 'Namn',
    identityCode: 'Personbeteckning',
    date: 'Datum',
    signature: 'Underskrift',
    howTo: 'Så här tar du ärendekontot i bruk:',
    steps: (url) => [
      `Gå till ${url}`,
      'Identifiera dig med bankkoder, mobilcertifikat eller certifikatkort.',
      'Godkänn användarvillkoren. Du kan ge en e-postadress eller ett mobilnummer dit du får meddelande om nya meddelanden.',
      'Fyll i och underteckna denna blankett och lämna den till den enhet som betjänar dig.',
    ],
    withdraw:
      'Du kan när som helst återkalla samtycket i ärendekontots inställningar eller genom att meddela enheten. Därefter får du handlingarna per post igen.',
  },
};

/** A4 in PDF points (1/72 inch). */
const A4 = { width: 595.28, height: 841.89 } as const;
const mm = (millimetres: number) => (millimetres * 72) / 25.4;

export interface ConsentFormInput {
  organisationName: string;
  language: ConsentFormLanguage;
  /** Where the account is opened: our PUBLIC_URL. */
  publicUrl: string;
}

/**
 * The form as a one-page A4 PDF. Uses the standard Helvetica the paper letters use (its WinAnsi
 * encoding holds å, ä and ö); pdfkit is loaded on first use, as by the letter composer.
 */
export async function composeConsentForm(input: ConsentFormInput): Promise<Buffer> {
  const { default: PDFKit } = await import('pdfkit');
  const t = texts[input.language];
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({
      size: 'A4',
      margin: mm(20),
      info: { Title: t.title, Producer: 'asiointitili', Creator: 'asiointitili' },
      lang: input.language,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const left = mm(20);
    const width = A4.width - mm(40);
    doc.font('Helvetica-Bold').fontSize(13).text(input.organisationName, left, mm(20), { width });
    doc.moveDown(1.2);
    doc.font('Helvetica-Bold').fontSize(15).text(t.title, { width });
    doc.moveDown(1);

    // The tick box beside the consent wording.
    const box = mm(5);
    const boxTop = doc.y + 1;
    doc.lineWidth(1).rect(left, boxTop, box, box).stroke();
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(t.consent, left + box + mm(4), boxTop, { width: width - box - mm(4), lineGap: 2 });
    doc.moveDown(2);

    const line = (label: string, x: number, y: number, lineWidth: number) => {
      doc.font('Helvetica').fontSize(11).text(label, x, y, { lineBreak: false });
      doc
        .moveTo(x, y + mm(15))
        .lineTo(x + lineWidth, y + mm(15))
        .stroke();
    };
    const half = (width - mm(10)) / 2;
    let y = doc.y;
    line(t.name, left, y, half);
    line(t.identityCode, left + half + mm(10), y, half);
    y += mm(25);
    line(t.date, left, y, half);
    line(t.signature, left + half + mm(10), y, half);

    doc.x = left;
    doc.y = y + mm(30);
    doc.font('Helvetica-Bold').fontSize(12).text(t.howTo, left, doc.y, { width });
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(11).list(t.steps(input.publicUrl), left, doc.y, {
      width,
      listType: 'numbered',
      lineGap: 2,
      paragraphGap: 4,
    });
    doc.moveDown(1);
    doc.font('Helvetica').fontSize(10).text(t.withdraw, left, doc.y, { width });
    doc.end();
  });
}
