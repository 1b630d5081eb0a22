import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZipMember, zipMemberPath } from '../../../src/core/datasets/read-zip-member.js';
import { DatasetError } from '../../../src/core/errors.js';
import { buildZip } from './zip-builder.js';

const GPQA_ZIP = join(process.env.EVALFORGE_DATA_DIR!, 'gpqa/dataset.zip');
const GPQA_PASSWORD = 'deserted-untie-orchid';
/** Made with Info-ZIP `zip -P deserted-untie-orchid`: sizes in data descriptors, one stored and one deflated member. */
const FIXTURE_ZIP = join(import.meta.dirname, '../../fixtures/gpqa/data/gpqa/dataset.zip');

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

async function zipError(promise: Promise<unknown>): Promise<DatasetError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

describe('readZipMember on the official GPQA archive', () => {
  it('decrypts and inflates every set to the bytes SOURCE.md lists, in memory', async () => {
    const expected = {
      diamond: '41d1213cd7a4998605a26c2798500652572007161b3a92817ba46b35befcd305',
      main: 'acdeeac8f622267f2cd727d7d474202ea08dec80f7d3c3593b3ef8644f19b8e3',
      extended: '0926ee24949d02ed6748eb75a2611546c34479e30ddc42efd01d6f1681aaa48a',
    };
    for (const [subset, hash] of Object.entries(expected)) {
      const bytes = await readZipMember(GPQA_ZIP, undefined, { member: `dataset/gpqa_${subset}.csv`, password: GPQA_PASSWORD });
      expect(sha256(bytes), subset).toBe(hash);
    }
    // The same from the archive's bytes in memory.
    const fromBytes = await readZipMember(GPQA_ZIP, readFileSync(GPQA_ZIP), { member: 'dataset/license.txt', password: GPQA_PASSWORD });
    expect(sha256(fromBytes)).toBe('c4591c2eba3382b05a60e8437b7f67cc428539acbd7081d3ffe3fa55a98132db');
  });

  it('refuses a wrong password, naming the member and the fix', async () => {
    const error = await zipError(readZipMember(GPQA_ZIP, undefined, { member: 'dataset/gpqa_diamond.csv', password: 'not-the-password' }));
    expect(error.message).toContain(`${GPQA_ZIP}!/dataset/gpqa_diamond.csv: wrong password`);
    expect(error.message).toContain('zip.password');
    expect(error.location).toBe(GPQA_ZIP);
  });

  it('lists the members when the one asked for is missing', async () => {
    const error = await zipError(readZipMember(GPQA_ZIP, undefined, { member: 'gpqa_diamond.csv', password: GPQA_PASSWORD }));
    expect(error.message).toContain(`${GPQA_ZIP}: the zip has no member gpqa_diamond.csv`);
    expect(error.message).toContain('dataset/gpqa_diamond.csv, dataset/gpqa_experts.csv');
    expect(error.message).not.toContain('dataset/,');
    expect(error.message).toContain('zip.member');
  });

  it('asks for a password when the member is encrypted and none is given', async () => {
    const error = await zipError(readZipMember(GPQA_ZIP, undefined, { member: 'dataset/license.txt' }));
    expect(error.message).toMatch(/license\.txt: the member is encrypted and no password is given/);
  });
});

