/**
 * Page script: `comparisonSection()`, the paired comparison of two runs (data.comparison, see
 * src/report/paired-comparison.ts): the per-metric table and the flipped ids, listed when opened.
 */
export const COMPARISON_SECTION = String.raw`
  function testText(test) {
    if (test.name === 'mcnemar_exact') return 'McNemar exact (only A right ' + test.onlyA + ', only B right ' + test.onlyB + ')';
    return 'paired t (t = ' + (test.t === null ? 'n/a' : fmt(test.t)) + ', df = ' + test.df + ')';
  }

  // A list of sample ids, drawn when first opened (a flip list can hold thousands).
  function idList(title, ids) {
    var details = el('details', { 'data-flips': title }, [el('summary', { text: title + ': ' + ids.length.toLocaleString('en-US') + ' samples' })]);
    details.addEventListener('toggle', function () {
      if (!details.open || details.getAttribute('data-filled')) return;
      details.setAttribute('data-filled', 'true');
      details.appendChild(el('div', { class: 'flip-list' }, ids.map(function (id) { return el('div', { text: id }); })));
    });
    return details;
  }

  function comparisonSection() {
    var c = data.comparison;
    if (!c) return;
    root.appendChild(el('h2', { text: 'Paired comparison' }));
    var side = function (name, s) {
      return name + ': ' + s.samples.toLocaleString('en-US') + ' scored, ' + s.errors + ' failed, ' + s.unpaired + ' scored only here';
    };
    root.appendChild(el('div', { class: 'meta' }, [
      'A = ', runName(0), ', B = ', runName(1), '. ' + c.pairs.toLocaleString('en-US') + ' samples scored in both runs, paired by id (' +
        side('A', c.a) + '; ' + side('B', c.b) + ').']));
    c.warnings.forEach(function (warning) { root.appendChild(el('div', { class: 'warning', text: 'Warning: ' + warning })); });
    root.appendChild(table(
      ['Metric', 'Pairs', 'A', 'B', 'B \u2212 A', 'Interval (paired bootstrap)', 'Test', 'p-value', 'Better in B', 'Worse in B'],
      c.metrics.map(function (m) {
        var interval = fmt(m.interval.low) + ' \u2026 ' + fmt(m.interval.high) + ' (' + Math.round(m.interval.level * 100) + '%, ' + m.interval.iterations + ' resamples)';
        return [m.metric, m.pairs, m.meanA, m.meanB, m.difference, interval, testText(m.test), m.test.pValue === null ? 'n/a' : m.test.pValue,
          m.flips.up.length, m.flips.down.length];
      }),
      [false, true, true, true, true, false, false, true, true, true]));
    c.metrics.forEach(function (m) {
      if (m.flips.up.length) root.appendChild(idList(m.metric + ' better in B', m.flips.up));
      if (m.flips.down.length) root.appendChild(idList(m.metric + ' worse in B', m.flips.down));
    });
  }
`;
