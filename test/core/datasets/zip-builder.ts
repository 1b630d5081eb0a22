import { crc32, deflateRawSync } from 'node:zlib';

/** One member of a test archive. */
export interface ZipBuilderEntry {
  name: string;
  content: Uint8Array | string;
  /** 0 stored, 8 deflate (default); any other value is written as is, with the data stored. */
  method?: number;
  /** Encrypts the entry with ZipCrypto. */
  password?: string;
  /** Sets flag bit 3 (sizes in a trailing data descriptor): the check byte is then the time's high byte. */
  dataDescriptor?: boolean;
  /** Extra general-purpose flag bits to set (e.g. 0x40, strong encryption). */
  extraFlags?: number;
}

const TIME = 0x6a5b; // 13:18:54, arbitrary
const DATE = 0x5b7a; // 2025-11-26

/**
 * Builds a zip archive in memory the way a standard archiver lays it out (local header, data,
 * optional data descriptor; central directory; end record), with traditional PKWARE (ZipCrypto)
 * encryption written independently of the reader under test: keys updated with each plaintext
 * byte, each byte XORed with the key stream, and a 12-byte header of fixed filler plus the check
 * byte. Its output was checked once against CPython's `zipfile`.
 */
export function buildZip(entries: readonly ZipBuilderEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const content = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : Buffer.from(entry.content);
    const method = entry.method ?? 8;
    const crc = crc32(content);
    let data: Buffer = method === 8 ? deflateRawSync(content) : content;
    let flags = (entry.extraFlags ?? 0) | (entry.dataDescriptor ? 0x8 : 0);
    if (entry.password !== undefined) {
      flags |= 0x1;
      const check = entry.dataDescriptor ? TIME >>> 8 : crc >>> 24;
      const header = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, check]);
      data = encrypt(Buffer.concat([header, data]), Buffer.from(entry.password, 'utf8'));
    }
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(TIME, 10);
    local.writeUInt16LE(DATE, 12);
    if (!entry.dataDescriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(content.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.dataDescriptor ? 16 : 0);
    if (entry.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(content.length, 12);
    }
    locals.push(local, name, data, descriptor);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(TIME, 12);
    central.writeUInt16LE(DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function encrypt(plain: Buffer, password: Buffer): Buffer {
  const keys = [0x12345678, 0x23456789, 0x34567890];
  const crcByte = (crc: number, byte: number): number => {
    let c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return ((crc >>> 8) ^ c) >>> 0;
  };
  const update = (byte: number): void => {
    keys[0] = crcByte(keys[0]!, byte);
    keys[1] = Number(((BigInt(keys[1]!) + BigInt(keys[0]! & 0xff)) * 134775813n + 1n) % 2n ** 32n);
    keys[2] = crcByte(keys[2]!, keys[1]! >>> 24);
  };
  for (const byte of password) update(byte);
  const out = Buffer.alloc(plain.length);
  for (let i = 0; i < plain.length; i++) {
    const t = (keys[2]! | 2) & 0xffff;
    out[i] = plain[i]! ^ ((t * (t ^ 1)) >>> 8) & 0xff;
    update(plain[i]!);
  }
  return out;
}
