// The filter bar: its state, kept in the URL's hash (so a link shows the same view), and the test of one record.
(function (T) {
  'use strict';

  const KEYS = ['session', 'era', 'method', 'tool', 'status', 'errors', 'q'];
  const state = { session: '', era: '', method: '', tool: '', status: '', errors: false, q: '' };
  const inputs = {};
  let statusTest = null;
  let onChange = () => {};

  // "200", "4xx", ">=400", "<300", "!202", comma-separated: any positive term matches, any negative one excludes.
  function parseStatus(text) {
    const terms = text.split(',').map((t) => t.trim()).filter(Boolean);
    if (!terms.length) return { test: null, valid: true };
    const include = [];
    const exclude = [];
    for (const term of terms) {
      const m = /^(!|>=|<=|>|<)?\s*(\d{3}|[1-5]xx)$/i.exec(term);
      if (!m) return { test: null, valid: false };
      const [, op, value] = m;
      let test;
      if (/xx$/i.test(value)) {
        const hundred = Number(value[0]);
        test = (s) => Math.floor(s / 100) === hundred;
      } else {
        const n = Number(value);
        test = { '>=': (s) => s >= n, '<=': (s) => s <= n, '>': (s) => s > n, '<': (s) => s < n }[op] || ((s) => s === n);
      }
      (op === '!' ? exclude : include).push(test);
    }
    return {
      valid: true,
      test: (s) => (!include.length || include.some((t) => t(s))) && !exclude.some((t) => t(s)),
    };
  }

  // Everything searchable in one exchange, lower-cased once and kept.
  function haystack(record) {
    if (record.text === undefined) {
      const ex = record.ex;
      const parts = [ex.method, ex.tool, ex.session, ex.rpcId, ex.httpMethod, ex.path, ex.status, ex.node,
        ex.protocolVersion, ex.end, ex.requestBody && ex.requestBody.text, ex.responseBody && ex.responseBody.text];
      for (const [name, value] of [...(ex.requestHeaders || []), ...(ex.responseHeaders || [])]) parts.push(`${name}: ${value}`);
      for (const event of ex.events || []) parts.push(event.text);
      if (ex.error) parts.push(ex.error.code, ex.error.message, ex.error.data);
      record.text = parts.filter((p) => p !== null && p !== undefined).join('\n').toLowerCase();
    }
    return record.text;
  }

  const contains = (value, needle) => String(value || '').toLowerCase().includes(needle);

  function matches(record) {
    const ex = record.ex;
    if (state.session && !String(ex.session || '').startsWith(state.session)) return false;
    if (state.era && ex.era !== state.era) return false;
    if (state.method && !contains(ex.method, state.method.toLowerCase())) return false;
    if (state.tool && !contains(ex.tool, state.tool.toLowerCase())) return false;
    if (statusTest && !statusTest(ex.status)) return false;
    if (state.errors && !record.fault) return false;
    if (state.q && !haystack(record).includes(state.q.toLowerCase())) return false;
    return true;
  }

  function active() {
    return KEYS.some((key) => state[key]);
  }

  function writeHash() {
    const params = new URLSearchParams();
    for (const key of KEYS) if (state[key]) params.set(key, state[key] === true ? '1' : state[key]);
    const hash = params.toString();
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  }

  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    for (const key of KEYS) {
      const value = params.get(key);
      state[key] = key === 'errors' ? value === '1' : value || '';
    }
  }

  function showState() {
    for (const key of KEYS) {
      if (key === 'errors') inputs[key].checked = state.errors;
      else inputs[key].value = state[key];
    }
    const status = parseStatus(state.status);
    statusTest = status.test;
    inputs.status.setAttribute('aria-invalid', String(!status.valid));
  }

  function update(key, value) {
    if (state[key] === value) return;
    state[key] = value;
    if (key === 'status') {
      const status = parseStatus(value);
      statusTest = status.test;
      inputs.status.setAttribute('aria-invalid', String(!status.valid));
    }
    writeHash();
    onChange(key);
  }

  function init(changed) {
    onChange = changed;
    for (const key of KEYS) inputs[key] = document.querySelector(`[data-testid="filter-${key === 'q' ? 'text' : key}"]`);
    readHash();
    showState();
    for (const key of KEYS) {
      const input = inputs[key];
      if (key === 'errors') {
        input.addEventListener('change', () => update(key, input.checked));
      } else if (input.tagName === 'SELECT') {
        input.addEventListener('change', () => update(key, input.value));
      } else {
        let timer = 0;
        input.addEventListener('input', () => {
          clearTimeout(timer);
          timer = setTimeout(() => update(key, input.value.trim()), 120);
        });
      }
    }
    document.querySelector('[data-testid="filter-reset"]').addEventListener('click', () => set({}));
    window.addEventListener('hashchange', () => {
      readHash();
      showState();
      onChange('all');
    });
  }

  // Replaces the whole filter state (keys not given are cleared).
  function set(values) {
    for (const key of KEYS) state[key] = values[key] || (key === 'errors' ? false : '');
    showState();
    writeHash();
    onChange('all');
  }

  function setSession(id) {
    inputs.session.value = id || '';
    update('session', id || '');
  }

  // New method and tool names offered as suggestions in the filter inputs.
  const offered = { method: new Set(), tool: new Set() };
  function offer(ex) {
    for (const key of ['method', 'tool']) {
      const value = ex[key];
      if (!value || offered[key].has(value) || offered[key].size > 500) continue;
      offered[key].add(value);
      document.getElementById(`${key}-names`).append(T.fmt.el('option', { value }));
    }
  }

  T.filters = { state, init, set, setSession, matches, active, offer, parseStatus };
})(window.Traffic = window.Traffic || {});
