import { open } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { DatasetError } from '../errors.js';
import type { ZipMember } from './dataset-reader.js';
import { decryptZipCrypto, ZIP_CRYPTO_HEADER_LENGTH } from './zip-crypto.js';

/** How a row location names a member: `<archive>!/<member>`. */
export function zipMemberPath(archive: string, member: string): string {
  return `${archive}!/${member}`;
}

/** The central directory's record of one entry. */
interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  /** DOS modification time; its high byte is the ZipCrypto check byte when sizes trail the data. */
  time: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Random access to the archive's bytes, whether on disk or already in memory. */
interface ArchiveBytes {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_STRONG_ENCRYPTION = 0x40;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const METHOD_AES = 99;
/** How many member names a missing-member error lists. */
const LISTED_MEMBERS = 20;

/**
 * The bytes of one member of a zip archive, held in memory only: never written anywhere. The
 * archive is `bytes` when given (e.g. a download that must not be cached), else the file at
 * `archive`, of which only the end record, the central directory and the member's own data are
 * read. The member is found by its full path in the central directory (names compared as UTF-8),
 * decrypted with `zip.password` if it is ZipCrypto-encrypted (password as UTF-8 bytes; the check
 * byte is the CRC's high byte, or the modification time's when the sizes trail the data), then
 * stored or deflated data is inflated (to at most the size the directory gives) and its length and
 * CRC-32 checked against the directory. Anything else (no such member, a missing or wrong password,
 * AES or strong encryption, another compression method, ZIP64, a damaged archive) is a
 * DatasetError naming the archive and the fix.
 */
export async function readZipMember(archive: string, bytes: Uint8Array | undefined, zip: ZipMember): Promise<Uint8Array> {
  const source = bytes ? inMemory(bytes) : await onDisk(archive);
  try {
    const entries = await readCentralDirectory(source, archive);
    const entry = entries.find((e) => e.name === zip.member);
    if (!entry) {
      const files = entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
      const listed = files.length === 0 ? 'no files' : files.slice(0, LISTED_MEMBERS).join(', ') + (files.length > LISTED_MEMBERS ? `, and ${files.length - LISTED_MEMBERS} more` : '');
      throw new DatasetError(
        `${archive}: the zip has no member ${zip.member} (it holds ${listed})`,
        archive,
        undefined,
        "check that this is the right archive for the task, or fix the task's dataset definition (zip.member)",
      );
    }
    return await extract(source, archive, entry, zip);
  } finally {
    await source.close();
  }
}

function inMemory(bytes: Uint8Array): ArchiveBytes {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length), close: async () => {} };
}

