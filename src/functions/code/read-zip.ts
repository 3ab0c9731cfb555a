// Reads a function's deployment package (CreateFunction/UpdateFunctionCode `ZipFile`): the central
// directory is parsed here and entries are inflated with node:zlib, so no dependency is needed.
// Deploy time (management API), never on the request path. PKWARE APPNOTE.TXT §4.3.

import { crc32, inflateRawSync } from 'node:zlib';

/** One file, directory or symbolic link of the archive. */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated, never absolute and never with `..` segments. */
  name: string;
  kind: 'file' | 'directory' | 'symlink';
  /** Unix permission bits when the archive recorded them (executables keep their `x` bit). */
  mode: number | undefined;
  /** The uncompressed bytes (for a symlink: its target). */
  read(): Buffer;
}

/** The archive is not a readable zip file (Lambda: "Could not unzip uploaded file"). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** The archive unpacks to more than the allowed size. */
export class ZipTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the archive unpacks to more than ${limit} bytes`);
    this.name = 'ZipTooLargeError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/**
 * Lists the entries of `archive`, checking the whole structure first; throws ZipFormatError for
 * anything malformed (encrypted, unsupported compression, unsafe paths) and ZipTooLargeError when
 * the declared uncompressed sizes add up to more than `maxUnzippedSize`.
 */
export function readZip(archive: Buffer, maxUnzippedSize: number): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(eocd + 10);
  const size = archive.readUInt32LE(eocd + 12);
  let offset = archive.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported');
  if (offset + size > eocd) throw new ZipFormatError('the central directory lies outside the archive');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const madeBy = archive.readUInt16LE(offset + 4) >> 8;
    const flags = archive.readUInt16LE(offset + 8);
    const method = archive.readUInt16LE(offset + 10);
    const crc = archive.readUInt32LE(offset + 16);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const uncompressedSize = archive.readUInt32LE(offset + 24);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const externalAttributes = archive.readUInt32LE(offset + 38);
    const localOffset = archive.readUInt32LE(offset + 42);
    const name = safeName(archive.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if ((flags & 0x1) !== 0) throw new ZipFormatError(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name} uses unsupported compression method ${method}`);
    total += uncompressedSize;
    if (total > maxUnzippedSize) throw new ZipTooLargeError(maxUnzippedSize);
    const unixMode = madeBy === UNIX ? externalAttributes >>> 16 : 0;
    const kind = name.endsWith('/') || (unixMode & S_IFMT) === S_IFDIR ? 'directory' : (unixMode & S_IFMT) === S_IFLNK ? 'symlink' : 'file';
    const dataStart = localDataStart(archive, localOffset, name);
    if (dataStart + compressedSize > archive.length) throw new ZipFormatError(`${name} is truncated`);
    entries.push({
      name: kind === 'directory' ? name.replace(/\/+$/, '') : name,
      kind,
      mode: unixMode === 0 ? undefined : unixMode & 0o7777,
      read: () => inflateEntry(archive.subarray(dataStart, dataStart + compressedSize), method, uncompressedSize, crc, name),
    });
  }
  return entries;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  if (archive.length < EOCD_SIZE) throw new ZipFormatError('too short to be a zip file');
  const stop = Math.max(0, archive.length - EOCD_SIZE - 0xffff);
  for (let i = archive.length - EOCD_SIZE; i >= stop; i--) {
    if (archive.readUInt32LE(i) === EOCD && i + EOCD_SIZE + archive.readUInt16LE(i + 20) <= archive.length) return i;
  }
  throw new ZipFormatError('no end of central directory record');
}

function localDataStart(archive: Buffer, localOffset: number, name: string): number {
  if (localOffset + 30 > archive.length || archive.readUInt32LE(localOffset) !== LOCAL) throw new ZipFormatError(`bad local header for ${name}`);
  return localOffset + 30 + archive.readUInt16LE(localOffset + 26) + archive.readUInt16LE(localOffset + 28);
}

function inflateEntry(data: Buffer, method: number, size: number, crc: number, name: string): Buffer {
  let out: Buffer;
  try {
    out = method === 0 ? Buffer.from(data) : size === 0 ? Buffer.alloc(0) : inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch {
    throw new ZipFormatError(`${name} cannot be inflated`);
  }
  if (out.length !== size || crc32(out) !== crc) throw new ZipFormatError(`${name} fails its CRC check`);
  return out;
}

/** Normalises `\` to `/` and refuses absolute paths and `..` segments (zip slip). */
function safeName(raw: string): string {
  const name = raw.replace(/\\/g, '/');
  if (name === '' || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw new ZipFormatError(`unsafe entry name ${raw}`);
  if (name.split('/').some((segment) => segment === '..')) throw new ZipFormatError(`unsafe entry name ${raw}`);
  return name;
}
