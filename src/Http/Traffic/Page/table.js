// The list of exchanges, newest on top. New rows are prepended in batches; the DOM keeps at most RENDER_CAP rows.
(function (T) {
  'use strict';

  const { el, time, ms, short, eraBadge } = T.fmt;
  const RENDER_CAP = 2000;
  let tbody;
  let scroller;
  let selectedId = null;
  const handlers = { select: () => {}, session: () => {} };

  const WITHOUT_METHOD = { GET: 'GET stream', DELETE: 'end session', OPTIONS: 'preflight' };

  function faultLabel(record) {
    const ex = record.ex;
    if (record.fault === 'tool') return 'tool error';
    const code = ex.error ? ex.error.code : record.rpcErrorCode;
    if (record.fault === 'http') return code !== undefined && code !== null ? `${ex.status} · ${code}` : String(ex.status);
    return code !== undefined && code !== null ? String(code) : 'error';
  }

  function row(record) {
    const ex = record.ex;
    const session = ex.session
      ? el('button', { type: 'button', class: 'link session-link', testid: 'session-link', title: `${ex.sessionKind || 'session'} ${ex.session} (filter to it)`, dataset: { session: ex.session } }, short(ex.session))
      : el('span', { class: 'muted' }, '—');
    const status = Number(ex.status) || 0;
    const method = ex.method
      ? el('span', {}, ex.method)
      : el('span', { class: 'muted' }, WITHOUT_METHOD[ex.httpMethod] || '—');
    return el('tr', {
      testid: 'row',
      class: record.fault ? `fault-${record.fault}` : '',
      'aria-selected': String(ex.id === selectedId),
      dataset: { id: ex.id, era: ex.era || 'unknown', session: ex.session || '', method: ex.method || '', tool: ex.tool || '', status: String(ex.status), fault: record.fault || '' },
    },
    el('td', { class: 'c-time', title: ex.started }, time(ex.started)),
    el('td', { class: 'c-node', title: ex.node }, ex.node),
    el('td', { class: 'c-era' }, eraBadge(ex.era)),
    el('td', { class: 'c-session' }, session),
    el('td', { class: 'c-http' },
      el('span', { class: 'muted' }, ex.httpMethod, ' '),
      el('span', { class: `status s${Math.floor(status / 100)}xx`, testid: 'status' }, status || '—')),
    el('td', { class: 'c-method', testid: 'method' }, method,
      ex.end && ex.end !== 'answered' ? el('span', { class: 'badge end', title: 'how the exchange ended' }, ex.end) : null),
    el('td', { class: 'c-tool', testid: 'tool' }, ex.tool || ''),
    el('td', { class: 'c-dur' }, ms(ex.durationMs)),
    el('td', { class: 'c-fault' }, record.fault
      ? el('span', { class: `fault ${record.fault}`, testid: 'error-marker', title: record.faultTitle || '' }, faultLabel(record))
      : null));
  }

  // Keeps the rows a reader is looking at in place when new ones arrive above them.
  function keepingPosition(change) {
    const top = scroller.scrollTop;
    const before = scroller.scrollHeight;
    change();
    if (top > 0) scroller.scrollTop = top + scroller.scrollHeight - before;
  }

  function trim() {
    while (tbody.childElementCount > RENDER_CAP) tbody.lastElementChild.remove();
  }

  // records: oldest first.
  function prepend(records) {
    if (!records.length) return;
    const fragment = document.createDocumentFragment();
    const from = Math.max(0, records.length - RENDER_CAP);
    for (let i = records.length - 1; i >= from; i--) fragment.append(row(records[i]));
    keepingPosition(() => tbody.prepend(fragment));
    trim();
  }

  // records: newest first, at most RENDER_CAP of them.
  function replace(records) {
    const fragment = document.createDocumentFragment();
    for (const record of records) fragment.append(row(record));
    tbody.replaceChildren(fragment);
  }

  function select(id) {
    selectedId = id;
    for (const tr of tbody.querySelectorAll('tr[aria-selected="true"]')) tr.setAttribute('aria-selected', 'false');
    const tr = id ? rowOf(id) : null;
    if (tr) {
      tr.setAttribute('aria-selected', 'true');
      tr.scrollIntoView({ block: 'nearest' });
    }
  }

  function rowOf(id) {
    for (const tr of tbody.children) if (tr.dataset.id === id) return tr;
    return null;
  }

  // The id of the row delta rows away from the selected one (j/k and the arrow keys).
  function neighbour(delta) {
    const current = selectedId ? rowOf(selectedId) : null;
    const next = !current ? tbody.firstElementChild : delta > 0 ? current.nextElementSibling : current.previousElementSibling;
    return next ? next.dataset.id : null;
  }

  function init(on) {
    Object.assign(handlers, on);
    tbody = document.querySelector('[data-testid="rows"]');
    scroller = document.querySelector('[data-testid="list"]');
    tbody.addEventListener('click', (event) => {
      const link = event.target.closest('.session-link');
      if (link) {
        event.stopPropagation();
        handlers.session(link.dataset.session);
        return;
      }
      const tr = event.target.closest('tr');
      if (tr && tr.dataset.id) handlers.select(tr.dataset.id);
    });
  }

  T.table = { init, prepend, replace, select, neighbour, RENDER_CAP, rendered: () => tbody.childElementCount };
})(window.Traffic = window.Traffic || {});
