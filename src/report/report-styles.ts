/** The report page's stylesheet (inlined; the page loads nothing). */
export const REPORT_STYLES = `
:root { --fg: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #ffffff; --panel: #f6f8fb;
  --correct: #2e7d32; --incorrect: #c62828; --error: #8e24aa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
.meta { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; }
.run-name { white-space: nowrap; }
.path { word-break: break-all; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.chart-box { position: relative; width: 100%; margin: 8px 0 16px; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; }
.chart-grid .chart-box { height: 260px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.controls label { color: var(--muted); font-size: 13px; }
select, input, button { font: inherit; padding: 3px 6px; }
input[type="search"] { min-width: 280px; }
.pager { display: flex; gap: 6px; align-items: center; margin: 8px 0; }
.pager input { width: 80px; }
ol.samples { list-style: none; padding: 0; margin: 0; }
ol.samples > li { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: var(--bg); }
details.sample > summary { cursor: pointer; padding: 6px 10px; display: flex; gap: 10px; align-items: baseline; overflow: hidden; }
details.sample[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel); }
.badge { display: inline-block; min-width: 70px; text-align: center; font-size: 12px; font-weight: 600; color: #fff; border-radius: 10px; padding: 0 8px; }
.badge.correct { background: var(--correct); } .badge.incorrect { background: var(--incorrect); } .badge.error { background: var(--error); }
.sample-id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.sample-run, .sample-score { color: var(--muted); white-space: nowrap; }
.sample-preview { color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: 1; min-width: 0; }
.sample-body { padding: 8px 12px 12px; }
.field-name { font-weight: 600; margin: 10px 0 4px; }
pre { margin: 0; padding: 8px; background: var(--panel); border-radius: 4px; white-space: pre-wrap; word-break: break-word; max-height: 480px; overflow: auto;
  font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; word-break: break-word; background: var(--panel); padding: 1px 4px; border-radius: 3px; }
.message-role { font-size: 12px; color: var(--muted); margin: 6px 0 2px; text-transform: uppercase; letter-spacing: 0.04em; }
.primary { font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
.warning { color: #8a5300; margin: 6px 0; }
.flip-list { columns: 3 220px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
`;
