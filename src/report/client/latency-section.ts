/**
 * Page script: `responseSection()`, the response_stats figures of each run and the latency and
 * token histograms (data.histograms, binned by src/report/histogram.ts).
 */
export const LATENCY_SECTION = String.raw`
  var STAT_KEYS = [
    ['count', 'Replies'], ['successful_count', 'Successful'], ['avg_latency_ms', 'Mean latency (ms)'], ['p50_latency_ms', 'p50 latency (ms)'],
    ['p90_latency_ms', 'p90 latency (ms)'], ['p99_latency_ms', 'p99 latency (ms)'], ['max_latency_ms', 'Max latency (ms)'],
    ['avg_prompt_tokens', 'Mean prompt tokens'], ['avg_completion_tokens', 'Mean completion tokens'], ['max_completion_tokens', 'Max completion tokens'],
    ['length_cut_ratio', 'Cut off by length'], ['empty_reply_ratio', 'Empty replies'], ['cache_hits', 'Cache hits']
  ];

  function binLabels(h) {
    var last = h.edges.length - 2;
    return h.counts[0].map(function (_, i) {
      if (h.overflow && i === last) return '\u2265 ' + fmt(h.edges[i]);
      if (h.integers && h.edges[i + 1] - h.edges[i] === 1) return fmt(h.edges[i]);
      return fmt(h.edges[i]) + '\u2013' + fmt(h.integers ? h.edges[i + 1] - 1 : h.edges[i + 1]);
    });
  }

  function histogram(name, h, title, unit) {
    var box = el('div', { class: 'chart-box' });
    var figure = el('div', null, [el('h3', { text: title }), box]);
    return { node: figure, draw: function () {
      drawChart(name, box, {
        type: 'bar',
        data: { labels: binLabels(h), datasets: h.counts.map(function (counts, r) {
          return { label: data.runs[r].label, data: counts, backgroundColor: color(r), barPercentage: 1, categoryPercentage: multiRun ? 0.9 : 1 };
        }) },
        options: {
          scales: { x: { title: { display: true, text: unit } }, y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'samples' } } },
          plugins: { legend: { display: multiRun } }
        }
      });
    } };
  }

  function responseSection() {
    var h = data.histograms;
    var withStats = data.runs.filter(function (run) { return run.responseStats; });
    if (!h.latencyMs && !h.promptTokens && !h.completionTokens && withStats.length === 0) return;
    root.appendChild(el('h2', { text: 'Latency and tokens' }));
    if (withStats.length > 0) {
      var keys = STAT_KEYS.filter(function (k) { return withStats.some(function (run) { return run.responseStats[k[0]] !== undefined; }); });
      root.appendChild(table(['Run'].concat(keys.map(function (k) { return k[1]; })),
        data.runs.map(function (run, r) {
          var stats = run.responseStats || {};
          return [runName(r)].concat(keys.map(function (k) { return stats[k[0]]; }));
        }),
        [false].concat(keys.map(function () { return true; }))));
      root.appendChild(el('div', { class: 'meta', text: 'From the response_stats interceptor (results.yml evalforge.interceptors); the histograms count the samples in samples.jsonl.' }));
    }
    var grid = el('div', { class: 'chart-grid' });
    root.appendChild(grid);
    [['latency', h.latencyMs, 'Latency per sample', 'ms'], ['prompt-tokens', h.promptTokens, 'Prompt tokens per sample', 'tokens'],
      ['completion-tokens', h.completionTokens, 'Completion tokens per sample', 'tokens']].forEach(function (spec) {
      if (!spec[1]) return;
      var chart = histogram(spec[0], spec[1], spec[2], spec[3]);
      grid.appendChild(chart.node);
      chart.draw();
    });
  }
`;
