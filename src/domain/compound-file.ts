/**
 * Reads the names of the top-level streams of a Compound File Binary file (MS-CFB, "OLE2"), the
 * container of the legacy Office formats. Only the root storage's own children say which program
 * wrote the file: an embedded object (a chart in a presentation, a sheet in a document) lives in a
 * sub-storage with streams of its own, so a search of the whole file for "Workbook" would call a
 * presentation with a chart a spreadsheet.
 *
 * The reader trusts nothing in the file: every sector number and entry id is bounds-checked, and
 * chains and trees are walked at most once per sector or entry, so a crafted file cannot loop.
 */

const signature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const headerBytes = 512;
const headerFatEntries = 109;
const directoryEntryBytes = 128;
/** Sector numbers at and above this mark the end of a chain or unused sectors. */
const maxRegularSector = 0xfffffffa;
const noEntry = 0xffffffff;
const storageObject = 1;
const streamObject = 2;
const rootObject = 5;

export function isCompoundFile(content: Buffer): boolean {
  return content.length >= headerBytes && content.subarray(0, signature.length).equals(signature);
}

/**
 * Names of the streams directly under the root storage, or undefined when the file is not a
 * readable compound file.
 */
export function rootStreamNames(content: Buffer): string[] | undefined {
  if (!isCompoundFile(content)) return undefined;
  try {
    return readRootStreamNames(content);
  } catch (error) {
    // A truncated file makes a read run past the end; that is "not readable", not a failure.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function readRootStreamNames(content: Buffer): string[] | undefined {
  const sectorShift = content.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return undefined;
  const sectorBytes = 1 << sectorShift;
  const sectorCount = Math.floor((content.length - headerBytes) / sectorBytes) + 1;
  const sectorOffset = (sector: number) => (sector + 1) * sectorBytes;
  const isSector = (sector: number) => sector <= maxRegularSector && sectorOffset(sector) < content.length;

  const fatSectors = fatSectorList(content, sectorBytes, isSector, sectorOffset);
  if (!fatSectors) return undefined;
  const entriesPerFatSector = sectorBytes / 4;
  const nextSector = (sector: number): number | undefined => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined) return undefined;
    const offset = sectorOffset(fatSector) + (sector % entriesPerFatSector) * 4;
    return offset + 4 <= content.length ? content.readUInt32LE(offset) : undefined;
  };

  // The directory stream: a chain of sectors holding 128-byte entries.
  const entries: Buffer[] = [];
  const seen = new Set<number>();
  for (let sector = content.readUInt32LE(0x30); isSector(sector);) {
    if (seen.has(sector) || seen.size > sectorCount) return undefined;
    seen.add(sector);
    const start = sectorOffset(sector);
    for (
      let offset = start;
      offset + directoryEntryBytes <= start + sectorBytes;
      offset += directoryEntryBytes
    ) {
      if (offset + directoryEntryBytes <= content.length) {
        entries.push(content.subarray(offset, offset + directoryEntryBytes));
      }
    }
    const next = nextSector(sector);
    if (next === undefined) return undefined;
    sector = next;
  }
  const root = entries[0];
  if (!root || root[66] !== rootObject) return undefined;

  // The children of a storage form a binary tree through the left and right sibling ids.
  const names: string[] = [];
  const visited = new Set<number>();
  const pending = [root.readUInt32LE(76)];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === noEntry || visited.has(id)) continue;
    const entry = entries[id];
    if (!entry) return undefined;
    visited.add(id);
    if (entry[66] === streamObject) names.push(entryName(entry));
    else if (entry[66] !== storageObject) return undefined;
    pending.push(entry.readUInt32LE(68), entry.readUInt32LE(72));
  }
  return names;
}

/** The sectors holding the file allocation table: 109 listed in the header, the rest in DIFAT sectors. */
function fatSectorList(
  content: Buffer,
  sectorBytes: number,
  isSector: (sector: number) => boolean,
  sectorOffset: (sector: number) => number,
): number[] | undefined {
  const fatSectorCount = content.readUInt32LE(0x2c);
  const sectors: number[] = [];
  for (let i = 0; i < headerFatEntries && sectors.length < fatSectorCount; i++) {
    sectors.push(content.readUInt32LE(0x4c + i * 4));
  }
  const seen = new Set<number>();
  for (let difat = content.readUInt32LE(0x44); sectors.length < fatSectorCount && isSector(difat);) {
    if (seen.has(difat)) return undefined;
    seen.add(difat);
    const start = sectorOffset(difat);
    const perSector = sectorBytes / 4 - 1;
    for (let i = 0; i < perSector && sectors.length < fatSectorCount; i++) {
      sectors.push(content.readUInt32LE(start + i * 4));
    }
    difat = content.readUInt32LE(start + perSector * 4);
  }
  return sectors.length === fatSectorCount && sectors.every(isSector) ? sectors : undefined;
}

/** The entry's name: UTF-16LE, its length in bytes (with the terminating NUL) at offset 64. */
function entryName(entry: Buffer): string {
  const length = Math.min(entry.readUInt16LE(64), 64);
  return entry.subarray(0, Math.max(0, length - 2)).toString('utf16le');
}
