import { CHART_PLUMBING } from './client/chart-plumbing.js';
import { COMPARISON_SECTION } from './client/comparison-section.js';
import { LATENCY_SECTION } from './client/latency-section.js';
import { PAGE_HELPERS } from './client/page-helpers.js';
import { SAMPLE_BROWSER } from './client/sample-browser.js';
import { SCORE_SECTION } from './client/score-section.js';

/** Page script: the heading, the runs table, and the order the sections are drawn in. */
const PAGE_LAYOUT = String.raw`
  function header() {
    document.title = data.title;
    root.appendChild(el('h1', { text: data.title }));
    root.appendChild(el('div', { class: 'meta', text: 'Generated ' + data.generatedAt + ' by evalforge ' + data.evalforgeVersion +
      '. Intervals are value \u00b1 1.96\u00b7stderr (95%). A sample is correct when its primary score (the first score its task reports) is > 0.' }));
  }

  function runsSection() {
    root.appendChild(el('h2', { text: multiRun ? 'Runs' : 'Run' }));
    root.appendChild(table(
      ['Run', 'Task', 'Harness', 'Model', 'Endpoint', 'Samples', 'Correct', 'Incorrect', 'Errors', 'Primary score', 'Started', 'Runtime (s)', 'Output dir'],
      data.runs.map(function (run, i) {
        var o = run.outcomes;
        return [runName(i), run.task, run.harness, run.model, run.endpointType, o.correct + o.incorrect + o.error, o.correct, o.incorrect, o.error,
          run.primaryScore, run.startedAt, run.runtimeSeconds === null ? '' : run.runtimeSeconds.toFixed(1), el('span', { class: 'path', text: run.dir })];
      }),
      [false, false, false, false, false, true, true, true, true, false, false, true, false]));
  }

  header();
  runsSection();
  comparisonSection();
  if (data.runs.some(function (run) { return run.scores.length > 0; })) {
    root.appendChild(el('h2', { text: 'Scores' }));
    scoreChart('groups', 'Groups (e.g. MMLU categories)');
    scoreChart('tasks', 'Tasks (e.g. MMLU subjects)');
    scoreTables();
  }
  responseSection();
  samplesSection();
  document.documentElement.setAttribute('data-report-ready', 'true');
`;

/**
 * The report page's script (plain ES2017, inlined after Chart.js): the parts in src/report/client/
 * in one function scope. It reads the `report-data` and `report-samples` JSON blocks and builds the
 * page; every user-controlled string (prompts, responses, ids, labels, paths) goes in through
 * `textContent` or `createTextNode`, never as HTML. The sample list renders one page at a time,
 * and a sample's body only when it is opened, so a report of 100k samples opens at once. When
 * everything is drawn, `<html data-report-ready>` is set.
 */
export const REPORT_CLIENT_SCRIPT = [
  "(function () {\n  'use strict';",
  PAGE_HELPERS,
  CHART_PLUMBING,
  SCORE_SECTION,
  LATENCY_SECTION,
  COMPARISON_SECTION,
  SAMPLE_BROWSER,
  PAGE_LAYOUT,
  '})();\n',
].join('\n');
