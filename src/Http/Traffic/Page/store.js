// The exchanges this page holds, ordered by when they ended (the order the live feed sends them), and what is wrong
// with each one.
(function (T) {
  'use strict';

  const { parseSse, tryParse } = T.fmt;
  const MAX_KEPT = 20000;
  const records = [];
  const byId = new Map();
  const nodes = new Set();
  let clearedUpTo = -Infinity;

  function endOf(ex) {
    const started = Date.parse(ex.started);
    return (isFinite(started) ? started : Date.now()) + (Number(ex.durationMs) || 0);
  }

  // The JSON-RPC messages the server answered with: the JSON body, or the data of each SSE event.
  function answers(ex) {
    const texts = [];
    if (ex.responseBody && !ex.responseBody.truncated) texts.push(ex.responseBody.text);
    for (const event of ex.events || []) {
      const data = event.truncated ? null : parseSse(event.text).data;
      if (data) texts.push(data);
    }
    const messages = [];
    for (const text of texts) {
      if (!/"(error|isError)"/.test(text || '')) continue;
      const parsed = tryParse(text);
      for (const message of Array.isArray(parsed) ? parsed : [parsed]) if (message && typeof message === 'object') messages.push(message);
    }
    return messages;
  }

  // fault: 'http' (status >= 400), 'rpc' (a JSON-RPC error), 'tool' (a result with isError: true), or null.
  function classify(record) {
    const ex = record.ex;
    let error = ex.error || null;
    let toolError = false;
    for (const message of answers(ex)) {
      if (!error && message.error && typeof message.error === 'object') error = message.error;
      if (message.result && message.result.isError === true) toolError = true;
    }
    record.fault = ex.status >= 400 ? 'http' : error ? 'rpc' : toolError ? 'tool' : null;
    record.error = error;
    record.rpcErrorCode = error ? error.code : undefined;
    record.faultTitle = error ? `${error.code}: ${error.message}`
      : toolError ? 'the tool answered with isError: true'
        : record.fault ? `HTTP ${ex.status}` : '';
  }

  // 'appended' when ex is the newest so far, 'inserted' when the list must be redrawn (ex belongs further back, or the
  // oldest were let go), null when it is already held, or was cleared away.
  // A GET stream comes first as 'open' (still running), then again, with the same id, when it ends: that replaces it.
  function add(ex) {
    if (!ex || typeof ex.id !== 'string') return null;
    const held = byId.get(ex.id);
    if (held && (held.ex.end !== 'open' || ex.end === 'open')) return null;
    if (held) {
      records.splice(records.indexOf(held), 1);
      byId.delete(ex.id);
    }
    const record = { ex, end: endOf(ex), fault: null };
    if (record.end <= clearedUpTo) return null;
    classify(record);
    byId.set(ex.id, record);
    if (ex.node) nodes.add(ex.node);
    let result = held ? 'inserted' : 'appended';
    if (!records.length || records[records.length - 1].end <= record.end) {
      records.push(record);
    } else {
      let low = 0;
      let high = records.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (records[mid].end <= record.end) low = mid + 1;
        else high = mid;
      }
      records.splice(low, 0, record);
      result = 'inserted';
    }
    if (records.length > MAX_KEPT) {
      for (const old of records.splice(0, records.length - MAX_KEPT + 1000)) byId.delete(old.ex.id);
      result = 'inserted';
    }
    return result;
  }

  // Forgets every exchange held, and any older one that a later load brings back.
  function clear() {
    if (records.length) clearedUpTo = Math.max(clearedUpTo, records[records.length - 1].end);
    records.length = 0;
    byId.clear();
  }

  // Every record that passes `test`, oldest first.
  const matching = (test) => records.filter(test);

  T.store = { add, clear, matching, get: (id) => byId.get(id), size: () => records.length, nodes, record: (ex) => byId.get(ex.id) };
})(window.Traffic = window.Traffic || {});
