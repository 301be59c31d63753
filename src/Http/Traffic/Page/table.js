// The list of exchanges, newest on top. Only the rows in view are in the document (rows have one height, so a
// spacer above and below stands for the rest): thousands of exchanges cost no more to show than fifty.
(function (T) {
  'use strict';

  const { el, time, ms, short, eraBadge } = T.fmt;
  const OVERSCAN = 15;
  let tbody;
  let scroller;
  let top;
  let bottom;
  let view = [];
  let rowHeight = 26;
  let measured = false;
  let painted = false;
  let selectedId = null;
  const cache = new Map();
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
      dataset: {
        id: ex.id, era: ex.era || 'unknown', session: ex.session || '', http: ex.httpMethod, method: ex.method || '', tool: ex.tool || '',
        status: String(ex.status), fault: record.fault || '',
      },
    },
    el('td', { class: 'c-time', title: ex.started }, time(ex.started)),
    el('td', { class: 'c-node', title: ex.node }, ex.node),
    el('td', { class: 'c-era' }, eraBadge(ex.era)),
    el('td', { class: 'c-session' }, session),
    el('td', { class: 'c-http' },
      el('span', { class: 'muted' }, ex.httpMethod, ' '),
      el('span', { class: `status s${Math.floor(status / 100)}xx`, testid: 'status' }, status || '—')),
    el('td', { class: 'c-method', testid: 'method' }, method,
      ex.end && ex.end !== 'answered' ? el('span', { class: 'badge end', title: 'how the exchange ended' }, ex.end) : null,
      ex.fault ? el('span', { class: 'badge injected', testid: 'injected', title: `injected fault: ${ex.fault}` }, 'injected') : null),
    el('td', { class: 'c-tool', testid: 'tool' }, ex.tool || ''),
    el('td', { class: 'c-dur' }, ms(ex.durationMs)),
    el('td', { class: 'c-fault' }, record.fault
      ? el('span', { class: `fault ${record.fault}`, testid: 'error-marker', title: record.faultTitle || '' }, faultLabel(record))
      : null));
  }

  // The rows of the visible window (and a few either side), built once per record and reused while it stays near.
  function paint() {
    painted = false;
    const height = scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(scroller.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(view.length, Math.ceil((scroller.scrollTop + height) / rowHeight) + OVERSCAN);
    if (cache.size > 2000) cache.clear();
    const rows = [];
    for (let i = first; i < last; i++) {
      const record = view[view.length - 1 - i];
      let tr = cache.get(record);
      if (!tr) {
        tr = row(record);
        cache.set(record, tr);
      }
      tr.setAttribute('aria-selected', String(record.ex.id === selectedId));
      rows.push(tr);
    }
    top.style.height = `${first * rowHeight}px`;
    bottom.style.height = `${(view.length - last) * rowHeight}px`;
    tbody.replaceChildren(top, ...rows, bottom);
    if (rows.length && !measured) {
      measured = true;
      const actual = rows[0].getBoundingClientRect().height;
      if (actual > 0 && Math.abs(actual - rowHeight) > 0.5) {
        rowHeight = actual;
        paint();
      }
    }
  }

  function repaint() {
    if (painted) return;
    painted = true;
    requestAnimationFrame(paint);
  }

  // records: oldest first, all of them newer than what is shown. A reader scrolled down keeps the rows in view.
  function add(records) {
    if (!records.length) return;
    for (const record of records) view.push(record);
    if (scroller.scrollTop > 0) {
      // Room first, so the browser does not clamp the new position.
      bottom.style.height = `${view.length * rowHeight}px`;
      scroller.scrollTop += records.length * rowHeight;
    }
    paint();
  }

  // records: every record that passes the filters, oldest first.
  function replace(records) {
    view = records;
    cache.clear();
    paint();
  }

  function indexOf(id) {
    for (let i = view.length - 1; i >= 0; i--) if (view[i].ex.id === id) return view.length - 1 - i;
    return -1;
  }

  function select(id) {
    selectedId = id;
    const index = id ? indexOf(id) : -1;
    if (index >= 0) {
      const y = index * rowHeight;
      const header = tbody.parentElement.tHead.offsetHeight;
      if (y < scroller.scrollTop) scroller.scrollTop = y;
      else if (y + rowHeight > scroller.scrollTop + scroller.clientHeight - header) scroller.scrollTop = y + rowHeight - scroller.clientHeight + header;
    }
    paint();
  }

  // The id of the row delta rows away from the selected one (j/k and the arrow keys).
  function neighbour(delta) {
    const index = selectedId ? indexOf(selectedId) : -1;
    const next = index < 0 ? 0 : index + delta;
    return next >= 0 && next < view.length ? view[view.length - 1 - next].ex.id : null;
  }

  function init(on) {
    Object.assign(handlers, on);
    tbody = document.querySelector('[data-testid="rows"]');
    scroller = document.querySelector('[data-testid="list"]');
    top = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colSpan: 9 }));
    bottom = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colSpan: 9 }));
    scroller.addEventListener('scroll', repaint, { passive: true });
    new ResizeObserver(repaint).observe(scroller);
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

  T.table = { init, add, replace, select, neighbour, count: () => view.length };
})(window.Traffic = window.Traffic || {});