describe('readZipMember on archives from other writers', () => {
  it('reads Info-ZIP members with data descriptors (check byte from the time), stored and deflated', async () => {
    const license = await readZipMember(FIXTURE_ZIP, undefined, { member: 'dataset/license.txt', password: GPQA_PASSWORD });
    expect(text(license)).toBe('Fixture licence text.\n');
    const csv = await readZipMember(FIXTURE_ZIP, undefined, { member: 'dataset/gpqa_diamond.csv', password: GPQA_PASSWORD });
    expect(Buffer.from(csv)).toEqual(readFileSync(join(import.meta.dirname, '../../fixtures/gpqa/hub/gpqa_diamond.csv')));
  });

  it('reads members checked by the CRC byte, stored or deflated, encrypted or not, with a UTF-8 password', async () => {
    const archive = buildZip([
      { name: 'plain.txt', content: 'no secret', method: 0 },
      { name: 'deflated.txt', content: 'abc '.repeat(100) },
      { name: 'enc/deflated.csv', content: 'a,b\n1,2\n'.repeat(40), password: 'pässwörd' },
      { name: 'enc/stored.txt', content: 'stored secret', password: 'pässwörd', method: 0 },
      { name: 'enc/descriptor.txt', content: 'trailing sizes', password: 'pässwörd', dataDescriptor: true },
    ]);
    const read = (member: string, password?: string) => readZipMember('test.zip', archive, password === undefined ? { member } : { member, password });
    expect(text(await read('plain.txt'))).toBe('no secret');
    expect(text(await read('deflated.txt', 'ignored for unencrypted members'))).toBe('abc '.repeat(100));
    expect(text(await read('enc/deflated.csv', 'pässwörd'))).toBe('a,b\n1,2\n'.repeat(40));
    expect(text(await read('enc/stored.txt', 'pässwörd'))).toBe('stored secret');
    expect(text(await read('enc/descriptor.txt', 'pässwörd'))).toBe('trailing sizes');
  });

  it('finds the end record behind an archive comment', async () => {
    const archive = buildZip([{ name: 'a.txt', content: 'commented' }]);
    const comment = new TextEncoder().encode('an archive comment');
    const withComment = new Uint8Array(archive.length + comment.length);
    withComment.set(archive);
    withComment.set(comment, archive.length);
    new DataView(withComment.buffer).setUint16(archive.length - 2, comment.length, true);
    expect(text(await readZipMember('c.zip', withComment, { member: 'a.txt' }))).toBe('commented');
  });

  it('tells a wrong password that passes the one-byte check from a right one (the data fails instead)', async () => {
    const archive = buildZip([{ name: 'enc.txt', content: 'secret text '.repeat(20), password: 'right' }]);
    let lucky: DatasetError | undefined;
    for (let i = 0; i < 5000 && !lucky; i++) {
      const error = await zipError(readZipMember('t.zip', archive, { member: 'enc.txt', password: `wrong-${i}` }));
      if (!/wrong password \(/.test(error.message)) lucky = error;
    }
    expect(lucky?.message).toContain('t.zip!/enc.txt: wrong password, or the archive is damaged');
  });
});

describe('readZipMember on damaged or unsupported archives', () => {
  const entry = { name: 'data.csv', content: Array.from({ length: 200 }, (_, i) => `${i},${(i * 7919) % 1009}\n`).join('') };

  it('reports a file that is not a zip, or is cut short', async () => {
    const archive = buildZip([entry]);
    for (const bytes of [new TextEncoder().encode('just text, no archive'), archive.subarray(0, archive.length - 10)]) {
      const error = await zipError(readZipMember('bad.zip', bytes, { member: 'data.csv' }));
      expect(error.message).toContain('bad.zip: not a readable zip archive (no end of central directory record)');
      expect(error.message).toContain('complete copy');
    }
  });

  it('reports corrupt data by its CRC or its deflate stream, and blames the password when it is encrypted', async () => {
    const archive = buildZip([entry, { ...entry, name: 'stored.csv', method: 0 }, { ...entry, name: 'enc.csv', password: 'pw' }]);
    const corrupt = (member: string): Uint8Array => {
      const copy = archive.slice();
      const at = copy.findIndex((_, i) => i > 0 && new TextDecoder().decode(copy.subarray(i, i + member.length)) === member);
      copy[at + member.length + 40]! ^= 0xff; // 40 bytes into the member's data, past any 12-byte encryption header
      return copy;
    };
    const stored = await zipError(readZipMember('c.zip', corrupt('stored.csv'), { member: 'stored.csv' }));
    expect(stored.message).toContain('c.zip: not a readable zip archive (stored.csv fails its CRC-32 check)');
    const deflated = await zipError(readZipMember('c.zip', corrupt('data.csv'), { member: 'data.csv' }));
    expect(deflated.message).toMatch(/c\.zip: not a readable zip archive \(data\.csv (does not inflate|fails its CRC-32 check)/);
    const encrypted = await zipError(readZipMember('c.zip', corrupt('enc.csv'), { member: 'enc.csv', password: 'pw' }));
    expect(encrypted.message).toContain('c.zip!/enc.csv: wrong password, or the archive is damaged');
  });

  it('refuses AES, strong encryption and compression methods other than stored and deflate', async () => {
    const archive = buildZip([
      { name: 'aes.bin', content: 'x', method: 99, password: 'pw' },
      { name: 'strong.bin', content: 'x', method: 0, password: 'pw', extraFlags: 0x40 },
      { name: 'bzip2.bin', content: 'x', method: 12 },
    ]);
    expect((await zipError(readZipMember('u.zip', archive, { member: 'aes.bin', password: 'pw' }))).message).toContain('u.zip!/aes.bin: AES or strong encryption is not supported');
    expect((await zipError(readZipMember('u.zip', archive, { member: 'strong.bin', password: 'pw' }))).message).toContain('AES or strong encryption is not supported');
    expect((await zipError(readZipMember('u.zip', archive, { member: 'bzip2.bin' }))).message).toContain('u.zip!/bzip2.bin: compression method 12 is not supported');
  });

  it('names members as <archive>!/<member>', () => {
    expect(zipMemberPath('/data/gpqa/dataset.zip', 'dataset/gpqa_main.csv')).toBe('/data/gpqa/dataset.zip!/dataset/gpqa_main.csv');
  });
});
