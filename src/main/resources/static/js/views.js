// Lodestone explorer views that show the field at a glance: the measures timeline, the exposure matrix, the linkage
// ledger and what changed between two dates (and what the graph recorded since a date). Plain browser JavaScript on
// ECharts (served from its WebJar); every view reads only the REST API under api/ and keeps its state in the address
// bar's hash (#timeline?asOf=…), so a view can be bookmarked or shared. The connections explorer (explorer.js) keeps the query string.
'use strict';

(() => {
  const $ = (selector) => document.querySelector(selector);

  // ---------------------------------------------------------------- small helpers

  const { api, el, kindBadge } = window.LodestoneUi;

  const DAY = 24 * 60 * 60 * 1000;
  const ms = (iso) => Date.parse(`${iso}T00:00:00Z`);
  const iso = (time) => new Date(time).toISOString().slice(0, 10);
  const today = () => new Date().toISOString().slice(0, 10);
  const isDate = (text) => typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(ms(text));
  function addMonths(date, months) {
    const d = new Date(ms(date));
    d.setUTCMonth(d.getUTCMonth() + months);
    return iso(d.getTime());
  }
  const percent = (share) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
  const minDate = (...dates) => dates.filter(Boolean).sort()[0] || null;
  const maxDate = (...dates) => dates.filter(Boolean).sort().pop() || null;
  const shorten = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

  function sourceList(sources) {
    if (!sources || sources.length === 0) return el('p', {}, 'No sources recorded.');
    return el('ul', { class: 'sources' }, sources.map((source) => el('li', { dataset: { id: source.id } },
      el('div', {}, el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title)),
      el('div', {}, el('span', { class: 'publisher' }, source.publisher), ' ', el('span', { class: 'date' }, source.date)))));
  }

  function dl(pairs) {
    return el('dl', {}, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  }

  // CSV as spreadsheets read it (RFC 4180); text that a spreadsheet would run as a formula is prefixed with '.
  function csvCell(value) {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (/^[=+@]/.test(text) || /^-[^0-9]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function saveFile(name, href) {
    const link = el('a', { href, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
  }

  // ---------------------------------------------------------------- state, routing

  const state = {
    view: null, // 'timeline' | 'exposure' | 'linkages' | 'changes', or null for the connections explorer
    params: new URLSearchParams(),
    chart: null,
    cursor: { items: [], index: -1 },
    csv: null, // () => rows (arrays) of the current view's table, header first
    span: { first: '2009-01-01', last: today() }, // dates the slider covers, from the measures
    measures: null, // GET /api/measures, once
    statuses: new Map(), // date -> Map(measure id -> its state on that date), from GET /api/measures?asOf=
    generation: 0,
    playing: null,
  };

  const VIEWS = {};

  function route() {
    const hash = window.location.hash.replace(/^#/, '');
    const [name, query] = hash.split('?');
    return { name: VIEWS[name] ? name : null, params: new URLSearchParams(query || '') };
  }

  // Writes the view's state into the hash, keeping the connections explorer's query string.
  function updateHash() {
    const query = state.params.toString();
    const hash = `#${state.view}${query ? `?${query}` : ''}`;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }

  function setParam(name, value) {
    if (value) state.params.set(name, value);
    else state.params.delete(name);
    updateHash();
  }

  function setStatus(text, kind = 'ready') {
    const status = $('#dash-status');
    status.textContent = text;
    status.dataset.state = kind;
  }

  async function measures() {
    if (!state.measures) {
      state.measures = await api('api/measures');
      const starts = state.measures.map((m) => m.announced || m.effective || m.firstRecorded).filter(Boolean);
      state.span.first = minDate(...starts) || state.span.first;
      state.span.last = maxDate(today(), ...state.measures.flatMap((m) => [m.rescinded, m.expiry, m.suspendedUntil]));
    }
    return state.measures;
  }

  // Each measure's state on a date (in force, suspended, not yet in force, ended, no start recorded) as the server
  // decides it (cypher/queries/measures-in-force-on-date.cypher): the page never works it out from the dates itself.
  async function statusesOn(date) {
    if (!state.statuses.has(date)) {
      const answer = await api(`api/measures?asOf=${encodeURIComponent(date)}`);
      if (state.statuses.size >= 60) state.statuses.delete(state.statuses.keys().next().value); // Play visits many dates
      state.statuses.set(date, new Map(answer.map((m) => [m.id, m.status])));
    }
    return state.statuses.get(date);
  }

  function asOf() {
    const value = state.params.get('asOf');
    return isDate(value) ? value : minDate(today(), state.span.last);
  }

  function showView(name) {
    stopPlay();
    const dashboard = Boolean(name);
    $('#view-paths').hidden = dashboard;
    $('#view-dash').hidden = !dashboard;
    document.querySelectorAll('.views-nav a').forEach((link) => {
      if (link.dataset.view === (name || 'paths')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
    if (!dashboard) {
      disposeChart();
      // Cytoscape measured its container while it was hidden.
      if (window.cy) {
        window.cy.resize();
        if (window.cy.elements().nonempty()) window.cy.fit(undefined, 40);
      }
      document.title = 'Lodestone explorer';
      return;
    }
    document.querySelectorAll('#view-dash [data-views]').forEach((control) => {
      const shown = control.dataset.views.split(' ').includes(name);
      if (shown) control.removeAttribute('data-hidden-by-view');
      else control.setAttribute('data-hidden-by-view', '');
    });
    $('#dash-title').textContent = VIEWS[name].title;
    $('#dash-date-label').textContent = name === 'changes' ? 'To' : 'On';
    $('#dash-help').textContent = VIEWS[name].help;
    document.title = `${VIEWS[name].title} · Lodestone explorer`;
  }

  async function render() {
    const { name, params } = route();
    const switched = name !== state.view;
    state.view = name;
    state.params = params;
    showView(name);
    if (!name) return;
    if (switched) {
      disposeChart();
      showPlaceholder();
    }
    const generation = ++state.generation;
    setStatus('Loading…', 'loading');
    try {
      await measures();
      syncDateControls();
      await VIEWS[name].render(generation);
    } catch (error) {
      if (generation === state.generation) setStatus(error.message, 'error');
    }
  }

  // ---------------------------------------------------------------- the chart and its keyboard cursor

  function chartFor(height) {
    const container = $('#chart');
    container.style.height = `${Math.max(height, 320)}px`;
    if (!state.chart) {
      state.chart = echarts.init(container, null, { renderer: 'canvas' });
      window.viewChart = state.chart; // for people poking at the page, and for the browser test
    } else {
      state.chart.resize();
    }
    return state.chart;
  }

  function disposeChart() {
    if (state.chart) {
      state.chart.dispose();
      state.chart = null;
      window.viewChart = null;
    }
    state.cursor = { items: [], index: -1 };
  }

  // Items the arrow keys step through, in reading order: {seriesIndex, dataIndex, label, open}.
  function setCursorItems(items) {
    state.cursor = { items, index: -1 };
  }

  function moveCursor(step) {
    const { items } = state.cursor;
    if (!items.length || !state.chart) return;
    const previous = items[state.cursor.index];
    let index = state.cursor.index + step;
    if (step === Infinity) index = items.length - 1;
    if (step === -Infinity) index = 0;
    index = Math.max(0, Math.min(items.length - 1, index));
    state.cursor.index = index;
    const item = items[index];
    if (previous) state.chart.dispatchAction({ type: 'downplay', seriesIndex: previous.seriesIndex, dataIndex: previous.dataIndex });
    state.chart.dispatchAction({ type: 'highlight', seriesIndex: item.seriesIndex, dataIndex: item.dataIndex });
    state.chart.dispatchAction({ type: 'showTip', seriesIndex: item.seriesIndex, dataIndex: item.dataIndex });
    if (item.hover) item.hover();
    $('#chart').setAttribute('aria-label', item.label);
    setStatus(`${index + 1} of ${items.length}: ${item.label}. Enter opens it.`);
  }

  function chartKeys(event) {
    const steps = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (event.key in steps) {
      event.preventDefault();
      moveCursor(steps[event.key]);
    } else if ((event.key === 'Enter' || event.key === ' ') && state.cursor.index >= 0) {
      event.preventDefault();
      state.cursor.items[state.cursor.index].open();
    }
  }

  // ---------------------------------------------------------------- details panel

  function showPlaceholder() {
    const panel = $('#dash-details');
    panel.replaceChildren(el('div', { class: 'placeholder' }, el('h2', {}, 'Details'),
      el('p', {}, 'Click an item in the chart or the table, or focus the chart and use the arrow keys and Enter, '
        + 'to read it here with its sources.')));
    delete panel.dataset.kind;
    delete panel.dataset.id;
  }

  function loadingPanel(title, kind, id) {
    const panel = $('#dash-details');
    panel.replaceChildren(el('h2', {}, title), el('p', { class: 'status', 'data-state': 'loading' }, 'Loading…'));
    panel.dataset.kind = kind;
    panel.dataset.id = id;
    panel.dataset.state = 'loading';
    return panel;
  }

  function finishPanel(panel, ...children) {
    panel.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
    panel.dataset.state = 'ready';
  }


  function groupOf(m) {
    const groups = new Map();
    m.issuers.forEach((issuer) => groups.set(issuer.group.id, issuer.group.name));
    if (groups.size === 0) return { key: 'none', name: 'No issuer recorded' };
    const ids = [...groups.keys()].sort();
    return { key: ids.join('+'), name: ids.map((id) => groups.get(id)).join(' + ') };
  }

  // A measure's details: the entity and its sources (GET /api/entities/{id}) with its place on the timeline.
  async function openMeasure(id, paramName) {
    if (paramName) setParam(paramName, id);
    const all = await measures();
    const m = all.find((x) => x.id === id);
    const panel = loadingPanel(m ? m.name : id, 'measure', id);
    try {
      const entity = await api(`api/entities/${encodeURIComponent(id)}`);
      if (panel.dataset.id !== id) return;
      const date = state.view === 'changes' ? changesWindow().to : asOf();
      const statuses = await statusesOn(date);
      if (panel.dataset.id !== id) return;
      const life = entity.lifecycle || {};
      const byRole = new Map();
      (m ? m.subjects : []).forEach((s) => byRole.set(s.role, [...(byRole.get(s.role) || []), s]));
      const roleNames = { RESTRICTS: 'restricts', COVERS: 'covers', LICENSED_FOR: 'licenses', TARGETS: 'targets', PARTY_TO: 'parties' };
      finishPanel(panel,
        el('h2', {}, entity.name),
        el('p', {}, kindBadge(entity.kind), ' ', el('span', { class: 'subtype' }, entity.subtype)),
        entity.description ? el('p', {}, entity.description) : null,
        dl([
          ['issued by', m && m.issuers.length ? m.issuers.map((i) => i.name).join('; ') : null],
          ['announced', life.announced], ['effective', life.effective], ['suspended until', life.suspendedUntil],
          ['rescinded', life.rescinded], ['reversed', m && m.reversed], ['last relationship ended', m && m.expiry],
          [`on ${date}`, statuses.get(id) || null],
          ...[...byRole].map(([role, subjects]) => [roleNames[role] || role, subjects.map((s) => s.name).join('; ')]),
        ]),
        m && m.suspensions.length ? [el('h3', {}, 'Suspended'), el('ul', { class: 'connections' }, m.suspensions.map((s) =>
          el('li', {}, `${s.validFrom} to ${s.validTo || 'no end recorded'}, by `,
            el('button', { type: 'button', onclick: () => openMeasure(s.by, paramName) }, s.name))))] : null,
        m && linksOf(m).length ? [el('h3', {}, 'Links to other measures'), el('ul', { class: 'connections' }, linksOf(m).map((l) =>
          el('li', { dataset: { type: l.type } }, el('button', { type: 'button', onclick: () => openMeasure(l.other, paramName) },
            `${l.label} ${l.name}`), l.date ? ` (${l.date})` : null)))] : null,
        el('p', {}, el('a', { href: `?from=${encodeURIComponent(id)}#paths` }, 'Show its neighbours in Connections')),
        el('h3', {}, 'Sources'),
        sourceList(entity.sources),
        el('p', { class: 'subtype' }, el('code', {}, id)));
    } catch (error) {
      finishPanel(panel, el('h2', {}, id), el('p', { class: 'status', 'data-state': 'error' }, error.message));
    }
  }

  // Links in both directions: a measure's own (AMENDS, REVERSES, SUSPENDS, CONCESSION_FOR, linkages) and those of
  // other measures that point at it.
  function linksOf(m) {
    const out = m.links.map((l) => ({
      type: l.type, other: l.to, name: l.name, date: l.validFrom,
      label: l.type === 'LINKAGE' ? `tied by "${l.linkageName}" to` : `${l.type} →`,
    }));
    const incoming = (state.measures || []).flatMap((o) => o.links
      .filter((l) => l.to === m.id && l.type !== 'LINKAGE')
      .map((l) => ({ type: l.type, other: o.id, name: o.name, date: l.validFrom, label: `← ${l.type} by` })));
    return [...out, ...incoming];
  }

  // ---------------------------------------------------------------- date controls and play

  function syncDateControls() {
    const range = $('#dash-range');
    const first = ms(state.span.first) / DAY;
    const last = ms(state.span.last) / DAY;
    range.min = '0';
    range.max = String(last - first);
    const date = state.view === 'changes' ? changesWindow().to : asOf();
    range.value = String(Math.min(Math.max(ms(date) / DAY - first, 0), last - first));
    range.setAttribute('aria-valuetext', date);
    $('#dash-date').value = date;
    $('#dash-date').min = state.span.first;
    $('#dash-date').max = state.span.last;
    if (state.view === 'changes') $('#dash-from').value = changesWindow().from;
  }

  function setDate(date) {
    if (!isDate(date)) return;
    if (state.view === 'changes') setParam('to', date);
    else setParam('asOf', date);
    render();
  }

  function stopPlay() {
    if (state.playing) clearInterval(state.playing);
    state.playing = null;
    const button = $('#dash-play');
    button.setAttribute('aria-pressed', 'false');
    button.textContent = '\u25B6 Play';
  }

  function togglePlay() {
    if (state.playing) {
      stopPlay();
      return;
    }
    // From where the date stands, a month a step; from the start when it already stands at the end.
    if (asOf() >= state.span.last) setParam('asOf', state.span.first);
    const button = $('#dash-play');
    button.setAttribute('aria-pressed', 'true');
    button.textContent = '\u275A\u275A Pause';
    const step = () => {
      const next = minDate(addMonths(asOf(), 1), state.span.last);
      setDate(next);
      if (next >= state.span.last) stopPlay();
    };
    step();
    state.playing = setInterval(step, 900);
  }

  // ---------------------------------------------------------------- view: measures timeline

  const SUBTYPE_COLOURS = {
    ExportControl: '#a05d96', Ban: '#b3261e', Licence: '#1f77b4', TradeDeal: '#2e8b57', Concession: '#17a2b8',
    Tariff: '#e8772e', Investment: '#8c6d31',
  };
  const LINK_COLOURS = { AMENDS: '#5b6474', REVERSES: '#b3261e', SUSPENDS: '#e8772e', CONCESSION_FOR: '#1f5fbf', LINKAGE: '#b8860b' };

  VIEWS.timeline = {
    title: 'Measures timeline',
    help: 'Each measure is a bar from its announcement (pale) and effect to its rescission, reversal or expiry; grey '
      + 'stripes are suspensions; an open bar has no end recorded. Rows are grouped by issuer (the state or bloc the '
      + 'graph records it belongs to), colours are subtypes. Hover a bar for its links to other measures; click it '
      + 'for details. Measures not in force on the date are faded.',
    async render(generation) {
      const date = asOf();
      const statuses = await statusesOn(date);
      if (generation !== state.generation) return;
      const measureStatus = (m) => statuses.get(m.id) || 'unknown';
      const subject = state.params.get('subject') || '';
      fillSubjects(subject);
      const shown = state.measures.filter((m) => !subject || m.subjects.some((s) => s.id === subject)
        || m.issuers.some((i) => i.id === subject || i.group.id === subject));
      const groups = new Map();
      shown.forEach((m) => {
        const group = groupOf(m);
        if (!groups.has(group.key)) groups.set(group.key, { ...group, measures: [] });
        groups.get(group.key).measures.push(m);
      });
      const ordered = [...groups.values()].sort((a, b) => b.measures.length - a.measures.length || a.name.localeCompare(b.name));
      const rows = [];
      ordered.forEach((group) => {
        rows.push({ key: `group:${group.key}`, label: `${group.name} (${group.measures.length})`, group: true });
        group.measures.sort((a, b) => (startOf(a) || '').localeCompare(startOf(b) || '') || a.name.localeCompare(b.name))
          .forEach((m) => rows.push({ key: m.id, label: m.name, m, groupName: group.name }));
      });
      const first = minDate(...shown.map(startOf)) || state.span.first;
      const axisMin = addMonths(first, -3);
      const axisMax = addMonths(maxDate(state.span.last, date), 3);
      const rowIndex = new Map(rows.map((row, i) => [row.key, i]));
      const subtypes = [...new Set(shown.map((m) => m.subtype))].sort();
      const series = subtypes.map((subtype) => {
        const list = rows.filter((row) => row.m && row.m.subtype === subtype);
        return {
          id: `subtype:${subtype}`, name: subtype, type: 'custom', renderItem: barRenderer(list, measureStatus, axisMax),
          encode: { x: [1, 2, 3], y: 0 }, itemStyle: { color: SUBTYPE_COLOURS[subtype] || '#8a8f98' },
          data: list.map((row) => ({
            name: row.m.name, id: row.m.id,
            value: [rowIndex.get(row.key), ms(startOf(row.m)), ms(row.m.effective || startOf(row.m)), ms(endOf(row.m) || axisMax)],
          })),
          tooltip: { formatter: (p) => tooltipFor(list[p.dataIndex].m, date, measureStatus(list[p.dataIndex].m)) },
        };
      });
      series.push({ id: 'links', type: 'custom', renderItem: linkRenderer, encode: { x: [1, 3], y: [0, 2] }, data: [], silent: true, z: 10 });
      series.push({
        id: 'date', type: 'line', data: [], markLine: {
          symbol: 'none', silent: true, lineStyle: { color: '#1d2330', type: 'solid', width: 1.5 },
          label: { formatter: date, position: 'start' }, data: [{ xAxis: ms(date) }],
        },
      });
      const chart = chartFor(rows.length * 20 + 90);
      if (generation !== state.generation) return;
      chart.setOption({
        animation: false,
        legend: { top: 4, data: subtypes },
        grid: { left: 8, right: 24, top: 48, bottom: 24, containLabel: true },
        tooltip: { trigger: 'item', confine: true },
        xAxis: { type: 'time', min: ms(axisMin), max: ms(axisMax), position: 'top', splitLine: { show: true, lineStyle: { color: '#eef0f4' } } },
        yAxis: {
          type: 'category', inverse: true, data: rows.map((row) => row.key),
          axisTick: { show: false },
          axisLabel: {
            interval: 0, fontSize: 11,
            formatter: (key) => {
              const row = rows[rowIndex.get(key)];
              return row.group ? `{g|${shorten(row.label, 46)}}` : shorten(row.label, 52);
            },
            rich: { g: { fontWeight: 'bold', color: '#1d2330', fontSize: 12 } },
          },
        },
        series,
      }, true);
      chart.off('click');
      chart.off('mouseover');
      chart.off('globalout');
      const measureAt = (p) => (p.seriesId && p.seriesId.startsWith('subtype:') ? state.measures.find((m) => m.id === p.data.id) : null);
      chart.on('click', (p) => {
        const m = measureAt(p);
        if (m) openMeasure(m.id, 'measure');
      });
      chart.on('mouseover', (p) => {
        const m = measureAt(p);
        if (m) drawLinks(m, rowIndex);
      });
      chart.on('globalout', () => drawLinks(null, rowIndex));
      setCursorItems(rows.filter((row) => row.m).map((row) => {
        const seriesIndex = subtypes.indexOf(row.m.subtype);
        return {
          seriesIndex, dataIndex: series[seriesIndex].data.findIndex((d) => d.id === row.m.id),
          label: `${row.m.name}, ${measureStatus(row.m)} on ${date}`,
          open: () => openMeasure(row.m.id, 'measure'), hover: () => drawLinks(row.m, rowIndex),
        };
      }));
      const inForce = shown.filter((m) => measureStatus(m) === 'in force').length;
      const suspended = shown.filter((m) => measureStatus(m) === 'suspended').length;
      const table = [['id', 'name', 'subtype', 'issuer group', 'issuers', 'announced', 'effective', 'suspended until',
        'rescinded', 'reversed', 'last relationship ended', `status on ${date}`, 'about', 'links']];
      rows.filter((row) => row.m).forEach(({ m, groupName }) => table.push([m.id, m.name, m.subtype, groupName,
        m.issuers.map((i) => i.name).join('; '), m.announced, m.effective, m.suspendedUntil, m.rescinded, m.reversed,
        m.expiry, measureStatus(m), m.subjects.map((s) => `${s.role} ${s.name}`).join('; '),
        linksOf(m).map((l) => `${l.label} ${l.name}`).join('; ')]));
      state.csv = () => table;
      renderTable(['Measure', 'Subtype', 'Issuer group', 'From', 'To', `On ${date}`], rows.filter((row) => row.m).map(({ m, groupName }) => ({
        id: m.id, current: measureStatus(m) === 'in force',
        cells: [el('button', { type: 'button', onclick: () => openMeasure(m.id, 'measure') }, m.name), m.subtype, groupName,
          startOf(m) || '', endOf(m) || 'no end recorded', measureStatus(m)],
      })), state.params.get('measure'));
      setStatus(`${shown.length} measures${subject ? ` about ${subjectName(subject)}` : ''}, ${ordered.length} issuer groups; `
        + `on ${date}: ${inForce} in force, ${suspended} suspended.`);
      const selected = state.params.get('measure');
      if (selected && $('#dash-details').dataset.id !== selected) openMeasure(selected);
    },
  };

  const startOf = (m) => m.announced || m.effective || m.firstRecorded;
  const endOf = (m) => minDate(m.rescinded, m.reversed, m.expiry);

  function subjectName(id) {
    const option = [...$('#dash-subject').options].find((o) => o.value === id);
    return option ? option.textContent : id;
  }

  function fillSubjects(selected) {
    const select = $('#dash-subject');
    if (select.dataset.filled !== 'true') {
      const byKind = new Map();
      state.measures.forEach((m) => {
        m.subjects.forEach((s) => {
          if (!byKind.has(s.kind)) byKind.set(s.kind, new Map());
          byKind.get(s.kind).set(s.id, s.name);
        });
        m.issuers.forEach((i) => {
          if (!byKind.has('Actor')) byKind.set('Actor', new Map());
          byKind.get('Actor').set(i.id, i.name);
          byKind.get('Actor').set(i.group.id, i.group.name);
        });
      });
      ['Mineral', 'Product', 'Actor'].filter((kind) => byKind.has(kind)).forEach((kind) => {
        const group = el('optgroup', { label: `${kind}s` });
        [...byKind.get(kind)].sort((a, b) => a[1].localeCompare(b[1]))
          .forEach(([id, name]) => group.append(el('option', { value: id }, name)));
        select.append(group);
      });
      select.dataset.filled = 'true';
    }
    select.value = selected;
  }

  function tooltipFor(m, date, status) {
    const text = (value) => String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
    const lines = [`<strong>${text(m.name)}</strong>`, `${text(m.subtype)} · ${text(groupOf(m).name)}`,
      `${text(startOf(m) || '?')} to ${text(endOf(m) || 'no end recorded')} · ${text(status)} on ${text(date)}`];
    m.suspensions.forEach((s) => lines.push(`suspended ${text(s.validFrom)} to ${text(s.validTo || '?')}`));
    linksOf(m).slice(0, 8).forEach((l) => lines.push(`<span style="color:${LINK_COLOURS[l.type] || '#5b6474'}">${text(l.label)} ${text(shorten(l.name, 60))}</span>`));
    if (linksOf(m).length > 8) lines.push(`and ${linksOf(m).length - 8} more links`);
    return lines.join('<br>');
  }

  function barRenderer(list, measureStatus, axisMax) {
    return (params, apiRender) => {
      const m = list[params.dataIndex].m;
      const y = apiRender.value(0);
      const height = apiRender.size([0, 1])[1] * 0.62;
      const [x0, yc] = apiRender.coord([apiRender.value(1), y]);
      const [x1] = apiRender.coord([apiRender.value(2), y]);
      const [x2] = apiRender.coord([apiRender.value(3), y]);
      const colour = apiRender.visual('color');
      const status = measureStatus(m);
      const opacity = status === 'in force' ? 1 : status === 'suspended' ? 0.7 : 0.3;
      const top = yc - height / 2;
      const children = [];
      if (x1 > x0) children.push({ type: 'rect', shape: { x: x0, y: top, width: x1 - x0, height }, style: { fill: colour, opacity: opacity * 0.35 } });
      children.push({ type: 'rect', shape: { x: x1, y: top, width: Math.max(x2 - x1, 3), height }, style: { fill: colour, opacity } });
      m.suspensions.forEach((s) => {
        const [sx0] = apiRender.coord([ms(s.validFrom), y]);
        const [sx1] = apiRender.coord([ms(s.validTo || axisMax), y]);
        children.push({ type: 'rect', shape: { x: sx0, y: top + height * 0.2, width: Math.max(sx1 - sx0, 2), height: height * 0.6 }, style: { fill: '#8a8f98', opacity: 0.85 } });
      });
      if (!endOf(m)) children.push({ type: 'polygon', shape: { points: [[x2, top], [x2 + 6, yc], [x2, top + height]] }, style: { fill: colour, opacity } });
      return { type: 'group', children };
    };
  }

  // The links of the hovered (or keyboard-selected) measure, drawn as curves from its bar to the others'.
  function drawLinks(m, rowIndex) {
    if (!state.chart) return;
    const data = [];
    if (m) {
      linksOf(m).forEach((l) => {
        const other = state.measures.find((x) => x.id === l.other);
        if (!other || !rowIndex.has(other.id)) return;
        data.push({ value: [rowIndex.get(m.id), ms(startOf(m)), rowIndex.get(other.id), ms(startOf(other))], type: l.type });
      });
    }
    state.chart.setOption({ series: [{ id: 'links', data, renderItem: linkRenderer }] });
  }

  function linkRenderer(params, apiRender) {
    const [x1, y1] = apiRender.coord([apiRender.value(1), apiRender.value(0)]);
    const [x2, y2] = apiRender.coord([apiRender.value(3), apiRender.value(2)]);
    const type = params.data ? params.data.type : null;
    const colour = LINK_COLOURS[type] || '#5b6474';
    const bend = Math.min(160, Math.abs(y2 - y1) / 2 + 30);
    return {
      type: 'group', children: [
        { type: 'bezierCurve', shape: { x1, y1, x2, y2, cpx1: x1 - bend, cpy1: (y1 + y2) / 2 }, style: { stroke: colour, lineWidth: 2, fill: null } },
        { type: 'circle', shape: { cx: x2, cy: y2, r: 4 }, style: { fill: colour } },
        { type: 'text', style: { text: type === 'LINKAGE' ? 'linkage' : type, x: x2 + 6, y: y2 - 12, fill: colour, font: 'bold 10px sans-serif' } },
      ],
    };
  }

  // ---------------------------------------------------------------- view: exposure matrix

  VIEWS.exposure = {
    title: 'Exposure matrix',
    help: 'Minerals by supplier: each cell is the supplier\'s sourced share of world supply, for the latest period '
      + 'reported on or before the date (faded: only a later period is reported). A red triangle marks a measure '
      + 'restricting the mineral, in force on the date, issued by that supplier (as far as the graph records who '
      + 'issued it); the count after a mineral\'s name counts every measure in force on it. Click a cell for the '
      + 'shares, the measures and the chokepoint-exposure answer.',
    async render(generation) {
      const date = asOf();
      const matrix = await api(`api/supply?asOf=${date}`);
      if (generation !== state.generation) return;
      const totals = new Map();
      const names = new Map();
      matrix.minerals.forEach((mineral) => mineral.suppliers.forEach((s) => {
        totals.set(s.supplier, (totals.get(s.supplier) || 0) + s.share);
        names.set(s.supplier, s.name);
      }));
      const suppliers = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
      const minerals = matrix.minerals;
      const cells = [];
      const marks = [];
      minerals.forEach((mineral, y) => mineral.suppliers.forEach((s) => {
        const x = suppliers.indexOf(s.supplier);
        const own = mineral.measures.filter((m) => m.states.includes(s.supplier));
        cells.push({ value: [x, y, s.share], mineral, share: s, own, itemStyle: { opacity: s.held ? 1 : 0.45 } });
        if (own.length) marks.push({ value: [x, y], mineral, share: s, own });
      }));
      const chart = chartFor(minerals.length * 24 + 150);
      const label = (mineral) => `${mineral.name}${mineral.measures.length ? `  \u25A0 ${mineral.measures.length}` : ''}`;
      chart.setOption({
        animation: false,
        tooltip: {
          confine: true,
          formatter: (p) => {
            const { mineral, share, own } = p.data;
            const period = share.precision === 'year' ? share.validFrom.slice(0, 4) : `${share.validFrom} to ${share.validTo || '…'}`;
            return [`<strong>${escapeHtml(share.name)}: ${percent(share.share)} of ${escapeHtml(mineral.name)}</strong>`,
              `${period}${share.held ? '' : ' (not covering the date)'}`,
              own.length ? `in force on ${date}, issued by this supplier: ${own.map((m) => escapeHtml(shorten(m.name, 60))).join('<br>')}` : `no measure in force on ${date} that the graph ties to this supplier`,
              `${mineral.measures.length} measure(s) in force on ${escapeHtml(mineral.name)}`].join('<br>');
          },
        },
        grid: { left: 8, right: 24, top: 90, bottom: 50, containLabel: true },
        xAxis: { type: 'category', position: 'top', data: suppliers.map((id) => names.get(id)), axisLabel: { rotate: 60, interval: 0, fontSize: 11 }, splitArea: { show: true } },
        yAxis: { type: 'category', inverse: true, data: minerals.map(label), axisLabel: { interval: 0, fontSize: 11 }, splitArea: { show: true } },
        visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 6, itemWidth: 12, itemHeight: 160,
          inRange: { color: ['#e6eefb', '#7aa6e0', '#1f5fbf', '#0b2a5b'] }, text: ['100% of world supply', '0%'], seriesIndex: 0 },
        series: [
          { id: 'shares', type: 'heatmap', data: cells, label: { show: true, fontSize: 9, formatter: (p) => (p.data.share.share >= 0.05 ? Math.round(p.data.share.share * 100) : '') },
            emphasis: { itemStyle: { borderColor: '#d49a00', borderWidth: 2 } } },
          { id: 'measures', type: 'scatter', data: marks, symbol: 'triangle', symbolSize: 9, symbolOffset: [8, -6], itemStyle: { color: '#b3261e' }, z: 5 },
        ],
      }, true);
      chart.off('click');
      chart.on('click', (p) => {
        if (p.data && p.data.mineral) openCell(p.data.mineral, p.data.share);
      });
      setCursorItems(cells.map((cell, dataIndex) => ({
        seriesIndex: 0, dataIndex, label: `${cell.mineral.name} from ${cell.share.name}: ${percent(cell.share.share)}`,
        open: () => openCell(cell.mineral, cell.share),
      })));
      const table = [['mineral', 'supplier', 'share', 'period from', 'period to', `period covers ${date}`, 'basis',
        `measures of this supplier in force on ${date}`, `all measures in force on ${date}`, 'sources']];
      cells.forEach(({ mineral, share, own }) => table.push([mineral.name, share.name, share.share, share.validFrom, share.validTo,
        share.held, share.basis, own.map((m) => m.name).join('; '), mineral.measures.map((m) => m.name).join('; '),
        share.sources.map((s) => s.url).join(' ')]));
      state.csv = () => table;
      renderTable(['Mineral', 'Largest supplier', 'Share', 'Period', `Measures in force on ${date}`], minerals.map((mineral) => {
        const top = mineral.suppliers[0];
        return {
          id: mineral.id, current: mineral.measures.length > 0,
          cells: [el('button', { type: 'button', onclick: () => openCell(mineral, top) }, mineral.name), top.name, percent(top.share),
            top.precision === 'year' ? top.validFrom.slice(0, 4) : top.validFrom, mineral.measures.map((m) => m.name).join('; ') || 'none'],
        };
      }), (state.params.get('cell') || '').split('|')[0]);
      const restricted = minerals.filter((mineral) => mineral.measures.length).length;
      setStatus(`${minerals.length} minerals, ${suppliers.length} suppliers; on ${date}: ${restricted} minerals under a measure in force, `
        + `${marks.length} cells where the supplier's own measure is in force.`);
      const [mineralId, supplierId] = (state.params.get('cell') || '').split('|');
      const selected = minerals.find((mineral) => mineral.id === mineralId);
      const share = selected && selected.suppliers.find((s) => s.supplier === supplierId);
      if (share) openCell(selected, share, true);
    },
  };

  function escapeHtml(value) {
    return String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  }

  // A cell: the share and its sources, the measures in force on the mineral, and the chokepoint-exposure answer of
  // what the mineral is used in (GET /api/exposure/{id}?asOf=), with the mineral's row marked.
  async function openCell(mineral, share, restoring) {
    const id = `${mineral.id}|${share.supplier}`;
    if (!restoring) setParam('cell', id);
    const date = asOf();
    const panel = loadingPanel(`${mineral.name} from ${share.name}`, 'cell', id);
    const period = share.precision === 'year' ? share.validFrom.slice(0, 4) : `${share.validFrom} to ${share.validTo || 'no end recorded'}`;
    const exposure = el('div', { class: 'exposure' });
    const pick = mineral.usedIn.length ? el('select', { id: 'exposure-of', 'aria-label': 'Chokepoint exposure of' },
      mineral.usedIn.map((use) => el('option', { value: use.id }, use.name))) : null;
    finishPanel(panel,
      el('h2', {}, `${mineral.name} from ${share.name}`),
      dl([['share', `${percent(share.share)} of world supply`], ['period', `${period}${share.held ? '' : ` (does not cover ${date})`}`],
        ['what it measures', share.basis]]),
      el('h3', {}, 'Share sources'), sourceList(share.sources),
      el('h3', {}, `Measures in force on ${date} restricting ${mineral.name}`),
      mineral.measures.length ? el('ul', { class: 'connections' }, mineral.measures.map((m) => el('li', {},
        el('button', { type: 'button', onclick: () => openMeasure(m.id) }, m.name),
        ` since ${m.since}`, m.states.includes(share.supplier) ? el('strong', {}, ` · issued by ${share.name}`) : null))) : el('p', {}, 'None.'),
      el('h3', {}, 'Chokepoint exposure'),
      pick ? el('p', {}, el('label', { for: 'exposure-of' }, 'Of '), pick) : el('p', {}, `Nothing in the graph is recorded as using ${mineral.name} directly, so there is no exposure answer to open.`),
      exposure);
    if (!pick) return;
    const load = async () => {
      exposure.replaceChildren(el('p', { class: 'status', 'data-state': 'loading' }, 'Loading…'));
      exposure.dataset.state = 'loading';
      try {
        const answer = await api(`api/exposure/${encodeURIComponent(pick.value)}?asOf=${date}`);
        exposure.replaceChildren(
          el('p', {}, `What ${answer.entity.name} depends on, on ${answer.asOf} (GET /api/exposure):`),
          el('table', { class: 'chokepoints' },
            el('thead', {}, el('tr', {}, el('th', {}, 'Input'), el('th', {}, 'Dominant supplier'), el('th', {}, 'Measures in force'))),
            el('tbody', {}, answer.chokepoints.map((c) => el('tr', { class: c.input === mineral.id ? 'focus' : null, dataset: { input: c.input } },
              el('td', {}, c.name),
              el('td', {}, c.dominantSupplier ? `${c.dominantSupplier.supplier} ${percent(c.dominantSupplier.share)}` : 'not sourced'),
              el('td', {}, c.measures.map((m) => m.name).join('; ') || 'none'))))));
        exposure.dataset.state = 'ready';
        exposure.dataset.entity = answer.entity.id;
      } catch (error) {
        exposure.replaceChildren(el('p', { class: 'status', 'data-state': 'error' }, error.message));
        exposure.dataset.state = 'error';
      }
    };
    pick.addEventListener('change', load);
    await load();
  }

  // ---------------------------------------------------------------- view: linkage ledger

  VIEWS.linkages = {
    title: 'Linkage ledger',
    help: 'Each quid-pro-quo tie: a bar from one side\'s measure to the other\'s (the lag), coloured by evidence '
      + 'strength; green dots are assertions, red crosses disputes, on their dates. Ties nobody had asserted by the '
      + 'date are faded, and claims made after it are marked "later". Click a tie for its quotes and sources.',
    async render(generation) {
      const date = asOf();
      const ledger = await api('api/linkages');
      if (generation !== state.generation) return;
      const known = (l) => l.assertions.some((a) => a.date <= date);
      const chart = chartFor(ledger.length * 64 + 120);
      const bars = ledger.map((l, y) => ({
        value: [y, ms(l.sides[0].date), ms(l.sides[l.sides.length - 1].date), l.strength], linkage: l,
        itemStyle: { opacity: known(l) ? 1 : 0.3 },
      }));
      const claims = (list, kind) => ledger.flatMap((l, y) => list(l).map((c) => ({ value: [ms(c.date), y], linkage: l, claim: c, kind,
        itemStyle: { opacity: c.date <= date ? 1 : 0.3 } })));
      const dates = ledger.flatMap((l) => [...l.sides.map((s) => s.date), ...l.assertions.map((a) => a.date), ...l.disputes.map((d) => d.date)]);
      chart.setOption({
        animation: false,
        tooltip: { confine: true, formatter: (p) => (p.data.claim
          ? `${escapeHtml(p.data.claim.name)} ${p.data.kind} it on ${p.data.claim.date}${p.data.claim.quote ? `: "${escapeHtml(p.data.claim.quote)}"` : ''}`
          : `<strong>${escapeHtml(p.data.linkage.name)}</strong><br>lag ${p.data.linkage.lagDays} days · strength ${p.data.linkage.strength}`) },
        grid: { left: 8, right: 40, top: 40, bottom: 50, containLabel: true },
        xAxis: { type: 'time', min: ms(addMonths(minDate(...dates), -2)), max: ms(addMonths(maxDate(...dates, date), 2)) },
        yAxis: { type: 'category', inverse: true, data: ledger.map((l) => shorten(l.name, 50)), axisLabel: { interval: 0, fontSize: 11 } },
        visualMap: { min: 0, max: 1, dimension: 3, seriesIndex: 0, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 140,
          text: ['strength 1', '0'], inRange: { color: ['#f3d9a4', '#b8860b', '#6b4e07'] } },
        series: [
          { id: 'ties', type: 'custom', encode: { x: [1, 2], y: 0 }, data: bars,
            renderItem: (params, a) => {
              const [x0, yc] = a.coord([a.value(1), a.value(0)]);
              const [x1] = a.coord([a.value(2), a.value(0)]);
              const h = a.size([0, 1])[1] * 0.3;
              const l = ledger[params.dataIndex];
              return { type: 'group', children: [
                { type: 'rect', shape: { x: x0, y: yc - h / 2, width: Math.max(x1 - x0, 4), height: h }, style: { fill: a.visual('color'), opacity: known(l) ? 1 : 0.3 } },
                { type: 'text', style: { text: `lag ${l.lagDays} days · strength ${l.strength}`, x: x1 + 8, y: yc - 6, fill: '#1d2330', font: '11px sans-serif' } },
              ] };
            } },
          { id: 'assertions', type: 'scatter', data: claims((l) => l.assertions, 'asserted'), symbol: 'circle', symbolSize: 11, symbolOffset: [0, -14], itemStyle: { color: '#2e8b57' } },
          { id: 'disputes', type: 'scatter', data: claims((l) => l.disputes, 'disputed'), symbol: 'path://M0,0L10,10M10,0L0,10', symbolSize: 11, symbolOffset: [0, 14], itemStyle: { color: '#b3261e', borderColor: '#b3261e', borderWidth: 2.5 } },
          { id: 'date', type: 'line', data: [], markLine: { symbol: 'none', silent: true, lineStyle: { color: '#1d2330' }, label: { formatter: date }, data: [{ xAxis: ms(date) }] } },
        ],
      }, true);
      chart.off('click');
      chart.on('click', (p) => {
        if (p.data && p.data.linkage) openLinkage(p.data.linkage);
      });
      setCursorItems(ledger.map((l, dataIndex) => ({ seriesIndex: 0, dataIndex, label: l.name, open: () => openLinkage(l) })));
      const claimText = (list) => list.map((c) => `${c.name} (${c.date})${c.date > date ? ' later' : ''}`).join('; ');
      const table = [['id', 'linkage', 'side 1', 'side 1 date', 'side 2', 'side 2 date', 'lag days', 'asserted by',
        'disputed by', 'strength', `asserted by ${date}`, 'sources']];
      ledger.forEach((l) => table.push([l.id, l.name, l.sides[0] && l.sides[0].name, l.sides[0] && l.sides[0].date,
        l.sides[1] && l.sides[1].name, l.sides[1] && l.sides[1].date, l.lagDays, claimText(l.assertions),
        claimText(l.disputes), l.strength, known(l), l.sources.map((s) => s.url).join(' ')]));
      state.csv = () => table;
      const claimCell = (list) => el('span', {}, list.map((c, i) => [i ? '; ' : '', el('span', { class: c.date > date ? 'later' : null },
        `${c.name} (${c.date})${c.date > date ? ', later' : ''}`)]));
      renderTable(['Tie', 'One side', 'Other side', 'Lag (days)', 'Asserted by', 'Disputed by', 'Strength'], ledger.map((l) => ({
        id: l.id, current: known(l),
        cells: [el('button', { type: 'button', onclick: () => openLinkage(l) }, l.name),
          l.sides[0] ? `${l.sides[0].name} (${l.sides[0].date})` : '', l.sides[1] ? `${l.sides[1].name} (${l.sides[1].date})` : '',
          l.lagDays === null ? '' : String(l.lagDays), claimCell(l.assertions), claimCell(l.disputes), l.strength.toFixed(3)],
      })), state.params.get('linkage'));
      setStatus(`${ledger.length} ties; ${ledger.filter(known).length} asserted by ${date}.`);
      const selected = ledger.find((l) => l.id === state.params.get('linkage'));
      if (selected && $('#dash-details').dataset.id !== selected.id) openLinkage(selected, true);
    },
  };

  function openLinkage(l, restoring) {
    if (!restoring) setParam('linkage', l.id);
    const panel = loadingPanel(l.name, 'linkage', l.id);
    const claim = (c, verb) => el('li', {}, el('strong', {}, c.name), ` ${verb} it on ${c.date} (confidence ${c.confidence})`,
      c.quote ? el('blockquote', {}, c.quote) : null, sourceList(c.sources));
    finishPanel(panel,
      el('h2', {}, l.name),
      el('p', {}, kindBadge('Linkage')),
      l.description ? el('p', {}, l.description) : null,
      el('h3', {}, 'Sides'),
      el('ul', { class: 'connections' }, l.sides.map((s) => el('li', {},
        el('button', { type: 'button', onclick: () => openMeasure(s.id) }, s.name), ` ${s.subtype}, ${s.date}`))),
      dl([['lag', l.lagDays === null ? null : `${l.lagDays} days`],
        ['strength', `${l.strength} (1 − ∏(1 − assertion confidence), then × (1 − confidence / 2) per dispute)`]]),
      el('h3', {}, 'Asserted by'), l.assertions.length ? el('ul', { class: 'sources' }, l.assertions.map((c) => claim(c, 'asserted'))) : el('p', {}, 'No one on record.'),
      el('h3', {}, 'Disputed by'), l.disputes.length ? el('ul', { class: 'sources' }, l.disputes.map((c) => claim(c, 'disputed'))) : el('p', {}, 'No one on record.'),
      el('h3', {}, 'Sources'), sourceList(l.sources),
      el('p', { class: 'subtype' }, el('code', {}, l.id)));
  }

  // ---------------------------------------------------------------- view: what changed

  function changesWindow() {
    const to = isDate(state.params.get('to')) ? state.params.get('to') : minDate(today(), state.span.last);
    const from = isDate(state.params.get('from')) ? state.params.get('from') : addMonths(to, -12);
    return { from: minDate(from, to), to };
  }

  const CHANGE_LABELS = {
    'measure-announced': 'measure announced', 'measure-effective': 'measure took effect', 'measure-rescinded': 'measure rescinded',
    'measure-suspended': 'measure suspended', 'measure-reversed': 'measure reversed', 'licence-granted': 'licence granted',
    'linkage-made': 'linkage made', 'relationship-started': 'relationship started', 'relationship-ended': 'relationship ended',
  };

  VIEWS.changes = {
    title: 'What changed',
    help: 'Every change after From and up to To (GET /api/diff): measures announced, taking effect, rescinded, '
      + 'suspended or reversed, licences granted, linkages made, and relationships that began or ended. The chart '
      + 'counts them by month and kind; click a bar for that month\'s changes, or a row for its details and sources. '
      + 'Below, what the dataset recorded since a date.',
    async render(generation) {
      // The recorded list loads beside the diff and keeps its own status.
      renderRecorded();
      const { from, to } = changesWindow();
      const diff = await api(`api/diff?from=${from}&to=${to}`);
      if (generation !== state.generation) return;
      const months = [];
      for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addMonths(month, 1)) months.push(month.slice(0, 7));
      const kinds = Object.keys(CHANGE_LABELS).filter((kind) => diff.changes.some((c) => c.change === kind));
      const chart = chartFor(380);
      chart.setOption({
        animation: false,
        legend: { top: 4, data: kinds.map((k) => CHANGE_LABELS[k]) },
        tooltip: { trigger: 'item', confine: true },
        grid: { left: 8, right: 24, top: 70, bottom: 30, containLabel: true },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: kinds.map((kind) => ({
          id: kind, name: CHANGE_LABELS[kind], type: 'bar', stack: 'all',
          data: months.map((month) => diff.changes.filter((c) => c.change === kind && c.date.startsWith(month)).length),
        })),
      }, true);
      chart.off('click');
      chart.on('click', (p) => openMonth(diff, kinds[p.seriesIndex], months[p.dataIndex]));
      setCursorItems(kinds.flatMap((kind, seriesIndex) => months.map((month, dataIndex) => ({ seriesIndex, dataIndex, month, kind })))
        .filter((item) => diff.changes.some((c) => c.change === item.kind && c.date.startsWith(item.month)))
        .sort((a, b) => a.month.localeCompare(b.month) || a.seriesIndex - b.seriesIndex)
        .map((item) => ({ ...item, label: `${item.month}: ${CHANGE_LABELS[item.kind]}`, open: () => openMonth(diff, item.kind, item.month) })));
      const table = [['date', 'change', 'subject', 'description', 'sources']];
      diff.changes.forEach((c) => table.push([c.date, c.change, c.subject, c.description, c.sources.map((s) => s.url).join(' ')]));
      state.csv = () => table;
      renderTable(['Date', 'Change', 'What'], diff.changes.map((c, i) => ({
        id: `${c.date}|${c.change}|${c.subject}`, current: true,
        cells: [c.date, CHANGE_LABELS[c.change] || c.change, el('button', { type: 'button', onclick: () => openChange(c) }, c.description)],
        index: i,
      })), state.params.get('change'));
      setStatus(`${diff.changes.length} changes after ${from} up to ${to}.`);
      const selected = diff.changes.find((c) => `${c.date}|${c.change}|${c.subject}` === state.params.get('change'));
      if (selected && $('#dash-details').dataset.id !== selected.subject) openChange(selected, true);
    },
  };

  function openMonth(diff, kind, month) {
    const changes = diff.changes.filter((c) => c.change === kind && c.date.startsWith(month));
    const panel = loadingPanel(`${month}: ${CHANGE_LABELS[kind]}`, 'month', `${month}|${kind}`);
    finishPanel(panel, el('h2', {}, `${month}: ${CHANGE_LABELS[kind]} (${changes.length})`),
      el('ul', { class: 'connections' }, changes.map((c) => el('li', {}, `${c.date} `,
        el('button', { type: 'button', onclick: () => openChange(c) }, c.description)))));
  }

  function openChange(change, restoring) {
    if (!restoring) setParam('change', `${change.date}|${change.change}|${change.subject}`);
    if (!change.subject.includes('|')) {
      openMeasure(change.subject);
      return;
    }
    const panel = loadingPanel(change.description, 'change', change.subject);
    const [from, type, to] = change.subject.split('|');
    finishPanel(panel, el('h2', {}, change.description),
      dl([['when', change.date], ['change', CHANGE_LABELS[change.change] || change.change], ['type', type]]),
      el('ul', { class: 'connections' }, [from, to].map((id) => el('li', {},
        el('a', { href: `?from=${encodeURIComponent(id)}#paths` }, `${id} in Connections`)))),
      el('h3', {}, 'Sources'), sourceList(change.sources),
      el('p', { class: 'subtype' }, el('code', {}, change.subject)));
  }

  // ---------------------------------------------------------------- what changed: recorded since a date

  // The graph's recorded history (GET /api/changes): what imports added, corrected or retracted since a date, newest
  // first, a page at a time. The diff above is what changed in the world; this is what changed in the dataset.
  const RECORDED_PAGE = 50;
  const recorded = { since: null, changes: [], more: false, generation: 0 };

  function recordedSince() {
    const value = state.params.get('recordedSince');
    return isDate(value) ? value : null;
  }

  function setRecordedStatus(text, kind = 'ready') {
    const status = $('#recorded-status');
    status.textContent = text;
    status.dataset.state = kind;
  }

  async function renderRecorded() {
    const since = recordedSince();
    $('#recorded-since').value = since || '';
    const generation = ++recorded.generation;
    Object.assign(recorded, { since, changes: [], more: false });
    $('#recorded-list').replaceChildren();
    $('#recorded-more').hidden = true;
    await loadRecorded(generation);
  }

  async function loadRecorded(generation) {
    setRecordedStatus('Loading…', 'loading');
    const query = new URLSearchParams({ limit: String(RECORDED_PAGE), offset: String(recorded.changes.length) });
    if (recorded.since) query.set('since', recorded.since);
    let page;
    try {
      page = await api(`api/changes?${query}`);
    } catch (error) {
      if (generation === recorded.generation) setRecordedStatus(error.message, 'error');
      return 0;
    }
    if (generation !== recorded.generation) return 0;
    const first = recorded.changes.length;
    recorded.changes.push(...page.changes);
    recorded.more = page.more;
    drawRecorded();
    return recorded.changes.length - first;
  }

  // Keeps focus where the keyboard was: on the first change the More button brought in.
  async function moreRecorded() {
    const first = recorded.changes.length;
    const added = await loadRecorded(recorded.generation);
    if (added > 0) {
      const row = $(`#recorded-list tr[data-index="${first}"]`);
      if (row) row.focus();
    }
  }

  const ELEMENT_KEYS = new Set(['id', 'from', 'type', 'to']);

  function shown(value) {
    if (value === null || value === undefined) return '—';
    if (Array.isArray(value)) return value.map(shown).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  // The properties that differ before and after; an element's own id (or ends and type) only when they differ.
  function propertyChanges(change) {
    const before = change.before || {};
    const after = change.after || {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.filter((key) => shown(before[key]) !== shown(after[key]))
      .filter((key) => !(ELEMENT_KEYS.has(key) && change.what !== 'corrected'))
      .map((key) => ({ key, before: shown(before[key]), after: shown(after[key]) }));
  }

  const instantText = (at) => String(at).replace('T', ' ').replace(/\.\d+/, '').replace(/Z$/, ' UTC');

  function elementCell(change) {
    const open = (id) => el('button', { type: 'button', onclick: () => openMeasure(id) }, id);
    if (change.of === 'entity') return open(change.element);
    if (change.of === 'relationship') {
      const props = change.after || change.before || {};
      return el('span', {}, open(props.from), ` ${props.type} `, open(props.to));
    }
    const url = (change.after || change.before || {}).url;
    return el('span', {}, el('code', {}, change.element),
      typeof url === 'string' && /^https?:\/\//i.test(url) ? [' ', el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'open')] : null);
  }

  function drawRecorded() {
    const groups = [];
    recorded.changes.forEach((change, index) => {
      const last = groups[groups.length - 1];
      if (last && last.id === change.changeId) last.items.push({ change, index });
      else groups.push({ id: change.changeId, head: change, items: [{ change, index }] });
    });
    $('#recorded-list').replaceChildren(...groups.map((group, g) => {
      const counts = ['added', 'corrected', 'retracted'].map((what) => [what, group.items.filter((i) => i.change.what === what).length])
        .filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ');
      const partial = recorded.more && g === groups.length - 1;
      return el('li', { dataset: { change: group.id } },
        el('h3', {}, `${instantText(group.head.at)} · by ${group.head.by}`, el('span', { class: 'subtype' }, ` (${group.id})`)),
        el('p', { class: 'why' }, group.head.reason ? `Why: ${group.head.reason}` : 'No reason given (only additions need one).'),
        el('p', { class: 'counts' }, `${counts}${partial ? ' so far (More lists the rest)' : ''}`),
        el('table', {},
          el('thead', {}, el('tr', {}, ['What', 'Element', 'Before → after'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, group.items.map(({ change, index }) => el('tr', {
            tabindex: '-1', dataset: { element: change.element, what: change.what, index: String(index) },
          }, el('td', {}, `${change.what} ${change.of}`), el('td', {}, elementCell(change)),
          el('td', {}, el('ul', { class: 'props' }, propertyChanges(change).map((p) => el('li', { dataset: { property: p.key } },
            `${p.key}: `, el('del', {}, p.before), ' → ', el('ins', {}, p.after))))))))));
    }));
    $('#recorded-more').hidden = !recorded.more;
    const since = recorded.since ? `since ${recorded.since}` : 'yet';
    if (recorded.changes.length === 0) {
      setRecordedStatus(`Nothing recorded ${since}. The first start records the data it loads as one change by `
        + 'first-start; imports and corrections (POST /api/import) appear here with who made them and why.');
    } else {
      setRecordedStatus(`${recorded.changes.length} element changes in ${groups.length} recorded changes `
        + `${recorded.since ? `since ${recorded.since}` : 'in all'}, newest first${recorded.more ? '; More lists older ones' : ''}.`);
    }
  }

  function downloadRecordedCsv() {
    const table = [['change', 'recorded at', 'by', 'reason', 'what', 'of', 'element', 'before → after', 'sources']];
    recorded.changes.forEach((c) => table.push([c.changeId, c.at, c.by, c.reason, c.what, c.of, c.element,
      propertyChanges(c).map((p) => `${p.key}: ${p.before} → ${p.after}`).join('; '),
      (c.sources || []).map((s) => s.url).join(' ')]));
    saveCsv(table, `lodestone-recorded-since-${recorded.since || 'the-beginning'}.csv`);
  }

  // ---------------------------------------------------------------- the table under the chart

  function renderTable(headings, rows, selectedId) {
    const box = $('#dash-table');
    box.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map((row) => el('tr', {
        dataset: { id: row.id, current: String(row.current) }, 'aria-selected': row.id === selectedId ? 'true' : null,
      }, row.cells.map((cell) => el('td', {}, cell)))))));
  }

  // ---------------------------------------------------------------- downloads

  function downloadPng() {
    if (!state.chart) return;
    const url = state.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    saveFile(`lodestone-${state.view}-${fileDate()}.png`, url);
  }

  function downloadCsv() {
    if (!state.csv) return;
    saveCsv(state.csv(), `lodestone-${state.view}-${fileDate()}.csv`);
  }

  function saveCsv(rows, name) {
    const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
    const url = URL.createObjectURL(new Blob([`${text}\r\n`], { type: 'text/csv;charset=utf-8' }));
    saveFile(name, url);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function fileDate() {
    if (state.view === 'changes') {
      const { from, to } = changesWindow();
      return `${from}-to-${to}`;
    }
    return asOf();
  }

  // ---------------------------------------------------------------- wiring

  function wire() {
    window.addEventListener('hashchange', render);
    $('#chart').addEventListener('keydown', chartKeys);
    $('#dash-date').addEventListener('change', () => {
      stopPlay();
      setDate($('#dash-date').value);
    });
    const range = $('#dash-range');
    const dateAt = () => iso(ms(state.span.first) + Number(range.value) * DAY);
    range.addEventListener('input', () => {
      $('#dash-date').value = dateAt();
      range.setAttribute('aria-valuetext', dateAt());
    });
    range.addEventListener('change', () => {
      stopPlay();
      setDate(dateAt());
    });
    $('#dash-from').addEventListener('change', () => {
      if (!isDate($('#dash-from').value)) return;
      setParam('from', $('#dash-from').value);
      render();
    });
    $('#dash-play').addEventListener('click', togglePlay);
    $('#dash-subject').addEventListener('change', () => {
      setParam('subject', $('#dash-subject').value);
      render();
    });
    $('#recorded-since').addEventListener('change', () => {
      const value = $('#recorded-since').value;
      if (value && !isDate(value)) return;
      setParam('recordedSince', value);
      renderRecorded();
    });
    $('#recorded-more').addEventListener('click', moreRecorded);
    $('#recorded-csv').addEventListener('click', downloadRecordedCsv);
    $('#dash-png').addEventListener('click', downloadPng);
    $('#dash-csv').addEventListener('click', downloadCsv);
    window.addEventListener('resize', () => {
      if (state.chart) state.chart.resize();
    });
  }

  wire();
  render().then(() => {
    document.body.dataset.viewsReady = 'true';
  });
})();
