// Lodestone explorer: pick two entities, see the paths between them, read every node and hop with its sources.
// Plain browser JavaScript on top of Cytoscape.js (served from its WebJar) and the REST API under api/.
'use strict';

(() => {
  const KINDS = ['Actor', 'Product', 'Mineral', 'Policy', 'Linkage'];
  const SHAPES = { Actor: 'ellipse', Product: 'round-rectangle', Mineral: 'diamond', Policy: 'hexagon', Linkage: 'star' };

  // The export contract of GET /api/export; the menu links to it with the current view's scope and parameters.
  const EXPORT_FORMATS = [
    { format: 'graphml', label: 'GraphML', hint: 'yEd, Gephi' },
    { format: 'gexf', label: 'GEXF 1.3', hint: 'Gephi, with a timeline' },
    { format: 'dot', label: 'DOT', hint: 'Graphviz' },
    { format: 'cytoscape', label: 'Cytoscape.js JSON', hint: 'Cytoscape' },
    { format: 'csv', label: 'CSV', hint: 'neo4j-admin import' },
    { format: 'cypher', label: 'Cypher script', hint: 'any Neo4j 5' },
    { format: 'json', label: 'JSON graph', hint: 'Lodestone import' },
    { format: 'ftm', label: 'FollowTheMoney', hint: 'OpenSanctions, Aleph' },
    { format: 'svg', label: 'SVG picture', hint: 'paths and neighbourhoods' },
  ];

  const EXPAND_DEPTH = 1;
  const PICKER_LIMIT = 8;

  const $ = (selector) => document.querySelector(selector);

  const state = {
    from: null, // EntitySummary picked as From
    to: null, // EntitySummary picked as To
    asOf: null, // 'YYYY-MM-DD' or null
    knownAt: null, // an instant from the address bar (?knownAt=): warn when a hop changed since then
    view: 'empty', // 'empty' | 'paths' | 'neighborhood'
    center: null, // the entity of a neighbourhood view
    paths: [],
    expanded: [], // ids whose neighbours were added, in order
    selected: null, // the selected cytoscape element's id
    info: null, // GET /api/info
    generation: 0, // bumps on every new query, so late answers to old ones are dropped
  };

  // ---------------------------------------------------------------- small helpers

  const { ApiError, api, el, kindBadge } = window.LodestoneUi;

  function debounce(fn, ms) {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  function setStatus(text, kind = 'ready') {
    const status = $('#status');
    status.textContent = text;
    status.dataset.state = kind;
  }

  const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const kindColour = (kind) => cssVar(`--kind-${(kind || 'other').toLowerCase()}`) || cssVar('--kind-other');

  function formatDates(link) {
    if (!link.validFrom) return '';
    return link.validTo ? `${link.validFrom} to ${link.validTo}` : `since ${link.validFrom}`;
  }

  // ---------------------------------------------------------------- dates for the slider

  const DAY = 24 * 60 * 60 * 1000;
  const toDay = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
  const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);

  const timeline = { first: toDay('2021-01-01'), last: toDay(new Date().toISOString().slice(0, 10)) };

  async function loadDateRange() {
    // The span of the data, from the read-only Cypher endpoint; the slider keeps its defaults when that fails.
    try {
      const result = await api('api/cypher', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          query: 'MATCH ()-[r]->() WHERE r.validFrom IS NOT NULL '
            + 'RETURN min(r.validFrom) AS first, max(coalesce(r.validTo, r.validFrom)) AS last',
        }),
      });
      const [first, last] = result.rows[0] || [];
      if (first) timeline.first = toDay(String(first));
      if (last) timeline.last = Math.max(toDay(String(last)), timeline.last);
    } catch (ignored) {
      // defaults stay
    }
    const range = $('#asof-range');
    range.min = '0';
    range.max = String(timeline.last - timeline.first);
    const date = $('#asof-date');
    date.min = toIso(timeline.first);
    date.max = toIso(timeline.last);
    showDate(state.asOf || toIso(timeline.last));
  }

  function showDate(iso) {
    const day = Math.min(Math.max(toDay(iso), timeline.first), timeline.last);
    $('#asof-range').value = String(day - timeline.first);
    $('#asof-range').setAttribute('aria-valuetext', toIso(day));
    $('#asof-date').value = toIso(day);
  }

  function setupTime() {
    const enabled = $('#asof-enabled');
    const range = $('#asof-range');
    const date = $('#asof-date');
    const apply = debounce(() => refresh(), 250);
    const sync = () => {
      range.disabled = !enabled.checked;
      date.disabled = !enabled.checked;
      state.asOf = enabled.checked ? date.value : null;
    };
    enabled.addEventListener('change', () => {
      sync();
      apply();
    });
    range.addEventListener('input', () => {
      const iso = toIso(timeline.first + Number(range.value));
      date.value = iso;
      range.setAttribute('aria-valuetext', iso);
    });
    range.addEventListener('change', () => {
      sync();
      apply();
    });
    date.addEventListener('change', () => {
      if (!date.value) return;
      showDate(date.value);
      sync();
      apply();
    });
    enabled.checked = Boolean(state.asOf);
    sync();
  }

  // ---------------------------------------------------------------- the graph

  const cy = cytoscape({
    container: $('#cy'),
    minZoom: 0.15,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    style: [
      {
        selector: 'node',
        style: {
          'background-color': (node) => kindColour(node.data('kind')),
          shape: (node) => SHAPES[node.data('kind')] || 'ellipse',
          width: 34,
          height: 34,
          label: 'data(label)',
          'font-size': 12,
          color: '#1d2330',
          'text-valign': 'bottom',
          'text-margin-y': 5,
          'text-wrap': 'wrap',
          'text-max-width': 150,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': 2,
          'border-width': 2,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node.endpoint', style: { width: 46, height: 46, 'border-width': 4, 'border-color': '#1d2330', 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#1d2330' } },
      {
        selector: 'edge',
        style: {
          width: (edge) => 1 + 3 * (edge.data('confidence') || 0.5),
          'line-color': '#9aa3b2',
          'target-arrow-color': '#9aa3b2',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-size': 10,
          color: '#475063',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.9,
          'text-background-padding': 2,
        },
      },
      {
        // Edges between two nodes of one column would run straight through the nodes between them.
        selector: 'edge.arc',
        style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': 80, 'control-point-weights': 0.5 },
      },
      { selector: 'edge.on-path', style: { 'line-color': '#5b6474', 'target-arrow-color': '#5b6474' } },
      { selector: '.faded', style: { opacity: 0.18 } },
      { selector: 'edge.highlighted', style: { 'line-color': '#d49a00', 'target-arrow-color': '#d49a00', width: 5, 'z-index': 10 } },
      { selector: 'node.highlighted', style: { 'border-color': '#d49a00', 'border-width': 5 } },
      { selector: ':selected', style: { 'overlay-color': '#1f5fbf', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
      { selector: 'edge:selected', style: { 'line-color': '#1f5fbf', 'target-arrow-color': '#1f5fbf', width: 6, color: '#1f5fbf' } },
      { selector: 'node:selected', style: { 'border-color': '#1f5fbf', 'border-width': 5 } },
    ],
  });
  window.cy = cy; // for people poking at the page, and for the browser test

  function addEntity(entity, classes = []) {
    let node = cy.getElementById(entity.id);
    if (node.empty()) {
      node = cy.add({
        group: 'nodes',
        data: { id: entity.id, label: entity.name, name: entity.name, kind: entity.kind, subtype: entity.subtype },
      });
    }
    classes.forEach((c) => node.addClass(c));
    return node;
  }

  function addLink(link, classes = []) {
    addEntity(link.from);
    addEntity(link.to);
    let edge = cy.getElementById(link.id);
    if (edge.empty()) {
      edge = cy.add({
        group: 'edges',
        data: {
          id: link.id, source: link.from.id, target: link.to.id, label: link.type, type: link.type,
          confidence: link.confidence, link,
        },
      });
    }
    classes.forEach((c) => edge.addClass(c));
    return edge;
  }

  // The column of each path node: its furthest position along any path, with From first and To last.
  function pathColumns() {
    const columns = new Map();
    let last = 0;
    state.paths.forEach((path) => path.nodes.forEach((node, i) => {
      columns.set(node.id, Math.max(columns.get(node.id) || 0, i));
      last = Math.max(last, i);
    }));
    columns.set(state.from.id, 0);
    columns.set(state.to.id, last);
    const byColumn = [];
    for (const [id, column] of columns) (byColumn[column] = byColumn[column] || []).push(id);
    const rows = Math.max(...byColumn.map((ids) => (ids ? ids.length : 0)), 1);
    const cells = new Map();
    byColumn.forEach((ids, column) => (ids || []).forEach((id, i) => {
      cells.set(id, { col: column, row: Math.floor((rows - ids.length) / 2) + i });
    }));
    return { cells, rows, cols: last + 1 };
  }

  // Lays the neighbours each Expand added on an arc around the node expanded, facing away from the rest of the graph,
  // with Cytoscape's concentric layout; what was already placed stays where it is.
  function layOutExpansions(placed) {
    let done = placed;
    for (const id of state.expanded) {
      const anchor = cy.getElementById(id);
      if (anchor.empty() || !done.contains(anchor)) continue;
      const ring = anchor.neighborhood().nodes().not(done);
      if (ring.empty()) continue;
      const centre = anchor.position();
      const middle = done.boundingBox();
      const dx = centre.x - (middle.x1 + middle.w / 2);
      const dy = centre.y - (middle.y1 + middle.h / 2);
      const away = Math.hypot(dx, dy) < 1 ? -Math.PI / 2 : Math.atan2(dy, dx);
      const sweep = ring.length > 12 ? 1.3 * Math.PI : Math.PI;
      ring.union(anchor).layout({
        name: 'concentric',
        concentric: (node) => (node.same(anchor) ? 2 : 1),
        levelWidth: () => 1,
        startAngle: away - sweep / 2,
        sweep,
        clockwise: true,
        minNodeSpacing: 50,
        nodeDimensionsIncludeLabels: true,
        boundingBox: { x1: centre.x - 1, y1: centre.y - 1, w: 2, h: 2 },
        animate: false,
        fit: false,
      }).run();
      done = done.union(ring);
    }
  }

  function runLayout() {
    cy.resize(); // the container may have changed size since Cytoscape last measured it
    cy.edges().removeClass('arc');
    if (cy.elements().empty()) return;
    let skeleton;
    if (state.view === 'paths' && state.paths.length > 0) {
      // Paths read left to right: each node sits in the column of its furthest position along any path, the
      // target in the last, and Cytoscape's grid layout places the columns.
      const { cells, rows, cols } = pathColumns();
      skeleton = cy.nodes().filter((node) => cells.has(node.id()));
      skeleton.layout({
        name: 'grid', rows, cols, avoidOverlap: true, avoidOverlapPadding: 30, nodeDimensionsIncludeLabels: true,
        condense: false, position: (node) => cells.get(node.id()), animate: false, fit: false,
      }).run();
      skeleton.edgesWith(skeleton).filter((edge) => edge.source().position('x') === edge.target().position('x'))
        .addClass('arc');
    } else if (state.view === 'paths') {
      skeleton = cy.nodes();
      skeleton.layout({ name: 'grid', rows: 1, cols: 2, animate: false, fit: false }).run();
    } else {
      // A neighbourhood: its centre in the middle, the neighbours around it.
      const centre = state.center.id;
      skeleton = cy.getElementById(centre).closedNeighborhood().nodes();
      skeleton.layout({
        name: 'concentric', concentric: (node) => (node.id() === centre ? 2 : 1), levelWidth: () => 1,
        minNodeSpacing: 40, nodeDimensionsIncludeLabels: true, animate: false, fit: false,
      }).run();
    }
    layOutExpansions(skeleton);
    cy.fit(undefined, 40);
  }

  function clearHighlight() {
    cy.elements().removeClass('faded highlighted');
    document.querySelectorAll('#path-list > li').forEach((li) => li.removeAttribute('aria-current'));
  }

  function highlightPath(index) {
    const path = state.paths[index];
    if (!path) return;
    clearHighlight();
    let elements = cy.collection();
    path.nodes.forEach((n) => { elements = elements.union(cy.getElementById(n.id)); });
    path.hops.forEach((h) => { elements = elements.union(cy.getElementById(h.id)); });
    cy.elements().not(elements).addClass('faded');
    elements.addClass('highlighted');
    const item = document.querySelectorAll('#path-list > li')[index];
    if (item) item.setAttribute('aria-current', 'true');
  }

  function select(id) {
    const element = cy.getElementById(id);
    if (element.empty()) return;
    cy.elements().unselect();
    element.select();
    showDetails(element);
  }

  cy.on('tap', 'node, edge', (event) => {
    showDetails(event.target);
  });
  cy.on('tap', (event) => {
    if (event.target === cy) {
      clearHighlight();
      showPlaceholder();
    }
  });
  cy.on('dbltap', 'node', (event) => {
    expand(event.target.id());
  });

  // ---------------------------------------------------------------- queries

  async function refresh() {
    const generation = ++state.generation;
    updateUrl();
    try {
      let message;
      if (state.from && state.to) {
        message = await loadPaths(generation);
      } else if (state.from) {
        message = await loadNeighborhood(generation, state.from.id);
      } else {
        cy.elements().remove();
        state.view = 'empty';
        state.paths = [];
        renderPaths();
        setStatus('Pick two entities to see what connects them.', 'idle');
        return;
      }
      if (generation !== state.generation) return;
      for (const id of state.expanded) {
        await addNeighbours(generation, id);
        if (generation !== state.generation) return;
      }
      runLayout();
      restoreSelection();
      setStatus(message, 'ready');
    } catch (error) {
      if (generation !== state.generation) return;
      setStatus(error.message, 'error');
    } finally {
      updateLinks();
    }
  }

  async function loadPaths(generation) {
    setStatus(`Looking for what connects ${state.from.name} to ${state.to.name}…`, 'loading');
    const params = new URLSearchParams({ from: state.from.id, to: state.to.id });
    if (state.asOf) params.set('asOf', state.asOf);
    if (state.knownAt) params.set('knownAt', state.knownAt);
    const result = await api(`api/paths?${params}`);
    if (generation !== state.generation) return;
    // With knownAt the answer comes with each hop as the graph recorded it then.
    const answer = state.knownAt ? result.answer : result;
    showHistoryBanner(state.knownAt ? result : null);
    cy.elements().remove();
    state.view = 'paths';
    state.center = null;
    state.paths = answer.paths;
    addEntity(answer.from, ['endpoint']);
    addEntity(answer.to, ['endpoint']);
    answer.paths.forEach((path) => {
      path.nodes.forEach((node) => addEntity(node));
      path.hops.forEach((hop) => addLink(hop, ['on-path']));
    });
    renderPaths();
    const when = state.asOf ? ` on ${state.asOf}` : '';
    if (answer.paths.length === 0) return answer.reason || `Nothing connects them${when}.`;
    const n = answer.paths.length;
    return `${n} path${n === 1 ? '' : 's'} from ${answer.from.name} to ${answer.to.name}${when}, best first.`;
  }

  // A cited path may have changed since the analyst read it: the answer is the graph's at knownAt, and the banner
  // names the hops corrected or retracted since.
  function showHistoryBanner(known) {
    const banner = $('#history-banner');
    if (!known || !known.changedSince) {
      banner.hidden = true;
      banner.replaceChildren();
      return;
    }
    const changed = new Map();
    known.paths.forEach((path) => path.hops.filter((hop) => hop.status !== 'unchanged')
      .forEach((hop) => changed.set(hop.id, hop.status)));
    banner.replaceChildren(`Changed since ${known.knownAt}: `,
      ...[...changed].flatMap(([id, status], i) => [i ? ', ' : '', el('code', {}, id), ` (${status})`]),
      '. Open a hop\'s History for what the graph said then.');
    banner.hidden = false;
  }

  async function loadNeighborhood(generation, id) {
    showHistoryBanner(null);
    setStatus('Loading the neighbourhood…', 'loading');
    const neighborhood = await fetchNeighbours(id);
    if (generation !== state.generation) return;
    cy.elements().remove();
    state.view = 'neighborhood';
    state.center = neighborhood.center;
    state.paths = [];
    addEntity(neighborhood.center, ['endpoint']);
    neighborhood.nodes.forEach((node) => addEntity(node));
    neighborhood.links.forEach((link) => addLink(link));
    renderPaths();
    const when = state.asOf ? ` on ${state.asOf}` : '';
    return `${neighborhood.nodes.length - 1} neighbours of ${neighborhood.center.name}${when}. Pick To as well to see paths.`;
  }

  function fetchNeighbours(id) {
    const params = new URLSearchParams({ depth: String(EXPAND_DEPTH) });
    if (state.asOf) params.set('asOf', state.asOf);
    // Expanding a path read at knownAt shows the neighbours the graph knew then.
    if (state.knownAt) params.set('knownAt', state.knownAt);
    return api(`api/entities/${encodeURIComponent(id)}/neighbors?${params}`);
  }

  async function addNeighbours(generation, id) {
    const neighborhood = await fetchNeighbours(id);
    if (generation !== state.generation) return 0;
    const before = cy.nodes().length;
    neighborhood.nodes.forEach((node) => addEntity(node));
    neighborhood.links.forEach((link) => addLink(link));
    addEntity(neighborhood.center, ['expanded']);
    return cy.nodes().length - before;
  }

  async function expand(id) {
    if (!id) return;
    const generation = state.generation;
    if (!state.expanded.includes(id)) state.expanded.push(id);
    setStatus('Adding neighbours…', 'loading');
    try {
      const added = await addNeighbours(generation, id);
      if (generation !== state.generation) return;
      runLayout();
      const name = cy.getElementById(id).data('name') || id;
      setStatus(added === 0 ? `${name} has no other neighbours${state.asOf ? ` on ${state.asOf}` : ''}.`
        : `Added ${added} neighbour${added === 1 ? '' : 's'} of ${name}.`, 'ready');
      updateUrl();
      updateLinks();
      restoreSelection();
    } catch (error) {
      setStatus(error.message, 'error');
    }
  }

  function restoreSelection() {
    if (!state.selected) return;
    const element = cy.getElementById(state.selected);
    if (element.nonempty()) {
      element.select();
    }
  }

  // ---------------------------------------------------------------- the path list

  function renderPaths() {
    const list = $('#path-list');
    list.replaceChildren();
    state.paths.forEach((path, index) => {
      const chain = el('ol', { class: 'chain', 'aria-label': `Path ${index + 1}, step by step` });
      path.nodes.forEach((node, i) => {
        chain.append(el('li', {}, el('button', {
          type: 'button', class: 'node-chip', dataset: { kind: node.kind, id: node.id },
          onclick: () => select(node.id),
        }, node.name)));
        const hop = path.hops[i];
        if (hop) {
          const forward = hop.from.id === node.id;
          chain.append(el('li', {}, el('button', {
            type: 'button', class: 'hop', dataset: { id: hop.id },
            'aria-label': `${hop.from.name} ${hop.type} ${hop.to.name}, ${formatDates(hop)}`,
            onclick: () => select(hop.id),
          }, forward ? `${hop.type} →` : `← ${hop.type}`)));
        }
      });
      const head = el('button', {
        type: 'button', class: 'path-head', onclick: () => highlightPath(index),
        title: 'Highlight this path in the graph',
      },
      el('strong', {}, `${path.length} hop${path.length === 1 ? '' : 's'}`), ' ',
      el('span', { class: 'meta' }, `weakest link ${path.minConfidence.toFixed(2)} · newest evidence ${path.latestEvidence}`));
      list.append(el('li', { dataset: { index: String(index) } }, head, chain,
        el('details', {}, el('summary', {}, 'Summary'), el('p', {}, path.summary))));
    });
    $('#paths-title').textContent = state.paths.length ? `Paths (${state.paths.length})` : 'Paths';
  }

  // ---------------------------------------------------------------- details panel

  function showPlaceholder() {
    state.selected = null;
    $('#expand').disabled = true;
    $('#details').replaceChildren(el('div', { class: 'placeholder' },
      el('h2', {}, 'Details'),
      el('p', {}, 'Click a node or a relationship, in the graph or in the path list, to read it here with its sources.'),
      el('p', {}, 'Double-click a node to add its neighbours.')));
    updateLinks();
  }

  function sourceList(sources) {
    if (!sources || sources.length === 0) return el('p', {}, 'No sources recorded.');
    return el('ul', { class: 'sources' }, sources.map((source) => el('li', { dataset: { id: source.id } },
      el('div', {}, el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title)),
      el('div', {}, el('span', { class: 'publisher' }, source.publisher), ' ',
        el('span', { class: 'date' }, source.date)))));
  }

  function connectionsInView(node) {
    const edges = node.connectedEdges();
    if (edges.empty()) return null;
    return el('ul', { class: 'connections' }, edges.map((edge) => {
      const link = edge.data('link');
      const outgoing = link.from.id === node.id();
      const other = outgoing ? link.to : link.from;
      return el('li', {}, el('button', { type: 'button', onclick: () => select(edge.id()) },
        outgoing ? `${link.type} → ${other.name}` : `${other.name} → ${link.type}`));
    }));
  }

  // The recorded versions of an entity or a relationship, read when the section is first opened: when the graph began
  // and stopped saying each one, whether it was corrected or retracted, by whom and why.
  function historySection(entityId, element) {
    const body = el('div', { class: 'history' }, el('p', { class: 'status', 'data-state': 'loading' }, 'Loading…'));
    const section = el('details', { class: 'history-tab' }, el('summary', {}, 'History'), body);
    let loaded = false;
    section.addEventListener('toggle', async () => {
      if (!section.open || loaded) return;
      loaded = true;
      try {
        const history = await api(`api/entities/${encodeURIComponent(entityId)}/history`);
        const versions = history.versions.filter((version) => version.element === element);
        body.replaceChildren(versions.length === 0 ? el('p', {}, 'No recorded versions.')
          : el('ol', { class: 'versions' }, versions.map(versionItem)));
      } catch (error) {
        body.replaceChildren(el('p', { class: 'status', 'data-state': 'error' }, error.message));
      }
    });
    return section;
  }

  function versionItem(version) {
    const props = version.properties;
    const said = version.of === 'relationship'
      ? `held ${props.validFrom}${props.validTo ? ' to ' + props.validTo : ''}, confidence ${props.confidence}`
      : props.name;
    const recorded = version.recordedAt
      ? `recorded ${version.recordedAt} (${version.recordedAs}${version.recorded ? ' by ' + version.recorded.by : ''})`
      : 'recorded before history was kept';
    const ended = version.supersededAt
      ? `${version.endedBy} ${version.supersededAt}${version.superseded ? ' by ' + version.superseded.by : ''}`
        + (version.superseded && version.superseded.reason ? `: ${version.superseded.reason}` : '')
      : 'current';
    return el('li', { dataset: { current: String(version.current) } },
      el('div', {}, said), el('div', { class: 'recorded' }, recorded), el('div', { class: 'ended' }, ended));
  }

  async function showDetails(element) {
    state.selected = element.id();
    const panel = $('#details');
    $('#expand').disabled = !element.isNode();
    updateLinks();
    if (element.isEdge()) {
      renderLink(panel, element.data('link'));
      return;
    }
    const summary = element.data();
    panel.replaceChildren(el('h2', {}, summary.name), el('p', { class: 'status', 'data-state': 'loading' }, 'Loading…'));
    panel.dataset.kind = 'node';
    panel.dataset.id = summary.id;
    try {
      // Read at knownAt when the address asks for it, like the paths and neighbours beside it.
      const known = state.knownAt ? `?knownAt=${encodeURIComponent(state.knownAt)}` : '';
      const entity = await api(`api/entities/${encodeURIComponent(summary.id)}${known}`);
      if (state.selected !== summary.id) return;
      renderEntity(panel, entity, element);
    } catch (error) {
      if (state.selected !== summary.id) return;
      panel.replaceChildren(el('h2', {}, summary.name), el('p', { class: 'status', 'data-state': 'error' }, error.message));
    }
  }

  function renderEntity(panel, entity, node) {
    const lifecycle = entity.lifecycle
      ? Object.entries(entity.lifecycle).filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])
      : [];
    panel.replaceChildren(
      el('p', {}, kindBadge(entity.kind), ' ', el('span', { class: 'subtype' }, entity.subtype)),
      el('h2', { id: 'details-title' }, entity.name),
      entity.aliases && entity.aliases.length ? el('p', { class: 'aliases' }, `Also: ${entity.aliases.join(', ')}`) : null,
      entity.description ? el('p', {}, entity.description) : null,
      el('dl', {},
        el('dt', {}, 'id'), el('dd', {}, el('code', {}, entity.id)),
        el('dt', {}, 'relationships'), el('dd', {}, String(entity.relationships)),
        lifecycle),
      el('div', { class: 'buttons' },
        el('button', { type: 'button', onclick: () => expand(entity.id) }, 'Expand neighbours'),
        el('button', { type: 'button', onclick: () => pickers.from.pick(entity, true) }, 'Use as From'),
        el('button', { type: 'button', onclick: () => pickers.to.pick(entity, true) }, 'Use as To')),
      connectionsInView(node) ? el('h3', {}, 'In this view') : null,
      connectionsInView(node),
      el('h3', {}, `Sources (${entity.sources.length})`),
      sourceList(entity.sources),
      historySection(entity.id, entity.id));
    panel.dataset.kind = 'node';
    panel.dataset.id = entity.id;
  }

  function renderLink(panel, link) {
    const confidence = el('span', { class: 'confidence' },
      el('meter', { min: '0', max: '1', value: String(link.confidence), 'aria-label': 'confidence' }),
      link.confidence.toFixed(2));
    panel.replaceChildren(
      el('p', {}, el('span', { class: 'kind-badge', text: link.type })),
      el('h2', { id: 'details-title' }, `${link.from.name} → ${link.to.name}`),
      el('p', { class: 'sentence' }, link.sentence),
      link.quote ? el('blockquote', {}, `“${link.quote}”`) : null,
      el('h3', {}, `Sources (${link.sources.length})`),
      sourceList(link.sources),
      el('h3', {}, 'Relationship'),
      el('dl', {},
        el('dt', {}, 'from'), el('dd', {}, el('button', { type: 'button', onclick: () => select(link.from.id) }, link.from.name)),
        el('dt', {}, 'to'), el('dd', {}, el('button', { type: 'button', onclick: () => select(link.to.id) }, link.to.name)),
        el('dt', {}, 'held'), el('dd', {}, formatDates(link)),
        el('dt', {}, 'confidence'), el('dd', {}, confidence),
        link.share !== null && link.share !== undefined ? [el('dt', {}, 'share'), el('dd', {}, `${Math.round(link.share * 100)}%`)] : null,
        link.note ? [el('dt', {}, 'note'), el('dd', {}, link.note)] : null),
      el('p', { class: 'subtype' }, el('code', {}, link.id)),
      historySection(link.from.id, link.id));
    panel.dataset.kind = 'link';
    panel.dataset.id = link.id;
  }

  // ---------------------------------------------------------------- download menu and Browser link

  function exportGroups() {
    const groups = [];
    const asOf = state.asOf ? { asOf: state.asOf } : {};
    if (state.view === 'paths') {
      groups.push({
        title: `These paths: ${state.from.name} to ${state.to.name}`,
        params: { scope: 'path', from: state.from.id, to: state.to.id, ...asOf },
      });
    }
    const selected = state.selected ? cy.getElementById(state.selected) : cy.collection();
    const center = selected.nonempty() && selected.isNode()
      ? { id: selected.id(), name: selected.data('name') } : state.center;
    if (center) {
      groups.push({
        title: `Neighbourhood of ${center.name}`,
        params: { scope: 'neighborhood', id: center.id, depth: String(EXPAND_DEPTH), ...asOf },
      });
    }
    groups.push({ title: 'Whole graph', params: { scope: 'graph', ...asOf }, noSvg: true });
    return groups;
  }

  function renderDownloads() {
    const body = $('#download-body');
    body.replaceChildren();
    for (const group of exportGroups()) {
      body.append(el('h3', {}, group.title));
      body.append(el('ul', {}, EXPORT_FORMATS.filter((f) => !(group.noSvg && f.format === 'svg')).map((f) => {
        const params = new URLSearchParams({ format: f.format, ...group.params });
        return el('li', {}, el('a', {
          href: `api/export?${params}`, download: '', title: f.hint, dataset: { format: f.format, scope: group.params.scope },
        }, f.label));
      })));
    }
    if (state.expanded.length && state.view === 'paths') {
      body.append(el('p', {}, 'Path downloads hold the paths only, not the neighbours added to them.'));
    }
    if (state.asOf) {
      body.append(el('p', {}, `As of ${state.asOf}.`));
    }
  }

  // A Cypher string literal. '&' and '#' are written as unicode escapes because Browser decodes its whole URL
  // before it reads the arg parameter, and would cut the query at either of them.
  function literal(text) {
    return `'${String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/&/g, '\\u0026').replace(/#/g, '\\u0023')}'`;
  }

  const comment = (text) => `// ${String(text).replace(/&/g, 'and').replace(/#/g, 'no. ').replace(/[\r\n]+/g, ' ')}`;

  function asOfPredicate(variable) {
    if (!state.asOf) return null;
    const date = `date(${literal(state.asOf)})`;
    return `${variable}.validFrom <= ${date} AND (${variable}.validTo IS NULL OR ${variable}.validTo >= ${date})`;
  }

  function pathPattern(path) {
    let pattern = `(:Entity {id: ${literal(path.nodes[0].id)}})`;
    path.hops.forEach((hop, i) => {
      const next = path.nodes[i + 1];
      const forward = hop.from.id === path.nodes[i].id;
      pattern += forward ? `-[:${hop.type}]->` : `<-[:${hop.type}]-`;
      pattern += `(:Entity {id: ${literal(next.id)}})`;
    });
    return pattern;
  }

  // The Cypher that shows the current view in Browser: each path drawn here, and each neighbourhood added to it.
  // Every part returns a path p, so the parts combine with UNION.
  function viewCypher() {
    const header = [];
    const queries = [];
    const when = state.asOf ? `, relationships holding on ${state.asOf}` : '';
    if (state.view === 'paths') {
      header.push(comment(`Lodestone explorer: what connects ${state.from.name} to ${state.to.name}${when}.`));
      if (state.paths.length) {
        header.push(comment('One MATCH per path the page drew, best first.'));
        state.paths.forEach((path) => queries.push(`MATCH p = ${pathPattern(path)}\nRETURN p`));
      } else {
        header.push(comment('No path was found; these are the two entities alone.'));
        [state.from, state.to].forEach((e) => queries.push(`MATCH p = (:Entity {id: ${literal(e.id)}})\nRETURN p`));
      }
    } else if (state.view === 'neighborhood') {
      header.push(comment(`Lodestone explorer: the neighbourhood of ${state.center.name}${when}.`));
    }
    const centres = state.view === 'neighborhood' ? [state.center.id, ...state.expanded] : state.expanded;
    [...new Set(centres)].forEach((id) => {
      const where = asOfPredicate('r');
      queries.push([
        comment(`Neighbours of ${cy.getElementById(id).data('name') || id}.`),
        `MATCH p = (:Entity {id: ${literal(id)}})-[r]-(:Entity)`,
        where ? `WHERE ${where}` : null,
        'RETURN p',
      ].filter(Boolean).join('\n'));
    });
    if (queries.length === 0) return null;
    return [...header, queries.join('\nUNION\n')].join('\n');
  }

  function browserBase() {
    const neo4j = state.info && state.info.neo4j;
    if (!neo4j || !neo4j.browserUri) return null;
    // The embedded engine always asks for a password (the log and README say where it is kept); the link fills in
    // the user name so that only the password is left to type.
    return `${neo4j.browserUri}?dbms=${neo4j.boltUri.replace('://', '://neo4j@')}`;
  }

  function browserUrl(cypher) {
    const base = browserBase();
    if (!base) return null;
    return cypher ? `${base}&cmd=edit&arg=${encodeURIComponent(cypher)}` : base;
  }

  function updateLinks() {
    renderDownloads();
    const link = $('#open-browser');
    const base = browserBase();
    if (!base) {
      link.setAttribute('aria-disabled', 'true');
      link.removeAttribute('href');
      link.title = 'Neo4j Browser is only known for the embedded engine; open your server\'s own Browser.';
    } else {
      const cypher = viewCypher();
      link.removeAttribute('aria-disabled');
      link.href = browserUrl(cypher);
      link.title = cypher ? 'Open Neo4j Browser with the Cypher for this view in its editor' : 'Open Neo4j Browser';
    }
    const guide = $('#guide-link');
    const guideUrl = `${window.location.origin}/guide`;
    guide.href = base ? `${base}&cmd=play&arg=${encodeURIComponent(guideUrl)}` : guideUrl;
    guide.title = `:play ${guideUrl}`;
  }

  // ---------------------------------------------------------------- search-as-you-type pickers

  class Picker {
    constructor(role, onChange) {
      this.role = role;
      this.input = $(`#${role}-input`);
      this.list = $(`#${role}-list`);
      this.onChange = onChange;
      this.entity = null;
      this.options = [];
      this.active = -1;
      this.sequence = 0;
      const search = debounce(() => this.search(), 150);
      this.input.addEventListener('input', () => {
        if (this.entity) {
          this.entity = null;
          this.input.dataset.picked = 'false';
        }
        search();
      });
      this.input.addEventListener('keydown', (event) => this.key(event));
      this.input.addEventListener('focus', () => {
        if (!this.entity && this.input.value.trim()) search();
      });
      this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    }

    async search() {
      const q = this.input.value.trim();
      const sequence = ++this.sequence;
      if (!q) {
        this.close();
        return;
      }
      try {
        const matches = await api(`api/entities?${new URLSearchParams({ q, limit: String(PICKER_LIMIT) })}`);
        if (sequence !== this.sequence || document.activeElement !== this.input) return;
        this.render(matches);
      } catch (error) {
        if (sequence !== this.sequence) return;
        this.render([], error.message);
      }
    }

    render(matches, error) {
      this.options = matches;
      this.active = matches.length ? 0 : -1;
      this.list.replaceChildren();
      if (!matches.length) {
        this.list.append(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, error || 'No match'));
      }
      matches.forEach((match, i) => {
        this.list.append(el('li', {
          id: `${this.role}-option-${i}`, role: 'option', 'aria-selected': i === this.active ? 'true' : 'false',
          dataset: { id: match.id },
          onmousedown: (event) => {
            event.preventDefault();
            this.pick(match);
          },
        }, el('span', { class: 'name' }, match.name), kindBadge(match.kind), el('span', { class: 'subtype' }, match.subtype)));
      });
      this.list.hidden = false;
      this.input.setAttribute('aria-expanded', 'true');
      this.updateActive();
    }

    updateActive() {
      [...this.list.querySelectorAll('li[role=option]')].forEach((li, i) => {
        li.setAttribute('aria-selected', i === this.active ? 'true' : 'false');
        if (i === this.active) li.scrollIntoView({ block: 'nearest' });
      });
      if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.role}-option-${this.active}`);
      else this.input.removeAttribute('aria-activedescendant');
    }

    key(event) {
      const open = !this.list.hidden;
      if (event.key === 'ArrowDown' && open) {
        event.preventDefault();
        this.active = Math.min(this.active + 1, this.options.length - 1);
        this.updateActive();
      } else if (event.key === 'ArrowUp' && open) {
        event.preventDefault();
        this.active = Math.max(this.active - 1, 0);
        this.updateActive();
      } else if (event.key === 'Enter' && open && this.active >= 0) {
        event.preventDefault();
        this.pick(this.options[this.active]);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        this.close();
      }
    }

    close() {
      this.list.hidden = true;
      this.input.setAttribute('aria-expanded', 'false');
      this.input.removeAttribute('aria-activedescendant');
    }

    pick(entity, run = true) {
      this.entity = entity ? { id: entity.id, kind: entity.kind, subtype: entity.subtype, name: entity.name } : null;
      this.input.value = entity ? entity.name : '';
      this.input.dataset.picked = entity ? 'true' : 'false';
      this.close();
      this.onChange(this.entity, run);
    }
  }

  function picked(role) {
    return (entity, run) => {
      state[role] = entity;
      if (!run) return;
      state.expanded = [];
      state.selected = null;
      clearHighlight();
      if (state.from && (state.to || role === 'from')) {
        refresh();
      } else if (!state.from && state.to) {
        setStatus('Now pick From.', 'idle');
        updateUrl();
      }
    };
  }

  const pickers = {
    from: new Picker('from', picked('from')),
    to: new Picker('to', picked('to')),
  };

  // ---------------------------------------------------------------- the address bar keeps the view

  function updateUrl() {
    const params = new URLSearchParams();
    if (state.from) params.set('from', state.from.id);
    if (state.to) params.set('to', state.to.id);
    if (state.asOf) params.set('asOf', state.asOf);
    if (state.knownAt) params.set('knownAt', state.knownAt);
    if (state.expanded.length) params.set('expand', state.expanded.join(','));
    const query = params.toString();
    // The hash belongs to the other views (views.js); it is kept.
    window.history.replaceState(null, '', `${query ? `?${query}` : window.location.pathname}${window.location.hash}`);
  }

  async function restoreFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const load = async (id) => (id ? api(`api/entities/${encodeURIComponent(id)}`).catch(() => null) : null);
    const [from, to] = await Promise.all([load(params.get('from')), load(params.get('to'))]);
    if (params.get('asOf') && /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf'))) state.asOf = params.get('asOf');
    if (params.get('knownAt') && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(params.get('knownAt'))) {
      state.knownAt = params.get('knownAt');
    }
    if (params.get('expand')) state.expanded = params.get('expand').split(',').filter(Boolean);
    if (from) pickers.from.pick(from, false);
    if (to) pickers.to.pick(to, false);
    return Boolean(from);
  }

  // ---------------------------------------------------------------- wiring

  function renderLegend() {
    const legend = $('#legend');
    legend.replaceChildren(...KINDS.map((kind) => el('li', {},
      el('span', { class: 'swatch', dataset: { kind }, 'aria-hidden': 'true' }), kind)));
    legend.append(el('li', { class: 'hint' }, 'Thicker lines: higher confidence. Double-click a node to expand it.'));
  }

  function wire() {
    $('#query').addEventListener('submit', (event) => {
      event.preventDefault();
      if (!pickers.from.entity) {
        setStatus('Pick From from the list of matches first.', 'error');
        $('#from-input').focus();
        return;
      }
      state.expanded = [];
      refresh();
    });
    $('#swap').addEventListener('click', () => {
      const from = pickers.from.entity;
      const to = pickers.to.entity;
      pickers.from.pick(to, false);
      pickers.to.pick(from, false);
      state.expanded = [];
      if (state.from) refresh();
    });
    $('#expand').addEventListener('click', () => {
      const element = state.selected && cy.getElementById(state.selected);
      if (element && element.nonempty() && element.isNode()) expand(element.id());
    });
    $('#fit').addEventListener('click', () => cy.fit(undefined, 40));
    $('#clear').addEventListener('click', () => {
      pickers.from.pick(null, false);
      pickers.to.pick(null, false);
      state.expanded = [];
      showPlaceholder();
      refresh();
    });
    $('#open-browser').addEventListener('click', (event) => {
      if (event.currentTarget.getAttribute('aria-disabled') === 'true') event.preventDefault();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') $('#download').open = false;
    });
    document.addEventListener('click', (event) => {
      const menu = $('#download');
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
    window.addEventListener('resize', debounce(() => cy.resize(), 150));
  }

  async function start() {
    renderLegend();
    wire();
    const [info] = await Promise.all([api('api/info').catch(() => null), loadDateRange()]);
    state.info = info;
    if (info) {
      $('#engine').textContent = `Lodestone ${info.version} · Neo4j ${info.neo4j.version} (${info.neo4j.mode}) · `
        + `${info.graph.nodes} nodes, ${info.graph.relationships} relationships`;
    }
    const restored = await restoreFromUrl();
    if (state.asOf) showDate(state.asOf);
    setupTime();
    updateLinks();
    if (restored) await refresh();
    document.body.dataset.ready = 'true';
  }

  start();
})();