async function onDisk(path: string): Promise<ArchiveBytes> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  return {
    size,
    async read(offset, length) {
      const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let filled = 0;
      while (filled < out.length) {
        const { bytesRead } = await handle.read(out, filled, out.length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return out.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function damaged(archive: string, problem: string): DatasetError {
  return new DatasetError(
    `${archive}: not a readable zip archive (${problem})`,
    archive,
    undefined,
    'replace the file with a complete copy of the archive (delete a corrupt cached copy to re-download it)',
  );
}

const PASSWORD_FIX = "fix the task's dataset definition (zip.password); the dataset's own documentation gives the password";

function wrongPassword(where: string, archive: string): DatasetError {
  return new DatasetError(`${where}: wrong password (the decrypted header does not check out)`, archive, undefined, PASSWORD_FIX);
}

/** A wrong password passes the one-byte header check 1 time in 256; the data then fails to inflate or its CRC. */
function wrongPasswordOrDamaged(where: string, archive: string): DatasetError {
  return new DatasetError(
    `${where}: wrong password, or the archive is damaged (the decrypted member fails its checks)`,
    archive,
    undefined,
    `${PASSWORD_FIX}; if the password is right, replace the archive with a complete copy`,
  );
}

/** Finds the end record (searching back over a trailing comment) and parses every directory entry. */
async function readCentralDirectory(source: ArchiveBytes, archive: string): Promise<ZipEntry[]> {
  const tailLength = Math.min(source.size, END_RECORD_LENGTH + MAX_COMMENT_LENGTH);
  const tail = await source.read(source.size - tailLength, tailLength);
  const tailView = view(tail);
  let end = -1;
  for (let at = tail.length - END_RECORD_LENGTH; at >= 0; at--) {
    if (tailView.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged(archive, 'no end of central directory record');
  const count = tailView.getUint16(end + 10, true);
  const directorySize = tailView.getUint32(end + 12, true);
  const directoryOffset = tailView.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new DatasetError(`${archive}: ZIP64 archives are not supported`, archive, undefined, 'repack the data as a plain (non-ZIP64) zip');
  }
  if (directoryOffset + directorySize > source.size) throw damaged(archive, 'the central directory lies past the end of the file');

  const directory = await source.read(directoryOffset, directorySize);
  const dir = view(directory);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || dir.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) throw damaged(archive, `central directory entry ${i + 1} is malformed`);
    const nameLength = dir.getUint16(at + 28, true);
    const extraLength = dir.getUint16(at + 30, true);
    const commentLength = dir.getUint16(at + 32, true);
    if (at + 46 + nameLength > directory.length) throw damaged(archive, `central directory entry ${i + 1} is cut short`);
    entries.push({
      name: new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)),
      flags: dir.getUint16(at + 8, true),
      method: dir.getUint16(at + 10, true),
      time: dir.getUint16(at + 12, true),
      crc: dir.getUint32(at + 16, true),
      compressedSize: dir.getUint32(at + 20, true),
      size: dir.getUint32(at + 24, true),
      localHeaderOffset: dir.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Reads, decrypts, inflates and checks one entry. */
async function extract(source: ArchiveBytes, archive: string, entry: ZipEntry, zip: ZipMember): Promise<Uint8Array> {
  const where = zipMemberPath(archive, entry.name);
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || view(header).getUint32(0, true) !== LOCAL_FILE_HEADER) throw damaged(archive, `no local header for ${entry.name}`);
  const dataStart = entry.localHeaderOffset + 30 + view(header).getUint16(26, true) + view(header).getUint16(28, true);
  let data = await source.read(dataStart, entry.compressedSize);
  if (data.length < entry.compressedSize) throw damaged(archive, `${entry.name} is cut short`);

  if (entry.flags & FLAG_STRONG_ENCRYPTION || entry.method === METHOD_AES) {
    throw new DatasetError(`${where}: AES or strong encryption is not supported, only ZipCrypto`, archive, undefined, 'repack the archive with ZipCrypto (traditional PKWARE) encryption');
  }
  if (entry.flags & FLAG_ENCRYPTED) {
    if (zip.password === undefined) {
      throw new DatasetError(`${where}: the member is encrypted and no password is given`, archive, undefined, "add the password to the task's dataset definition (zip.password)");
    }
    if (data.length < ZIP_CRYPTO_HEADER_LENGTH) throw damaged(archive, `${entry.name} is too short to be encrypted`);
    const plain = decryptZipCrypto(data, new TextEncoder().encode(zip.password));
    const expected = entry.flags & FLAG_DATA_DESCRIPTOR ? entry.time >>> 8 : entry.crc >>> 24;
    if (plain.checkByte !== expected) throw wrongPassword(where, archive);
    data = plain.data;
  }

  let content: Uint8Array;
  if (entry.method === METHOD_STORED) content = data;
  else if (entry.method === METHOD_DEFLATE) {
    try {
      content = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if (entry.flags & FLAG_ENCRYPTED) throw wrongPasswordOrDamaged(where, archive);
      throw damaged(archive, `${entry.name} does not inflate: ${(error as Error).message}`);
    }
  } else {
    throw new DatasetError(`${where}: compression method ${entry.method} is not supported (only stored and deflate)`, archive, undefined, 'repack the archive with deflate compression');
  }
  if (content.length !== entry.size || crc32(content) !== entry.crc) {
    if (entry.flags & FLAG_ENCRYPTED) throw wrongPasswordOrDamaged(where, archive);
    throw damaged(archive, `${entry.name} fails its CRC-32 check`);
  }
  return content;
}
