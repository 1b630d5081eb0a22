import { describe, expect, it } from 'vitest';
import type { SampleRecord } from '../../src/core/results/sample-log.js';
import { REPORT_CLIENT_SCRIPT } from '../../src/report/report-client-script.js';
import type { ReportContent } from '../../src/report/report-data.js';
import { reportPageParts } from '../../src/report/report-page.js';
import { jsonForScriptTag } from '../../src/report/safe-json.js';
import { HOSTILE } from './output-dir-fixture.js';

const record: SampleRecord = { id: HOSTILE, index: 0, prompt: HOSTILE, response: HOSTILE, target: HOSTILE, scores: { s: 1 }, latency_ms: 1 };
const content: ReportContent = {
  data: { title: HOSTILE, generatedAt: 'now', evalforgeVersion: '0', runs: [], histograms: {} },
  samples: [[0, 0, record]],
};

/** The text of each `<script ...>...</script>` element, as an HTML parser splits the page. */
function scriptBlocks(html: string): string[] {
  return [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script/gi)].map((m) => m[1]!);
}

describe('reportPageParts', () => {
  const html = [...reportPageParts(content, 'window.Chart = function () {};')].join('');

  it('has exactly four script elements: data, samples, the chart library and the page script', () => {
    const blocks = scriptBlocks(html);
    expect(blocks).toHaveLength(4);
    expect(JSON.parse(blocks[0]!).title).toBe(HOSTILE);
    expect(JSON.parse(blocks[1]!)[0][2].response).toBe(HOSTILE);
    expect(blocks[2]).toContain('window.Chart');
    expect(blocks[3]).toBe(REPORT_CLIENT_SCRIPT);
  });

  it('writes the samples block piece by piece with the same text as the whole array’s JSON', () => {
    const many: ReportContent = { ...content, samples: [[0, 0, record], [0, 1, { ...record, id: 'b', index: 1 }], [1, 2, { ...record, id: 'c\u2028', index: 2 }]] };
    const blocks = scriptBlocks([...reportPageParts(many, '')].join(''));
    expect(blocks[1]).toBe(jsonForScriptTag(many.samples));
    expect(scriptBlocks([...reportPageParts({ ...content, samples: [] }, '')].join(''))[1]).toBe('[]');
  });

  it('writes no run text as HTML and no comment opener', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('__pwned = 1</script');
  });

  it('forbids loading anything from outside the file', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'">`);
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?(<\/script)/gi, '$1$2');
    expect(markup).not.toMatch(/\b(src|href)=/i);
  });
});
