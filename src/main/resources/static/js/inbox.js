// Lodestone inbox: lists proposals, shows one beside what the graph holds, and accepts or rejects it.
// Every text from a proposal (titles, rows, the retrieved document) is set as text, never as HTML: a fetched document
// is data, and nothing in it may run or render as markup here.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const state = { key: '', current: null, original: '' };

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  function say(message, problems) {
    $('status').textContent = message;
    const list = $('problems');
    list.replaceChildren();
    (problems || []).forEach((problem) => {
      const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
      list.append(element('li', `${where}: ${problem.reason}`));
    });
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json', 'X-API-Key': state.key };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(payload.detail || `HTTP ${response.status}`);
      error.problems = payload.problems || [];
      throw error;
    }
    return payload;
  }

  async function load() {
    state.key = $('api-key').value.trim();
    const status = $('status-filter').value;
    try {
      const proposals = await call('GET', `api/inbox?limit=200${status ? `&status=${encodeURIComponent(status)}` : ''}`);
      const list = $('proposals');
      list.replaceChildren();
      proposals.forEach((summary) => {
        const button = element('button', summary.title, { type: 'button', 'data-id': summary.id });
        button.append(element('span', `${summary.status} · ${summary.connector} · ${summary.rows} row(s)`, { class: 'meta' }));
        button.addEventListener('click', () => open(summary.id));
        const item = element('li');
        item.append(button);
        list.append(item);
      });
      say(`${proposals.length} proposal(s) ${status || 'in all'}.`);
    } catch (error) {
      say(`Could not load the inbox: ${error.message}`);
    }
  }

  function show(value) {
    if (value === undefined || value === null || value === '') return '—';
    return Array.isArray(value) ? value.join('|') : String(value);
  }

  function relationshipKey(row) {
    return `(${row.from})-[:${row.type}]->(${row.to})`;
  }

  function table(kind, row, held) {
    const caption = kind === 'relationships' ? relationshipKey(row) : row.id;
    const stored = Array.isArray(held) ? held[0] : held;
    const result = element('table', null, { class: 'side-by-side', 'data-kind': kind });
    result.append(element('caption', `${kind.slice(0, -1)} ${caption}${stored ? '' : ' (new)'}`));
    const head = element('tr');
    ['column', 'proposed', 'in the graph'].forEach((label) => head.append(element('th', label, { scope: 'col' })));
    result.append(head);
    Object.keys(row).forEach((column) => {
      const line = element('tr');
      const proposed = show(row[column]);
      const current = stored ? show(stored[column]) : '—';
      line.append(element('th', column, { scope: 'row' }), element('td', proposed),
        element('td', current, stored && current !== proposed ? { class: 'differs' } : {}));
      result.append(line);
    });
    return result;
  }

  function markQuotes(text, quotes) {
    const pre = $('text');
    pre.replaceChildren();
    let at = 0;
    [...quotes].sort((a, b) => a.start - b.start).forEach((quote) => {
      if (quote.start < at) return;
      pre.append(document.createTextNode(text.slice(at, quote.start)));
      pre.append(element('mark', text.slice(quote.start, quote.end), { 'data-relationship': quote.relationship }));
      at = quote.end;
    });
    pre.append(document.createTextNode(text.slice(at)));
  }

  async function open(id) {
    try {
      const review = await call('GET', `api/inbox/${encodeURIComponent(id)}`);
      const proposal = review.proposal;
      state.current = proposal;
      document.querySelectorAll('#proposals button').forEach((button) =>
        button.setAttribute('aria-current', String(button.dataset.id === id)));
      $('proposal').hidden = false;
      $('proposal-title').textContent = proposal.title;
      const provenance = $('provenance');
      provenance.replaceChildren();
      [['id', proposal.id], ['status', proposal.status], ['connector', proposal.provenance.connector],
        ['document', proposal.provenance.documentUrl], ['retrieved', proposal.provenance.retrievedAt],
        ['SHA-256', proposal.provenance.contentSha256], ['decided by', proposal.decidedBy],
        ['reason', proposal.reason], ['recorded as', proposal.change]].forEach(([term, value]) => {
        if (value) provenance.append(element('dt', term), element('dd', value));
      });
      $('notes').replaceChildren(...proposal.notes.map((note) => element('li', note)));
      const rows = $('rows');
      rows.replaceChildren();
      ['sources', 'entities', 'relationships'].forEach((kind) => proposal.rows[kind].forEach((row) => {
        const key = kind === 'relationships' ? relationshipKey(row) : row.id;
        rows.append(table(kind, row, review.held[key]));
      }));
      markQuotes(proposal.text || '', proposal.quotes);
      state.original = JSON.stringify(proposal.rows, null, 2);
      $('edit').value = state.original;
      $('decision').hidden = proposal.status !== 'pending';
      say(`Reviewing ${proposal.id} (${proposal.status}).`);
    } catch (error) {
      say(`Could not open ${id}: ${error.message}`);
    }
  }

  async function accept() {
    const proposal = state.current;
    let body = {};
    if ($('edit').value !== state.original) {
      try {
        body = { rows: JSON.parse($('edit').value) };
      } catch (error) {
        say(`The edited rows are not JSON: ${error.message}`);
        return;
      }
    }
    try {
      const accepted = await call('POST', `api/inbox/${encodeURIComponent(proposal.id)}/accept`, body);
      await open(accepted.id);
      say(`Accepted by ${accepted.decidedBy}: ${accepted.reason}`);
    } catch (error) {
      say(`Not accepted: ${error.message}`, error.problems);
    }
  }

  async function reject() {
    const proposal = state.current;
    try {
      const rejected = await call('POST', `api/inbox/${encodeURIComponent(proposal.id)}/reject`,
        { reason: $('reason').value });
      await open(rejected.id);
      say(`Rejected by ${rejected.decidedBy}: ${rejected.reason}`);
    } catch (error) {
      say(`Not rejected: ${error.message}`);
    }
  }

  $('credential').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  $('accept').addEventListener('click', accept);
  $('reject').addEventListener('click', reject);
})();
