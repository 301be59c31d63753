// The detail view of one exchange: what was sent, what came back, when each event left, and what went wrong.
(function (T) {
  'use strict';

  const { el, append, dateTime, ms, bytes, utf8Length, eraBadge, parseSse, jsonNode } = T.fmt;
  let aside;
  const handlers = { close: () => {}, session: () => {} };

  function copyButton(label, text) {
    const button = el('button', { type: 'button', class: 'small' }, label);
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text());
        button.textContent = 'copied';
      } catch {
        button.textContent = 'copy failed';
      }
      setTimeout(() => { button.textContent = label; }, 1500);
    });
    return button;
  }

  function headersTable(headers, testid) {
    if (!headers || !headers.length) return el('p', { class: 'muted', testid }, 'no headers recorded');
    return el('table', { class: 'headers', testid },
      el('tbody', {}, headers.map(([name, value]) =>
        el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, value)))));
  }

  function truncation(part) {
    if (!part || !part.truncated) return null;
    return el('span', { class: 'badge cut', testid: 'truncated', title: 'the recording keeps only the start of large bodies' },
      `cut at ${utf8Length(part.text).toLocaleString()} of ${(part.bytes || 0).toLocaleString()} bytes`);
  }

  // Pretty JSON (highlighted) with a switch to the text exactly as recorded.
  function code(text) {
    const pre = el('pre', { class: 'code' });
    const pretty = jsonNode(text);
    if (!pretty) {
      pre.textContent = text;
      return { pre, toggle: null };
    }
    let raw = false;
    pre.append(pretty);
    const toggle = el('button', { type: 'button', class: 'small', title: 'the text exactly as recorded' }, 'raw');
    toggle.addEventListener('click', () => {
      raw = !raw;
      toggle.textContent = raw ? 'pretty' : 'raw';
      pre.replaceChildren(raw ? document.createTextNode(text) : jsonNode(text));
    });
    return { pre, toggle };
  }

  function body(part, testid) {
    if (!part) return el('p', { class: 'muted', testid }, 'no body');
    const { pre, toggle } = code(part.text || '');
    return el('div', { class: 'body', testid },
      el('div', { class: 'body-bar' }, el('span', { class: 'muted' }, bytes(part.bytes)), truncation(part),
        el('span', { class: 'spacer' }), toggle, copyButton('copy', () => part.text || '')),
      pre,
      part.truncated ? el('div', { class: 'cut-here', testid: 'cut-here' }, '✂ the recording stops here') : null);
  }

  function timeline(ex) {
    const events = ex.events || [];
    const span = Math.max(Number(ex.durationMs) || 0, ...events.map((e) => Number(e.offsetMs) || 0), 1);
    const bar = el('div', { class: 'timeline-bar', title: `0 – ${ms(span)} ms` },
      events.map((e) => el('span', { class: 'tick', style: { left: `${(100 * (Number(e.offsetMs) || 0) / span).toFixed(2)}%` }, title: `+${ms(e.offsetMs)} ms` })));
    const items = events.map((e, index) => {
      const sse = parseSse(e.text);
      const content = sse.data !== null ? code(sse.data).pre : el('pre', { class: 'code muted' }, sse.comments.map((c) => `: ${c}`).join('\n') || e.text);
      return el('li', { testid: 'detail-event' },
        el('div', { class: 'event-bar' },
          el('span', { class: 'offset', testid: 'event-offset' }, `+${ms(e.offsetMs)} ms`),
          el('span', {}, `#${index + 1}`),
          sse.name ? el('span', { class: 'badge' }, sse.name) : null,
          sse.id !== null ? el('span', { class: 'muted' }, `id ${sse.id}`) : null,
          sse.data === null && sse.comments.length ? el('span', { class: 'muted' }, 'comment') : null,
          el('span', { class: 'muted' }, bytes(e.bytes)), truncation(e)),
        content);
    });
    return el('div', { class: 'events', testid: 'detail-events' },
      bar,
      ex.eventsDropped ? el('p', { class: 'warn', testid: 'events-dropped' },
        `${ex.eventsDropped.toLocaleString()} more event(s) were sent but not recorded (past the recording's cap)`) : null,
      el('ol', { class: 'event-list' }, items));
  }

  function diagnosis(record) {
    const error = record.error;
    if (!error) return null;
    const data = error.data === null || error.data === undefined ? null
      : typeof error.data === 'string' ? error.data : JSON.stringify(error.data);
    return el('section', { class: 'diagnosis', testid: 'detail-error' },
      el('h3', {}, record.ex.error ? 'Refused' : 'JSON-RPC error', ' ', el('span', { class: 'fault rpc', testid: 'error-code' }, error.code)),
      el('p', { class: 'message', testid: 'error-message' }, error.message || ''),
      data ? code(data).pre : null);
  }

  // Why the resource server refused the request (401/403): the challenge's reason, and what it judged.
  function verdict(ex) {
    const v = ex.authVerdict;
    if (!v) return null;
    const list = (items) => (items && items.length ? items.join(' ') : el('span', { class: 'muted' }, 'none'));
    const audience = v.audience || {};
    return el('section', { class: 'diagnosis', testid: 'detail-auth-verdict' },
      el('h3', {}, 'Token verdict ', el('span', { class: 'fault rpc' }, v.mode || '')),
      el('p', { class: 'message', testid: 'auth-reason' }, v.reason || ''),
      el('dl', { class: 'facts' },
        fact('signature', v.signatureVerified ? '✅ verified' : '❌ not verified'),
        fact('issuer', v.issuer || el('span', { class: 'muted' }, 'not present')),
        fact('audience expected', audience.expected || ''),
        fact('audience found', audience.matches ? '✅ ' : '❌ ', list(audience.found)),
        fact('expires', v.expires ? dateTime(v.expires) : el('span', { class: 'muted' }, 'not present')),
        fact('scopes granted', list(v.scopesGranted)),
        v.scopesMissing && v.scopesMissing.length ? fact('scopes needed', list(v.scopesNeeded)) : null,
        v.scopesMissing && v.scopesMissing.length ? fact('scopes missing', el('span', { testid: 'auth-missing' }, v.scopesMissing.join(' '))) : null));
  }

  function curl(ex) {
    const quote = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;
    const skip = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding']);
    const parts = ['curl', '-sS', '-X', ex.httpMethod, quote(location.origin + (ex.path || '/mcp'))];
    for (const [name, value] of ex.requestHeaders || []) {
      if (!skip.has(String(name).toLowerCase())) parts.push('-H', quote(`${name}: ${value}`));
    }
    if (ex.requestBody) parts.push('--data-raw', quote(ex.requestBody.text));
    return parts.join(' ');
  }

  function fact(label, ...value) {
    return [el('dt', {}, label), el('dd', {}, ...value)];
  }

  function show(record) {
    const ex = record.ex;
    const session = ex.session
      ? el('button', { type: 'button', class: 'link', testid: 'detail-session', title: 'filter to this session', on: { click: () => handlers.session(ex.session) } }, ex.session)
      : el('span', { class: 'muted' }, 'none');
    aside.replaceChildren();
    append(aside, [
      el('header', { class: 'detail-head' },
        el('h2', { testid: 'detail-title' },
          el('span', { class: `status s${Math.floor((Number(ex.status) || 0) / 100)}xx` }, ex.status), ' ',
          `${ex.httpMethod} ${ex.path || ''}`, ex.method ? ` · ${ex.method}` : '', ex.tool ? ` · ${ex.tool}` : ''),
        el('button', { type: 'button', class: 'close', title: 'close (Esc)', testid: 'detail-close', on: { click: () => handlers.close() } }, '×')),
      el('dl', { class: 'facts' },
        fact('started', dateTime(ex.started)),
        fact('duration', `${ms(ex.durationMs)} ms`),
        fact('era', eraBadge(ex.era), ' ', ex.protocolVersion || ''),
        fact(ex.sessionKind || 'session', session),
        fact('JSON-RPC id', ex.rpcId === null || ex.rpcId === undefined ? el('span', { class: 'muted' }, 'none') : ex.rpcId),
        fact('end', ex.end || ''),
        ex.fault ? fact('injected fault', el('span', { class: 'badge injected', testid: 'detail-fault' }, ex.fault)) : null,
        fact('node', ex.node || ''),
        fact('exchange', ex.id)),
      el('div', { class: 'actions' },
        copyButton('copy as curl', () => curl(ex)),
        copyButton('copy JSON', () => JSON.stringify(ex, null, 2))),
      diagnosis(record),
      verdict(ex),
      el('section', {}, el('h3', {}, 'Request'),
        headersTable(ex.requestHeaders, 'detail-request-headers'),
        body(ex.requestBody, 'detail-request-body')),
      el('section', {}, el('h3', {}, 'Response'),
        headersTable(ex.responseHeaders, 'detail-response-headers'),
        ex.events && ex.events.length ? null
          : !ex.responseBody && ex.httpMethod === 'GET' ? el('p', { class: 'muted', testid: 'detail-response-body' }, 'no events recorded')
            : body(ex.responseBody, 'detail-response-body'),
        ex.events && ex.events.length ? el('h4', {}, `Events (${ex.events.length})`) : null,
        ex.events && ex.events.length ? timeline(ex) : null)]);
    aside.hidden = false;
    aside.dataset.id = ex.id;
    aside.scrollTop = 0;
  }

  function hide() {
    aside.hidden = true;
    aside.replaceChildren();
    delete aside.dataset.id;
  }

  function init(on) {
    Object.assign(handlers, on);
    aside = document.querySelector('[data-testid="detail"]');
  }

  T.detail = { init, show, hide, shownId: () => aside.dataset.id || null };
})(window.Traffic = window.Traffic || {});
