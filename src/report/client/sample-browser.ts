/**
 * Page script: `samplesSection()`, the sample browser: filters (run, outcome), a search that needs
 * every word of the query (case-insensitive; each sample's text is lowercased once, on the first
 * search), one page of samples at a time, and a sample's full body drawn only when it is opened.
 * `#sample-list[data-query]` holds the query the list shows.
 */
export const SAMPLE_BROWSER = String.raw`
  function textOfContent(content) {
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) return content.map(function (part) { return part && typeof part.text === 'string' ? part.text : JSON.stringify(part); }).join('');
    return content === undefined ? '' : JSON.stringify(content);
  }

  function searchText(rec) {
    var parts = [rec.id, rec.prompt || '', rec.target || ''];
    if (Array.isArray(rec.messages)) rec.messages.forEach(function (m) { parts.push(textOfContent(m && m.content)); });
    (rec.turns || []).forEach(function (t) { parts.push(t); });
    (rec.requests || []).forEach(function (q) { parts.push(q.context || '', q.continuation); });
    if (typeof rec.response === 'string') parts.push(rec.response);
    else if (Array.isArray(rec.response)) rec.response.forEach(function (r) { if (typeof r === 'string') parts.push(r); });
    if (rec.extracted) Object.keys(rec.extracted).forEach(function (k) { parts.push(rec.extracted[k] || ''); });
    if (rec.error) parts.push(rec.error.message);
    if (rec.details) parts.push(JSON.stringify(rec.details));
    return parts.join('\n').toLowerCase();
  }

  function field(name, node) { return [el('div', { class: 'field-name', text: name }), node]; }
  function pre(text) { return el('pre', { text: text }); }
  function code(text) { return el('code', { text: text }); }

  function sampleBody(rec, run) {
    var body = el('div', { class: 'sample-body' });
    function add(nodes) { nodes.forEach(function (n) { body.appendChild(n); }); }
    if (typeof rec.prompt === 'string') add(field('Prompt', pre(rec.prompt)));
    if (Array.isArray(rec.messages)) {
      add(field('Messages', el('div', null, rec.messages.reduce(function (nodes, m) {
        return nodes.concat([el('div', { class: 'message-role', text: (m && m.role) || '?' }), pre(textOfContent(m && m.content))]);
      }, []))));
    }
    if (rec.turns && rec.turns.length) add(field('Later turns', el('div', null, rec.turns.map(function (t, i) { return el('div', null, [el('div', { class: 'message-role', text: 'turn ' + (i + 2) }), pre(t)]); }))));
    var logprobs = Array.isArray(rec.response) && rec.response.length > 0 && typeof rec.response[0] === 'object' ? rec.response : null;
    if (rec.requests) {
      var context = null;
      var nodes = [];
      var rows = [];
      rec.requests.forEach(function (q, i) {
        if (q.context !== undefined && q.context !== context) {
          if (rows.length) { nodes.push(table(['Continuation', 'Log-probability', 'Greedy'], rows, [false, true, false])); rows = []; }
          context = q.context;
          nodes.push(pre(context));
        }
        var lp = logprobs && logprobs[i];
        rows.push([code(JSON.stringify(q.continuation)), lp ? String(lp.logprob) : '', lp ? String(lp.is_greedy) : '']);
      });
      if (rows.length) nodes.push(table(['Continuation', 'Log-probability', 'Greedy'], rows, [false, true, false]));
      add(field('Requests (context, then each continuation)', el('div', null, nodes)));
    }
    if (typeof rec.response === 'string') add(field('Response', pre(rec.response)));
    else if (Array.isArray(rec.response) && !logprobs) {
      add(field('Response', el('div', null, rec.response.map(function (r, i) { return el('div', null, [el('div', { class: 'message-role', text: 'answer ' + (i + 1) }), pre(String(r))]); }))));
    } else if (rec.response === undefined && !rec.error) add(field('Response', el('div', { class: 'empty', text: 'none recorded' })));
    if (rec.extracted && Object.keys(rec.extracted).length) {
      add(field('Extracted answer', table(['Filter', 'Value'], Object.keys(rec.extracted).map(function (k) {
        var v = rec.extracted[k];
        return [k, v === null ? el('span', { class: 'empty', text: 'nothing found' }) : code(v)];
      }))));
    }
    add(field('Target', pre(rec.target === undefined ? '' : String(rec.target))));
    var scoreKeys = Object.keys(rec.scores || {});
    if (scoreKeys.length) {
      add(field('Scores', table(['Score', 'Value'], scoreKeys.map(function (k) {
        return [k === run.primaryScore ? el('span', { class: 'primary', text: k + ' (primary)' }) : k, rec.scores[k]];
      }), [false, true])));
    }
    if (rec.error) add(field('Error', pre(rec.error.message + (rec.error.status !== undefined ? ' (HTTP ' + rec.error.status + ')' : ''))));
    if (rec.details) add(field('Details', pre(JSON.stringify(rec.details, null, 2))));
    var facts = ['index ' + rec.index];
    if (rec.latency_ms !== undefined) facts.push('latency ' + rec.latency_ms + ' ms');
    if (rec.finish_reason) facts.push('finish ' + rec.finish_reason);
    if (rec.usage) facts.push('tokens ' + rec.usage.prompt_tokens + ' + ' + rec.usage.completion_tokens);
    if (rec.subsets && rec.subsets.length) facts.push('subsets ' + rec.subsets.join(', '));
    add([el('div', { class: 'meta', text: facts.join(' \u00b7 ') })]);
    return body;
  }

  function preview(rec) {
    if (rec.error) return rec.error.message;
    if (typeof rec.response === 'string') return rec.response;
    if (Array.isArray(rec.response) && typeof rec.response[0] === 'string') return rec.response[rec.response.length - 1];
    if (rec.extracted) return Object.keys(rec.extracted).map(function (k) { return k + '=' + rec.extracted[k]; }).join(' ');
    return '';
  }

  function sampleItem(i) {
    var s = samples[i];
    var run = data.runs[s[0]];
    var rec = s[2];
    var outcome = OUTCOMES[s[1]];
    var primary = run.primaryScore && rec.scores && rec.scores[run.primaryScore] !== undefined ? run.primaryScore + ' ' + fmt(rec.scores[run.primaryScore]) : '';
    var details = el('details', { class: 'sample', 'data-sample-id': rec.id, 'data-outcome': outcome, 'data-run': s[0] }, [
      el('summary', null, [el('span', { class: 'badge ' + outcome, text: outcome }), el('span', { class: 'sample-id', text: rec.id }),
        multiRun ? el('span', { class: 'sample-run', text: run.label }) : null, el('span', { class: 'sample-score', text: primary }),
        el('span', { class: 'sample-preview', text: preview(rec).slice(0, 200) })])
    ]);
    details.addEventListener('toggle', function () {
      if (details.open && !details.getAttribute('data-filled')) {
        details.setAttribute('data-filled', 'true');
        details.appendChild(sampleBody(rec, run));
      }
    });
    return el('li', null, [details]);
  }

  function samplesSection() {
    root.appendChild(el('h2', { text: 'Samples' }));
    if (samples.length === 0) { root.appendChild(el('div', { class: 'empty', text: 'No samples.jsonl in the output dir.' })); return; }
    var state = { run: -1, outcome: -1, terms: [], page: 0, pageSize: 50 };
    var haystacks = null;
    var matches = [];
    var runSelect = el('select', { id: 'sample-run' }, [el('option', { value: '-1', text: 'all runs' })].concat(
      data.runs.map(function (run, r) { return el('option', { value: String(r), text: run.label }); })));
    var outcomeSelect = el('select', { id: 'sample-filter' });
    var search = el('input', { id: 'sample-search', type: 'search', placeholder: 'search prompts, responses, targets, ids\u2026' });
    var sizeSelect = el('select', { id: 'page-size' }, [25, 50, 100, 200].map(function (n) { return el('option', { value: String(n), text: n + ' per page' }); }));
    sizeSelect.value = '50';
    var first = el('button', { id: 'page-first', type: 'button', text: '\u00ab' });
    var prev = el('button', { id: 'page-prev', type: 'button', text: '\u2039 prev' });
    var next = el('button', { id: 'page-next', type: 'button', text: 'next \u203a' });
    var last = el('button', { id: 'page-last', type: 'button', text: '\u00bb' });
    var pageInput = el('input', { id: 'page-number', type: 'number', min: '1', value: '1', 'aria-label': 'page' });
    var info = el('span', { id: 'page-info', class: 'meta' });
    var list = el('ol', { id: 'sample-list', class: 'samples' });
    root.appendChild(el('div', { class: 'controls' }, [
      multiRun ? el('label', { text: 'Run' }) : null, multiRun ? runSelect : null,
      el('label', { text: 'Show' }), outcomeSelect, el('label', { text: 'Search' }), search, sizeSelect]));
    root.appendChild(el('div', { class: 'pager' }, [first, prev, el('span', { class: 'meta', text: 'page' }), pageInput, next, last, info]));
    root.appendChild(list);

    function fillOutcomeOptions() {
      var counts = [0, 0, 0];
      var total = 0;
      for (var i = 0; i < samples.length; i++) {
        if (state.run >= 0 && samples[i][0] !== state.run) continue;
        counts[samples[i][1]] += 1;
        total += 1;
      }
      var chosen = outcomeSelect.value || '-1';
      outcomeSelect.textContent = '';
      outcomeSelect.appendChild(el('option', { value: '-1', text: 'all (' + total.toLocaleString('en-US') + ')' }));
      OUTCOMES.forEach(function (name, code) { outcomeSelect.appendChild(el('option', { value: String(code), text: name + ' (' + counts[code].toLocaleString('en-US') + ')' })); });
      outcomeSelect.value = chosen;
    }

    function filter() {
      if (state.terms.length && !haystacks) haystacks = new Array(samples.length);
      matches = [];
      for (var i = 0; i < samples.length; i++) {
        var s = samples[i];
        if (state.run >= 0 && s[0] !== state.run) continue;
        if (state.outcome >= 0 && s[1] !== state.outcome) continue;
        if (state.terms.length) {
          var text = haystacks[i];
          if (text === undefined) text = haystacks[i] = searchText(s[2]);
          var all = true;
          for (var t = 0; t < state.terms.length && all; t++) all = text.indexOf(state.terms[t]) >= 0;
          if (!all) continue;
        }
        matches.push(i);
      }
      list.setAttribute('data-query', state.terms.join(' '));
      state.page = 0;
      render();
    }

    function pages() { return Math.max(1, Math.ceil(matches.length / state.pageSize)); }

    function render() {
      state.page = Math.max(0, Math.min(state.page, pages() - 1));
      var from = state.page * state.pageSize;
      var to = Math.min(matches.length, from + state.pageSize);
      list.textContent = '';
      var fragment = document.createDocumentFragment();
      for (var i = from; i < to; i++) fragment.appendChild(sampleItem(matches[i]));
      list.appendChild(fragment);
      pageInput.value = String(state.page + 1);
      pageInput.max = String(pages());
      info.textContent = matches.length === 0 ? 'no samples match' :
        'of ' + pages().toLocaleString('en-US') + ' \u00b7 samples ' + (from + 1).toLocaleString('en-US') + '\u2013' + to.toLocaleString('en-US') +
        ' of ' + matches.length.toLocaleString('en-US') + ' matching';
      first.disabled = prev.disabled = state.page === 0;
      next.disabled = last.disabled = state.page >= pages() - 1;
    }

    var pending = null;
    search.addEventListener('input', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        state.terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
        filter();
      }, 200);
    });
    runSelect.addEventListener('change', function () { state.run = Number(runSelect.value); fillOutcomeOptions(); filter(); });
    outcomeSelect.addEventListener('change', function () { state.outcome = Number(outcomeSelect.value); filter(); });
    sizeSelect.addEventListener('change', function () { state.pageSize = Number(sizeSelect.value); state.page = 0; render(); });
    first.addEventListener('click', function () { state.page = 0; render(); });
    prev.addEventListener('click', function () { state.page -= 1; render(); });
    next.addEventListener('click', function () { state.page += 1; render(); });
    last.addEventListener('click', function () { state.page = pages() - 1; render(); });
    pageInput.addEventListener('change', function () { state.page = (Number(pageInput.value) || 1) - 1; render(); });
    fillOutcomeOptions();
    filter();
  }
`;
