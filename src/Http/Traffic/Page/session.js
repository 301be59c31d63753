// The state of the session (or handle) the list is filtered to, as the server holds it, refreshed as its traffic arrives.
(function (T) {
  'use strict';

  const { el, dateTime, ago } = T.fmt;
  let panel;
  let current = null;
  let timer = 0;
  let lastFetch = 0;
  let generation = 0;
  const handlers = { fetch: async () => null, exchanges: () => {}, clear: () => {}, exportUrl: () => '' };

  function fact(label, testid, ...value) {
    return el('div', { class: 'fact' }, el('span', { class: 'label' }, label), el('span', { class: 'value', testid }, ...value));
  }

  function exports(id) {
    return el('span', { class: 'exports' }, 'Export session:',
      el('a', { href: handlers.exportUrl('har', id), download: 'session.har', testid: 'export-session-har' }, 'HAR'),
      el('a', { href: handlers.exportUrl('jsonl', id), download: 'session.jsonl', testid: 'export-session-jsonl' }, 'JSONL'));
  }

  function render(id, answer) {
    const close = el('button', { type: 'button', class: 'close', title: 'show every session', testid: 'session-panel-close', on: { click: () => handlers.clear() } }, '×');
    if (!answer || answer.status === 404) {
      panel.replaceChildren(el('div', { class: 'session-head' },
        el('strong', { testid: 'session-id' }, id),
        el('span', { class: 'muted', testid: 'session-unknown' },
          answer ? 'not held by the server: ended, expired, or never seen (its recorded traffic below is what the page holds)' : 'could not be read'),
        el('span', { class: 'spacer' }), close));
      return;
    }
    const s = answer.session || {};
    const recorded = (answer.exchanges || []).length;
    const client = s.client ? `${s.client.name || '?'} ${s.client.version || ''}`.trim() : '—';
    panel.replaceChildren(
      el('div', { class: 'session-head' },
        el('span', { class: 'badge' }, s.kind || 'session'),
        el('strong', { testid: 'session-id', title: 'session id' }, s.id || id),
        el('span', { class: 'spacer' }), exports(s.id || id), close),
      el('div', { class: 'facts-row' },
        fact('protocol', 'session-protocol', s.protocolVersion || '—'),
        fact('client', 'session-client', client),
        fact('created', 'session-created', dateTime(s.created), ' ', el('span', { class: 'muted' }, ago(s.created))),
        fact('last activity', 'session-last-activity', dateTime(s.lastActivity), ' ', el('span', { class: 'muted' }, ago(s.lastActivity))),
        fact('requests', 'session-requests', String(s.requests ?? '—')),
        fact('echoes', 'session-echoes', String(s.echoes ?? '—')),
        fact('recorded', 'session-recorded', `${recorded}${answer.evicted ? ` (+${answer.evicted} evicted)` : ''}`)));
  }

  async function load() {
    const id = current;
    const mine = ++generation;
    lastFetch = Date.now();
    let answer = null;
    try {
      answer = await handlers.fetch(id);
    } catch {
      answer = null;
    }
    if (mine !== generation || id !== current) return;
    render(id, answer);
    if (answer && answer.exchanges) handlers.exchanges(answer.exchanges);
  }

  // Shows the panel for `id`, or hides it when id is empty.
  function follow(id) {
    if (id === current) return;
    current = id || null;
    clearTimeout(timer);
    timer = 0;
    generation++;
    panel.hidden = !current;
    if (!current) {
      panel.replaceChildren();
      return;
    }
    panel.replaceChildren(el('span', { class: 'muted' }, `loading ${current}…`));
    load();
  }

  // New traffic of the followed session: read its state again, at most once a second.
  function touched(session) {
    if (!current || !session || !session.startsWith(current) || timer) return;
    const wait = Math.max(0, 1000 - (Date.now() - lastFetch));
    timer = setTimeout(() => { timer = 0; if (current) load(); }, wait);
  }

  function init(on) {
    Object.assign(handlers, on);
    panel = document.querySelector('[data-testid="session-panel"]');
  }

  T.session = { init, follow, touched, current: () => current };
})(window.Traffic = window.Traffic || {});
