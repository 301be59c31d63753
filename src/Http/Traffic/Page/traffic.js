// The page itself: the first load, the live feed, pause and clear, the exports, and the wiring of the other scripts.
(function (T) {
  'use strict';

  const { tryParse, time } = T.fmt;
  const token = new URLSearchParams(location.search).get('token');
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);
  const HELD_WHILE_PAUSED = 20000;

  // Every URL of the API, with the page's own access token when it was opened with one.
  function url(path, params) {
    const u = new URL(path, location.origin);
    for (const [key, value] of Object.entries(params || {})) if (value !== null && value !== undefined && value !== '') u.searchParams.set(key, value);
    if (token) u.searchParams.set('token', token);
    return u.pathname + u.search;
  }

  async function getJson(path, params) {
    const response = await fetch(url(path, params), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 401) {
      notice('Access refused: open this page with ?token=… (the server\'s MCP_TRAFFIC_TOKEN).', 'error');
      throw new Error('401');
    }
    if (response.status === 404) return { status: 404 };
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  function notice(text, kind) {
    const node = $('notice');
    node.textContent = text || '';
    node.className = kind || '';
  }

  function setConnection(state, label) {
    const node = $('connection');
    node.dataset.state = state;
    node.querySelector('.label').textContent = label || state;
  }

  let paused = false;
  let selected = null;
  let queue = [];
  let redraw = false;
  let scheduled = false;
  const held = [];
  const sessions = new Set();

  // Rendering waits for the next frame, so a burst of exchanges costs one DOM update.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    const run = () => { scheduled = false; flush(); };
    if (document.hidden) setTimeout(run, 250);
    else requestAnimationFrame(run);
  }

  function flush() {
    if (redraw) {
      redraw = false;
      queue = [];
      renderAll();
      return;
    }
    const batch = queue;
    queue = [];
    T.table.add(batch);
    counts();
  }

  function renderAll() {
    T.table.replace(T.store.matching(T.filters.matches));
    T.table.select(selected);
    counts();
  }

  function counts() {
    const held = T.store.size();
    const matching = T.table.count();
    const parts = [`${held.toLocaleString()} exchange${held === 1 ? '' : 's'} held`];
    if (T.filters.active()) parts.push(`${matching.toLocaleString()} match`);
    $('row-count').textContent = parts.join(' · ');
    const empty = $('empty');
    empty.hidden = matching > 0;
    empty.textContent = held ? 'No exchange matches the filters.' : 'No exchanges yet: point an MCP client at /mcp and its traffic appears here.';
    document.body.classList.toggle('many-nodes', T.store.nodes.size > 1);
  }

  function ingest(exchanges, fromSessionPanel) {
    for (const ex of exchanges || []) {
      const added = T.store.add(ex);
      if (!added) continue;
      const record = T.store.get(ex.id);
      T.filters.offer(ex);
      if (ex.session && sessions.size < 100000) sessions.add(ex.session);
      if (!fromSessionPanel) T.session.touched(ex.session);
      if (added === 'inserted') redraw = true;
      else if (T.filters.matches(record)) queue.push(record);
    }
    schedule();
  }

  function live(ex) {
    if (!paused) {
      ingest([ex]);
      return;
    }
    if (held.length >= HELD_WHILE_PAUSED) held.shift();
    held.push(ex);
    $('pause').textContent = `Resume (${held.length.toLocaleString()} new)`;
  }

  async function load() {
    try {
      const answer = await getJson('/traffic/api/exchanges', { limit: 5000 });
      if (answer.node) $('node').textContent = `node ${answer.node}`;
      if (answer.evicted) notice(`${answer.evicted.toLocaleString()} older exchanges were evicted from the server's recording.`);
      ingest(answer.exchanges);
      document.body.dataset.loaded = 'true';
    } catch (error) {
      if (error.message !== '401') notice(`Could not load the recorded exchanges (${error.message}).`, 'error');
    }
  }

  let source = null;
  let retry = 1000;
  let missed = false;

  function connect() {
    source = new EventSource(url('/traffic/live'));
    setConnection('connecting', 'connecting');
    source.addEventListener('open', () => {
      retry = 1000;
      setConnection(paused ? 'paused' : 'live', paused ? 'paused' : 'live');
      if (missed) {
        missed = false;
        load();
      }
    });
    source.addEventListener('hello', (event) => {
      const hello = tryParse(event.data) || {};
      if (hello.node) $('node').textContent = `node ${hello.node}`;
      if (hello.recording === false) notice('Recording is off on this node: nothing new will appear.', 'error');
    });
    // The feed drops the oldest exchanges for a page that reads too slowly; read them from the recording instead.
    source.addEventListener('dropped', () => load());
    source.addEventListener('exchange', (event) => {
      const ex = tryParse(event.data);
      if (ex) live(ex);
    });
    source.addEventListener('error', () => {
      missed = true;
      if (source.readyState === EventSource.CLOSED) {
        setConnection('down', `disconnected · retrying in ${Math.round(retry / 1000)} s`);
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 30000);
      } else {
        setConnection('down', 'reconnecting');
      }
    });
  }

  function togglePause() {
    paused = !paused;
    const button = $('pause');
    button.setAttribute('aria-pressed', String(paused));
    button.textContent = paused ? 'Resume' : 'Pause';
    if (source && source.readyState === EventSource.OPEN) setConnection(paused ? 'paused' : 'live', paused ? 'paused' : 'live');
    if (!paused) ingest(held.splice(0));
  }

  function clearView() {
    T.store.clear();
    held.length = 0;
    if (paused) $('pause').textContent = 'Resume';
    close();
    renderAll();
    notice(`Cleared at ${time(new Date().toISOString())}; only newer exchanges are shown (reload to see all).`);
  }

  function open(id) {
    const record = T.store.get(id);
    if (!record) return;
    selected = id;
    T.table.select(id);
    T.detail.show(record);
    document.body.classList.add('with-detail');
  }

  function close() {
    selected = null;
    T.detail.hide();
    T.table.select(null);
    document.body.classList.remove('with-detail');
  }

  // A session filter that is the start of exactly one known session follows that session.
  function followedSession() {
    const value = T.filters.state.session;
    if (!value || sessions.has(value)) return value;
    const candidates = [...sessions].filter((s) => s.startsWith(value));
    return candidates.length === 1 ? candidates[0] : value;
  }

  function filtersChanged(key) {
    if (key === 'session' || key === 'all') T.session.follow(followedSession());
    redraw = true;
    schedule();
  }

  function keys(event) {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === 'Escape') {
      if (typing) event.target.blur();
      else close();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/') {
      event.preventDefault();
      $('filter-text').focus();
    } else if (event.key === 'j' || event.key === 'ArrowDown' || event.key === 'k' || event.key === 'ArrowUp') {
      const next = T.table.neighbour(event.key === 'j' || event.key === 'ArrowDown' ? 1 : -1);
      if (next) {
        event.preventDefault();
        open(next);
      }
    } else if (event.key === 'p') {
      togglePause();
    }
  }

  function start() {
    T.table.init({ select: open, session: (id) => T.filters.setSession(id) });
    T.detail.init({ close, session: (id) => T.filters.setSession(id) });
    T.session.init({
      fetch: (id) => getJson(`/traffic/api/sessions/${encodeURIComponent(id)}`),
      exchanges: (list) => ingest(list, true),
      clear: () => T.filters.setSession(''),
      exportUrl: (kind, id) => url(`/traffic/${kind}`, { session: id }),
    });
    T.filters.init(filtersChanged);
    $('export-har').href = url('/traffic/har');
    $('export-jsonl').href = url('/traffic/jsonl');
    $('pause').addEventListener('click', togglePause);
    $('clear').addEventListener('click', clearView);
    document.addEventListener('keydown', keys);
    connect();
    load().then(() => T.session.follow(followedSession()));
    counts();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(window.Traffic = window.Traffic || {});
