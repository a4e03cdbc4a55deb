// Helpers shared by the explorer's scripts (explorer.js, views.js): reading the REST API, with its problem details,
// and building elements without HTML strings, so text from the graph is never parsed as markup.
'use strict';

window.LodestoneUi = (() => {
  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `The server answered ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path, options = {}, retries = 2) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      body = null;
    }
    if (!response.ok) {
      // A query that timed out on a cold or busy engine (the first of its shape is planned and compiled)
      // usually passes when tried again; only reads are tried again.
      if (response.status === 503 && retries > 0 && (!options.method || options.method === 'GET')) {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return api(path, options, retries - 1);
      }
      throw new ApiError(response.status, body);
    }
    return body;
  }

  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') element.className = value;
      else if (name === 'text') element.textContent = value;
      else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
      else if (name === 'dataset') Object.assign(element.dataset, value);
      else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function kindBadge(kind) {
    return el('span', { class: 'kind-badge', dataset: { kind: kind || '' }, text: kind || '?' });
  }

  return { ApiError, api, el, kindBadge };
})();
