/**
 * Page script: `scoreChart(section, title)`, the bar chart of results.yml `groups` or `tasks` (a
 * bar per run, interval whiskers, a metric picker defaulting to the metric most entries have), and
 * `scoreTables()`, each run's score table.
 */
export const SCORE_SECTION = String.raw`
  // One bar chart of a results section ('groups' or 'tasks'), a bar per run, with a metric picker.
  function scoreChart(section, title) {
    var any = data.runs.some(function (run) { return run.scores.some(function (row) { return row.section === section; }); });
    if (!any) return;
    var options = [];
    var entries = {};
    data.runs.forEach(function (run) {
      run.scores.forEach(function (row) {
        if (row.section !== section) return;
        var key = row.metric + '\u0000' + row.score;
        if (!entries[key]) { entries[key] = {}; options.push({ key: key, label: metricLabel(row) }); }
        entries[key][entryLabel(row)] = true;
      });
    });
    var distinct = {};
    options.forEach(function (o) { Object.keys(entries[o.key]).forEach(function (e) { distinct[e] = true; }); });
    var singleEntry = Object.keys(distinct).length === 1;
    var best = options.slice().sort(function (a, b) { return Object.keys(entries[b.key]).length - Object.keys(entries[a.key]).length; })[0];
    root.appendChild(el('h3', { text: title }));
    var select = el('select', { 'data-metric-select': section }, [el('option', { value: '', text: 'all metrics' })].concat(
      options.map(function (o) { return el('option', { value: o.key, text: o.label }); })));
    var withRows = data.runs.filter(function (run) { return run.scores.some(function (row) { return row.section === section; }); }).length;
    var bestCoversAll = data.runs.filter(function (run) {
      return run.scores.some(function (row) { return row.section === section && row.metric + '\u0000' + row.score === best.key; });
    }).length === withRows;
    select.value = singleEntry || !bestCoversAll ? '' : best.key;
    root.appendChild(el('div', { class: 'controls' }, [el('label', { text: 'Metric' }), select]));
    var box = el('div', { class: 'chart-box' });
    root.appendChild(box);

    function draw() {
      var chosen = select.value;
      var labels = [];
      var index = {};
      var perRun = data.runs.map(function () { return {}; });
      data.runs.forEach(function (run, r) {
        run.scores.forEach(function (row) {
          if (row.section !== section) return;
          if (chosen && row.metric + '\u0000' + row.score !== chosen) return;
          var label = chosen ? entryLabel(row) : singleEntry ? metricLabel(row) : entryLabel(row) + ' \u00b7 ' + metricLabel(row);
          if (!(label in index)) { index[label] = labels.length; labels.push(label); }
          perRun[r][label] = row;
        });
      });
      var unit = true;
      var datasets = data.runs.map(function (run, r) {
        var rows = labels.map(function (label) { return perRun[r][label] || null; });
        rows.forEach(function (row) { if (row && (row.value < 0 || row.value > 1)) unit = false; });
        return {
          label: run.label,
          data: rows.map(function (row) { return row ? row.value : null; }),
          backgroundColor: color(r),
          intervals: rows.map(function (row) { return row && row.interval ? row.interval : null; }),
          rows: rows
        };
      });
      box.style.height = Math.max(140, labels.length * Math.max(1, data.runs.length) * 18 + 70) + 'px';
      drawChart(section, box, {
        type: 'bar',
        data: { labels: labels, datasets: datasets },
        options: {
          indexAxis: 'y',
          scales: {
            x: { beginAtZero: true, suggestedMax: unit ? 1 : undefined, title: { display: true, text: 'score (whiskers: 95% interval)' } },
            y: { ticks: { autoSkip: false } }
          },
          plugins: {
            legend: { display: multiRun },
            tooltip: { callbacks: { label: function (item) {
              var row = item.dataset.rows[item.dataIndex];
              if (!row) return item.dataset.label + ': none';
              var text = item.dataset.label + ': ' + fmt(row.value);
              if (row.stderr !== undefined) text += ' \u00b1 ' + fmt(row.stderr) + ' (95% ' + fmt(row.interval[0]) + ' \u2026 ' + fmt(row.interval[1]) + ')';
              if (row.count !== undefined) text += ', n=' + fmt(row.count);
              return text;
            } } }
          }
        },
        plugins: [intervalPlugin]
      });
    }
    select.addEventListener('change', draw);
    draw();
  }

  function scoreTables() {
    data.runs.forEach(function (run, r) {
      if (run.scores.length === 0) return;
      var details = el('details', { open: run.scores.length <= 24 ? '' : null }, [el('summary', null, [el('span', { text: 'Score table: ' }), runName(r)])]);
      details.appendChild(table(['Section', 'Task or group', 'Metric', 'Value', '\u00b1 stderr', '95% interval', 'n'],
        run.scores.map(function (row) {
          return [row.section === 'groups' ? 'group' : 'task', entryLabel(row), metricLabel(row), row.value, row.stderr,
            row.interval ? fmt(row.interval[0]) + ' \u2026 ' + fmt(row.interval[1]) : '', row.count];
        }),
        [false, false, false, true, true, true, true]));
      root.appendChild(details);
    });
  }
`;
