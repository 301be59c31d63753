// Helpers shared by the page's scripts. Recorded data is hostile input from clients: it only ever reaches the page
// through textContent, property assignment or setAttribute, never as markup.
(function (T) {
  'use strict';

  const PROPERTIES = new Set(['title', 'href', 'type', 'value', 'checked', 'hidden', 'disabled', 'download', 'tabIndex']);

  // el('td', {class: 'x', dataset: {id: '1'}, title: 't'}, 'text', childNode, ...)
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key === 'style') Object.assign(node.style, value);
      else if (key === 'testid') node.setAttribute('data-testid', value);
      else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else if (PROPERTIES.has(key)) node[key] = value;
      else node.setAttribute(key, String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const pad = (n, width) => String(n).padStart(width || 2, '0');

  function time(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return String(iso || '');
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  }

  function dateTime(iso) {
    const d = new Date(iso);
    return isNaN(d) ? String(iso || '—') : `${d.toLocaleDateString()} ${time(iso)}`;
  }

  function ago(iso) {
    const ms = Date.now() - Date.parse(iso);
    if (!isFinite(ms)) return '';
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return `${s} s ago`;
    if (s < 3600) return `${Math.floor(s / 60)} min ago`;
    return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min ago`;
  }

  function ms(value) {
    if (typeof value !== 'number' || !isFinite(value)) return '';
    if (value < 10) return value.toFixed(2);
    if (value < 1000) return value.toFixed(1);
    return Math.round(value).toLocaleString();
  }

  const bytes = (n) => (typeof n === 'number' ? `${n.toLocaleString()} B` : '');
  const short = (id) => (id && id.length > 10 ? id.slice(0, 8) + '…' : id || '');
  const utf8Length = (text) => new TextEncoder().encode(text || '').length;

  const ERAS = {
    legacy: { label: '2025', title: '2025 session revisions (initialize, Mcp-Session-Id)' },
    modern: { label: '2026', title: '2026-07-28, stateless (no session; handles for state)' },
    unknown: { label: '?', title: 'not classified: refused before the era was known' },
  };

  function eraBadge(era) {
    const known = ERAS[era] || ERAS.unknown;
    return el('span', { class: `badge era-${era in ERAS ? era : 'unknown'}`, title: known.title, testid: 'era-badge' },
      era || 'unknown');
  }

  // One SSE event's text ("event: message\nid: 3\ndata: {...}") as its fields.
  function parseSse(text) {
    const event = { name: null, id: null, data: null, comments: [], retry: null };
    const data = [];
    for (const line of String(text || '').split(/\r?\n/)) {
      if (line === '') continue;
      if (line.startsWith(':')) { event.comments.push(line.slice(1).trim()); continue; }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') event.name = value;
      else if (field === 'id') event.id = value;
      else if (field === 'retry') event.retry = value;
    }
    if (data.length) event.data = data.join('\n');
    return event;
  }

  const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const HIGHLIGHT_LIMIT = 256 * 1024;

  // JSON text re-indented and highlighted token by token, without JSON.parse: duplicate members, big numbers and a
  // body cut mid-way are shown exactly as sent. Returns null when the text does not start like JSON.
  function jsonNode(text) {
    const first = text.search(/\S/);
    if (first < 0 || !/[[{"\-\dtfn]/.test(text[first])) return null;
    if (text.length > HIGHLIGHT_LIMIT) return el('span', {}, text);
    const out = document.createDocumentFragment();
    const stack = [];
    let plain = '';
    let expectKey = false;
    const flush = () => { if (plain) { out.append(plain); plain = ''; } };
    const token = (cls, s) => { flush(); out.append(el('span', { class: cls }, s)); };
    const newline = () => { plain += '\n' + '  '.repeat(stack.length); };
    let i = first;
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') { i++; continue; }
      if (c === '"') {
        let j = i + 1;
        while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        const s = text.slice(i, j + 1);
        token(expectKey ? 'j-key' : 'j-str', s);
        i = j + 1;
      } else if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        const next = text.slice(i + 1).search(/\S/);
        if (next >= 0 && text[i + 1 + next] === close) { plain += c + close; i += next + 2; expectKey = false; continue; }
        plain += c;
        stack.push(c);
        newline();
        expectKey = c === '{';
        i++;
      } else if (c === '}' || c === ']') {
        stack.pop();
        newline();
        plain += c;
        expectKey = false;
        i++;
      } else if (c === ',') {
        plain += ',';
        newline();
        expectKey = stack[stack.length - 1] === '{';
        i++;
      } else if (c === ':') {
        plain += ': ';
        expectKey = false;
        i++;
      } else {
        LITERAL.lastIndex = i;
        const m = LITERAL.exec(text);
        if (!m) { token('j-bad', text.slice(i)); break; }
        token(m[0] === 'null' ? 'j-null' : /^[tf]/.test(m[0]) ? 'j-bool' : 'j-num', m[0]);
        i += m[0].length;
      }
    }
    flush();
    return out;
  }

  // Parsed JSON, or undefined when the text is not (complete) JSON.
  function tryParse(text) {
    if (typeof text !== 'string' || text.length > 4 * 1024 * 1024) return undefined;
    try { return JSON.parse(text); } catch { return undefined; }
  }

  T.fmt = { el, append, time, dateTime, ago, ms, bytes, short, utf8Length, eraBadge, parseSse, jsonNode, tryParse };
})(window.Traffic = window.Traffic || {});
