import { describe, expect, it } from 'vitest';
import { decryptZipCrypto } from '../../../src/core/datasets/zip-crypto.js';

// Expected bytes from CPython 3.11: list(zipfile._ZipDecrypter(password)(ciphertext)).
describe('decryptZipCrypto', () => {
  it('matches CPython zipfile byte for byte, splitting off the 12-byte header', () => {
    const ciphertext = Uint8Array.from({ length: 40 }, (_, i) => i);
    const plain = [74, 206, 57, 15, 239, 131, 49, 255, 85, 88, 3, 92, 134, 30, 211, 61, 119, 34, 71, 36, 200, 133, 104, 37, 249, 36, 43, 161, 11, 164, 133, 154, 172, 193, 99, 69, 85, 224, 78, 174];
    const result = decryptZipCrypto(ciphertext, new TextEncoder().encode('pw-é'));
    expect(result.checkByte).toBe(plain[11]);
    expect([...result.data]).toEqual(plain.slice(12));
  });

  it('handles an empty password', () => {
    const result = decryptZipCrypto(new Uint8Array(16).fill(0xff), new Uint8Array());
    expect(result.checkByte).toBe(193);
    expect([...result.data]).toEqual([212, 138, 123, 212]);
  });
});
