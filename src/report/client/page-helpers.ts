/**
 * Page script: the data (`data`, `samples`), the page root, run colours, and the DOM helpers every
 * other part uses: `el` (builds elements; text only through textContent), `fmt`, `table`,
 * `runName`, `metricLabel`, `entryLabel`.
 */
export const PAGE_HELPERS = String.raw`
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var samples = JSON.parse(document.getElementById('report-samples').textContent);
  var root = document.getElementById('report');
  var COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  var OUTCOMES = ['correct', 'incorrect', 'error'];
  var multiRun = data.runs.length > 1;

  function color(run) { return COLORS[run % COLORS.length]; }

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === undefined || value === null) return;
        if (key === 'text') node.textContent = String(value);
        else if (key === 'class') node.className = value;
        else node.setAttribute(key, String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === undefined || child === null) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function fmt(value) {
    if (typeof value !== 'number') return value === undefined || value === null ? '' : String(value);
    if (!isFinite(value)) return String(value);
    var size = Math.abs(value);
    if (Number.isInteger(value)) return value.toLocaleString('en-US');
    if (size !== 0 && size < 0.001) return value.toExponential(2);
    return value.toFixed(size >= 100 ? 1 : size >= 1 ? 2 : 4);
  }

  function metricLabel(row) { return row.score === row.metric ? row.metric : row.metric + ' (' + row.score + ')'; }
  function entryLabel(row) { return row.path.join(' \u203a '); }

  function table(headers, rows, numeric) {
    var head = el('tr', null, headers.map(function (h) { return el('th', { text: h }); }));
    var body = rows.map(function (cells) {
      return el('tr', null, cells.map(function (cell, i) {
        if (cell instanceof Node) return el('td', null, [cell]);
        return el('td', { text: fmt(cell), class: numeric && numeric[i] ? 'num' : null });
      }));
    });
    return el('div', { class: 'table-wrap' }, [el('table', null, [el('thead', null, [head]), el('tbody', null, body)])]);
  }

  function runName(index) {
    return el('span', { class: 'run-name' }, [el('span', { class: 'swatch', style: 'background:' + color(index) }), data.runs[index].label]);
  }
`;
