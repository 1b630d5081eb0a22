/** The CRC-32 (IEEE, reflected polynomial 0xEDB88320) lookup table. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** One step of the raw CRC-32 register, without pre- or post-inversion, as the key schedule uses it. */
function crcStep(crc: number, byte: number): number {
  return ((crc >>> 8) ^ (CRC_TABLE[(crc ^ byte) & 0xff] as number)) >>> 0;
}

/** Bytes of the encryption header in front of every ZipCrypto-encrypted entry. */
export const ZIP_CRYPTO_HEADER_LENGTH = 12;

/** A ZipCrypto-encrypted entry's contents once decrypted. */
export interface ZipCryptoPlaintext {
  /** The last byte of the decrypted 12-byte header, which the writer sets to a known value. */
  checkByte: number;
  /** Everything after the header: the entry's (still compressed) data. */
  data: Uint8Array;
}

/**
 * Decrypts one entry encrypted with traditional PKWARE encryption ("ZipCrypto", APPNOTE 6.1): three
 * 32-bit keys start at 0x12345678, 0x23456789, 0x34567890 and are updated with each password byte,
 * then with each plaintext byte, via `key0 = crc(key0, b)`, `key1 = (key1 + (key0 & 0xff)) *
 * 134775813 + 1`, `key2 = crc(key2, key1 >>> 24)`; each ciphertext byte is XORed with
 * `(t * (t ^ 1)) >>> 8` where `t = (key2 | 2) & 0xffff`. `encrypted` starts with the 12-byte
 * header. Whether the password is right is for the caller to judge from `checkByte` (and the CRC
 * of the inflated data): ZipCrypto itself cannot tell.
 */
export function decryptZipCrypto(encrypted: Uint8Array, password: Uint8Array): ZipCryptoPlaintext {
  let key0 = 0x12345678;
  let key1 = 0x23456789;
  let key2 = 0x34567890;
  const update = (byte: number): void => {
    key0 = crcStep(key0, byte);
    key1 = (Math.imul(key1 + (key0 & 0xff), 134775813) + 1) >>> 0;
    key2 = crcStep(key2, key1 >>> 24);
  };
  for (const byte of password) update(byte);

  const plain = new Uint8Array(encrypted.length);
  for (let i = 0; i < encrypted.length; i++) {
    const t = (key2 | 2) & 0xffff;
    const byte = (encrypted[i] as number) ^ (((t * (t ^ 1)) >>> 8) & 0xff);
    plain[i] = byte;
    update(byte);
  }
  return { checkByte: plain[ZIP_CRYPTO_HEADER_LENGTH - 1] ?? -1, data: plain.subarray(ZIP_CRYPTO_HEADER_LENGTH) };
}
