// What a workbook declares before any of it is unpacked: its zip central directory (the list of
// entries at the end of the file, with each entry's packed and unpacked size). A zip bomb — a few
// MB that unpack to hundreds — is refused from these numbers alone, and the entries are then
// inflated with a hard cap at their declared size, so a directory that lies is caught too.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  /** Where the entry's local header starts. */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

export class ZipDirectoryError extends Error {
  override name = 'ZipDirectoryError';
}

/** The central directory's entries; throws ZipDirectoryError when it cannot be read. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus at most a 65,535-byte comment.
  let end = -1;
  for (let at = view.length - 22; at >= Math.max(0, view.length - 22 - 65_535); at--) {
    if (view.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipDirectoryError('no end of central directory');
  const count = view.readUInt16LE(end + 10);
  const size = view.readUInt32LE(end + 12);
  const start = view.readUInt32LE(end + 16);
  if (start === ZIP64_MARK || size === ZIP64_MARK || start + size > end) throw new ZipDirectoryError('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.readUInt32LE(at) !== CENTRAL) throw new ZipDirectoryError(`entry ${i + 1} is not a directory record`);
    const nameLength = view.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: view.readUInt16LE(at + 10),
      packed: view.readUInt32LE(at + 20),
      unpacked: view.readUInt32LE(at + 24),
      offset: view.readUInt32LE(at + 42),
      name: view.toString('utf8', at + 46, at + 46 + nameLength),
    };
    // ZIP64 sizes are only needed past 4 GB: no workbook we read is anywhere near.
    if (entry.packed === ZIP64_MARK || entry.unpacked === ZIP64_MARK || entry.offset === ZIP64_MARK) throw new ZipDirectoryError(`entry ${entry.name} declares ZIP64 sizes`);
    entries.push(entry);
    at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Inflates each entry with its output capped at the declared size: a deflate stream that
 * unpacks to more than its directory says is refused. Returns the bytes unpacked.
 */
export function verifyZipSizes(bytes: Uint8Array, entries: readonly ZipEntry[], onEntry?: (name: string, data: Buffer) => void): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    if (entry.offset + 30 > view.length || view.readUInt32LE(entry.offset) !== LOCAL) throw new ZipDirectoryError(`entry ${entry.name} has no local header`);
    const dataStart = entry.offset + 30 + view.readUInt16LE(entry.offset + 26) + view.readUInt16LE(entry.offset + 28);
    const data = view.subarray(dataStart, dataStart + entry.packed);
    if (data.length !== entry.packed) throw new ZipDirectoryError(`entry ${entry.name} is cut short`);
    if (entry.method === 0) {
      if (entry.packed !== entry.unpacked) throw new ZipDirectoryError(`entry ${entry.name} is stored with two sizes`);
      total += entry.unpacked;
      onEntry?.(entry.name, data);
      continue;
    }
    if (entry.method !== 8) throw new ZipDirectoryError(`entry ${entry.name} uses compression method ${entry.method}`);
    let unpacked: Buffer;
    try {
      unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.unpacked) });
    } catch (error) {
      throw new ZipDirectoryError(`entry ${entry.name} unpacks to more than it declares (${error instanceof Error ? error.message : String(error)})`);
    }
    total += unpacked.length;
    onEntry?.(entry.name, unpacked);
  }
  return total;
}
