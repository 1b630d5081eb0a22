import type { ReportContent } from './report-data.js';
import { REPORT_CLIENT_SCRIPT } from './report-client-script.js';
import { REPORT_STYLES } from './report-styles.js';
import { jsonForScriptTag } from './safe-json.js';

/**
 * Nothing outside the file may load: no network, no other file. Inline scripts and styles only.
 * `connect-src 'none'` also stops the page from sending its data anywhere.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'";

/**
 * The self-contained report page, in pieces to be written one after another: the data and samples
 * as JSON blocks (see jsonForScriptTag; the samples one piece each, so the page is never held whole
 * and a large run's report costs memory for its records, not also for copies of their text), the
 * charting library and the page script inline. No value from the runs is written as HTML: the
 * script reads the JSON and renders with textContent.
 */
export function* reportPageParts(content: ReportContent, chartLibrary: string): Generator<string> {
  yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n';
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  yield `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n`;
  yield '<title>evalforge report</title>\n';
  yield `<style>${REPORT_STYLES}</style>\n</head>\n<body>\n`;
  yield '<main id="report"><noscript>This report is drawn by JavaScript; enable it to see the scores and samples.</noscript></main>\n';
  yield `<script type="application/json" id="report-data">${jsonForScriptTag(content.data)}</script>\n`;
  // The same text as jsonForScriptTag(content.samples): an array's JSON is its items' joined by commas.
  yield '<script type="application/json" id="report-samples">[';
  for (let i = 0; i < content.samples.length; i++) yield `${i === 0 ? '' : ','}${jsonForScriptTag(content.samples[i])}`;
  yield ']</script>\n';
  yield `<script>\n${chartLibrary}\n</script>\n`;
  yield `<script>${REPORT_CLIENT_SCRIPT}</script>\n</body>\n</html>\n`;
}
