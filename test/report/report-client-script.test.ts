import { describe, expect, it } from 'vitest';
import { REPORT_CLIENT_SCRIPT } from '../../src/report/report-client-script.js';

describe('REPORT_CLIENT_SCRIPT', () => {
  it('parses, inserts no HTML and holds no text that ends a script block', () => {
    expect(REPORT_CLIENT_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(REPORT_CLIENT_SCRIPT.toLowerCase()).not.toContain('</script');
    expect(REPORT_CLIENT_SCRIPT).not.toContain('<!--');
    expect(() => new Function(REPORT_CLIENT_SCRIPT)).not.toThrow();
  });

  it('defines every part it calls in one function scope', () => {
    for (const name of ['header', 'runsSection', 'comparisonSection', 'scoreChart', 'scoreTables', 'responseSection', 'samplesSection', 'drawChart', 'el']) {
      expect(REPORT_CLIENT_SCRIPT).toContain(`function ${name}(`);
    }
    expect(REPORT_CLIENT_SCRIPT).toMatch(/^\(function \(\) \{\n  'use strict';/);
    expect(REPORT_CLIENT_SCRIPT.trimEnd()).toMatch(/\}\)\(\);$/);
  });
});
