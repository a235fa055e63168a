import { crc32 } from 'node:zlib';
import { sampleFiles, tinyPdf } from './sample-files.js';

/**
 * Small but structurally real files of every attachment type the service accepts, built here so
 * the tests show what each format's bytes look like: a stored (uncompressed) ZIP for the OOXML and
 * OpenDocument formats, a Compound File Binary container for the legacy Office ones, a baseline
 * JPEG. The legacy Office files carry the main stream's directory entry but no document inside it,
 * which is all the type decision reads.
 */

/** A ZIP archive whose entries are stored, in the given order. */
export function storedZip(entries: Array<[name: string, content: string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of entries) {
    const data = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const officeDocumentRelationship =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

/** An Office Open XML package: content types, the package relationship and the main part. */
function officeOpenXml(mainPart: string, mainContentType: string, mainXml: string): Buffer {
  return storedZip([
    [
      '[Content_Types].xml',
      `${xmlDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${mainPart}" ContentType="${mainContentType}"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${xmlDeclaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${officeDocumentRelationship}" Target="${mainPart}"/></Relationships>`,
    ],
    [mainPart, `${xmlDeclaration}${mainXml}`],
  ]);
}

/** An OpenDocument package: the uncompressed "mimetype" entry first, as the format requires. */
function openDocument(mediaType: string, body: string): Buffer {
  return storedZip([
    ['mimetype', mediaType],
    [
      'content.xml',
      `${xmlDeclaration}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
        `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">` +
        `<office:body>${body}</office:body></office:document-content>`,
    ],
    [
      'META-INF/manifest.xml',
      `${xmlDeclaration}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
        `<manifest:file-entry manifest:full-path="/" manifest:media-type="${mediaType}"/>` +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ],
  ]);
}

export interface CompoundEntry {
  name: string;
  /** A storage holds further entries; a stream holds data (empty here). */
  children?: CompoundEntry[];
}

const endOfChain = 0xfffffffe;
const freeSector = 0xffffffff;
const noStream = 0xffffffff;

/**
 * A version 3 Compound File Binary file (512-byte sectors): header, one FAT sector and the
 * directory. Siblings are chained through their right-sibling ids, a valid (if unbalanced) tree.
 */
export function compoundFile(rootChildren: CompoundEntry[]): Buffer {
  const entries: Array<{ name: string; type: number; child: number; right: number }> = [
    { name: 'Root Entry', type: 5, child: noStream, right: noStream },
  ];
  const addChildren = (children: CompoundEntry[]): number => {
    const ids = children.map((child) => {
      entries.push({ name: child.name, type: child.children ? 1 : 2, child: noStream, right: noStream });
      return entries.length - 1;
    });
    children.forEach((child, index) => {
      const entry = entries[ids[index]!]!;
      if (index + 1 < ids.length) entry.right = ids[index + 1]!;
      if (child.children) entry.child = addChildren(child.children);
    });
    return ids[0] ?? noStream;
  };
  entries[0]!.child = addChildren(rootChildren);

  const directorySectors = Math.ceil(entries.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(0x1000, 0x38); // mini stream cutoff
  header.writeUInt32LE(endOfChain, 0x3c); // no mini FAT
  header.writeUInt32LE(endOfChain, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : freeSector, 0x4c + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 holds the FAT itself
  for (let sector = 1; sector <= directorySectors; sector++) {
    fat.writeUInt32LE(sector === directorySectors ? endOfChain : sector + 1, sector * 4);
  }

  const directory = Buffer.alloc(directorySectors * 512);
  for (let id = 0; id < directorySectors * 4; id++) {
    const at = id * 128;
    const entry = entries[id];
    directory.writeUInt32LE(noStream, at + 68); // siblings hang to the right only
    directory.writeUInt32LE(entry?.right ?? noStream, at + 72);
    directory.writeUInt32LE(entry?.child ?? noStream, at + 76);
    if (!entry) continue;
    const name = Buffer.from(`${entry.name}\0`, 'utf16le');
    name.copy(directory, at);
    directory.writeUInt16LE(name.length, at + 64);
    directory[at + 66] = entry.type;
    directory[at + 67] = 1; // black
    directory.writeUInt32LE(endOfChain, at + 116); // no data
  }
  return Buffer.concat([header, fat, directory]);
}

/**
 * A 1×1 grey baseline JPEG: quantisation table, frame header, one DC and one AC Huffman table with
 * a single code each, and one block whose DC difference is 0 followed by end-of-block.
 */
function tinyJpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const oneCodeTable = (tableClass: number) => [tableClass << 4, 1, ...Array<number>(15).fill(0), 0x00];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    ...segment(0xdb, [0x00, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneCodeTable(0)),
    ...segment(0xc4, oneCodeTable(1)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f, // DC code "0", end-of-block "0", padded with ones
    0xff,
    0xd9,
  ]);
}

/** One good file of every accepted type, with the name it would usually carry. */
export const goodFiles: Array<{ fileName: string; mediaType: string; content: Buffer }> = [
  { fileName: 'paatos.pdf', mediaType: 'application/pdf', content: tinyPdf() },
  { fileName: 'kuva.jpg', mediaType: 'image/jpeg', content: tinyJpeg() },
  { fileName: 'kuva.png', mediaType: 'image/png', content: sampleFiles.png },
  { fileName: 'selvitys.txt', mediaType: 'text/plain', content: Buffer.from('Hei,\n\ntässä selvitys.\n') },
  {
    fileName: 'hakemus.doc',
    mediaType: 'application/msword',
    content: compoundFile([
      { name: 'WordDocument' },
      { name: '1Table' },
      { name: '\u0005SummaryInformation' },
    ]),
  },
  {
    fileName: 'hakemus.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    content: officeOpenXml(
      'word/document.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        '<w:body><w:p><w:r><w:t>Hakemus</w:t></w:r></w:p></w:body></w:document>',
    ),
  },
  {
    fileName: 'laskelma.xls',
    mediaType: 'application/vnd.ms-excel',
    content: compoundFile([{ name: 'Workbook' }, { name: '\u0005SummaryInformation' }]),
  },
  {
    fileName: 'laskelma.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: officeOpenXml(
      'xl/workbook.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    ),
  },
  {
    // A presentation with an embedded chart: the chart's own "Workbook" sits in a sub-storage.
    fileName: 'esitys.ppt',
    mediaType: 'application/vnd.ms-powerpoint',
    content: compoundFile([
      { name: 'PowerPoint Document' },
      { name: 'Current User' },
      { name: 'MBD0001', children: [{ name: 'Workbook' }] },
    ]),
  },
  {
    fileName: 'esitys.pptx',
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    content: officeOpenXml(
      'ppt/presentation.xml',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ),
  },
  {
    fileName: 'muistio.odt',
    mediaType: 'application/vnd.oasis.opendocument.text',
    content: openDocument(
      'application/vnd.oasis.opendocument.text',
      '<office:text><text:p>Muistio</text:p></office:text>',
    ),
  },
  {
    fileName: 'taulukko.ods',
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    content: openDocument('application/vnd.oasis.opendocument.spreadsheet', '<office:spreadsheet/>'),
  },
];

export function goodFile(mediaType: string): { fileName: string; mediaType: string; content: Buffer } {
  const file = goodFiles.find((candidate) => candidate.mediaType === mediaType);
  if (!file) throw new Error(`no sample of ${mediaType}`);
  return file;
}

/** The files the issue reported as accepted, each with the type a client declared for it. */
export const issuePayloads = {
  html: {
    fileName: 'ohje.html',
    content: Buffer.from(
      '<!DOCTYPE html>\n<html><body><script>document.location="https://example.invalid"</script></body></html>\n',
    ),
    declaredType: 'text/html',
  },
  svg: {
    fileName: 'kuva.svg',
    content: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>\n',
    ),
    declaredType: 'image/svg+xml',
  },
  hta: {
    fileName: 'lasku.hta',
    content: Buffer.from(
      '<html><head><hta:application id="lasku"/><script language="VBScript">CreateObject("WScript.Shell")</script></head></html>\n',
    ),
    declaredType: 'application/hta',
  },
  doubleExtension: {
    fileName: 'lasku.pdf.js',
    content: Buffer.from('var shell = new ActiveXObject("WScript.Shell");\n'),
    declaredType: 'text/javascript',
  },
  htmlAsPdf: {
    fileName: 'trick.pdf',
    content: Buffer.from('<html><body onload="alert(1)">Lasku</body></html>\n'),
    declaredType: 'application/pdf',
  },
};
