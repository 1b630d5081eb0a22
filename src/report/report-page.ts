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
 * The self-contained report page: the data and samples as JSON blocks (see jsonForScriptTag), the
 * charting library and the page script inline. No value from the runs is written as HTML: the
 * script reads the JSON and renders with textContent.
 */
export function renderReportPage(content: ReportContent, chartLibrary: string): string {
  return [
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n`,
    '<title>evalforge report</title>\n',
    `<style>${REPORT_STYLES}</style>\n</head>\n<body>\n`,
    '<main id="report"><noscript>This report is drawn by JavaScript; enable it to see the scores and samples.</noscript></main>\n',
    `<script type="application/json" id="report-data">${jsonForScriptTag(content.data)}</script>\n`,
    `<script type="application/json" id="report-samples">${jsonForScriptTag(content.samples)}</script>\n`,
    `<script>\n${chartLibrary}\n</script>\n`,
    `<script>${REPORT_CLIENT_SCRIPT}</script>\n</body>\n</html>\n`,
  ].join('');
}
