import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSegment, type RecordSpan } from '../../../src/adapters/response-cache/segment-scan.js';

describe('scanSegment', () => {
  it('reports each framed record line with its byte offset and length, skipping other lines and an unterminated tail', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'evalforge-segment-')), 'a.jsonl');
    const a = `{"key":"${'a'.repeat(64)}","value":"é"}`;
    const b = `{"key":"${'b'.repeat(64)}","value":2}`;
    await writeFile(path, `${a}\n\n{"key":"${'C'.repeat(64)}","value":1}\n${b}\n{"key":"${'d'.repeat(64)}","value":`);
    const spans: RecordSpan[] = [];
    await scanSegment(path, (span) => spans.push(span));
    const offsetOfB = Buffer.byteLength(a) + 2 + Buffer.byteLength(`{"key":"${'C'.repeat(64)}","value":1}\n`);
    expect(spans).toEqual([
      { key: 'a'.repeat(64), offset: 0, length: Buffer.byteLength(a) },
      { key: 'b'.repeat(64), offset: offsetOfB, length: b.length },
    ]);
  });
});
