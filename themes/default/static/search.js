// Search over the index reportal writes to search/ (see
// src/render/search/mod.rs). The index files are scripts that call
// reportalSearch(name, data): loaded with <script> tags, they work from
// disk (file://) as well as over HTTP. No request leaves the site.
//
// The tokeniser below is the twin of src/render/search/tokens.rs: both
// must give the same tokens (tests/search.rs checks it).
(function (global) {
  'use strict';

  function fold(c) {
    const code = c.codePointAt(0);
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) c = ' ';
    return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }

  function normalize(text) {
    let out = '';
    for (const c of text) out += fold(c);
    return out;
  }

  function isCjk(code) {
    return code === 0x3007 ||
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0x20000 && code <= 0x2fa1f);
  }

  function isWord(c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // CJK runs give overlapping pairs (one character alone: itself); Latin
  // letters and digits give words. In order, repeats included.
  function tokens(text) {
    const found = [];
    let run = null;
    let runLength = 0;
    let word = null;
    for (const c of normalize(text)) {
      if (isWord(c)) word = (word || '') + c;
      else if (word !== null) { found.push(word); word = null; }
      if (isCjk(c.codePointAt(0))) {
        if (run !== null) found.push(run + c);
        run = c;
        runLength += 1;
      } else {
        if (run !== null && runLength === 1) found.push(run);
        run = null;
        runLength = 0;
      }
    }
    if (word !== null) found.push(word);
    if (run !== null && runLength === 1) found.push(run);
    return found;
  }

  const encoder = new TextEncoder();
  // FNV-1a of the UTF-8 bytes, modulo the number of token files.
  function shardOf(token, files) {
    let hash = 0x811c9dc5;
    for (const byte of encoder.encode(token)) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    }
    return hash & (files - 1);
  }

  // Gaps from the previous document (the first from -1); -k: k in a row.
  function decode(list) {
    const docs = [];
    let last = -1;
    for (const value of list) {
      if (value < 0) for (let k = 0; k < -value; k++) docs.push(++last);
      else docs.push(last += value);
    }
    return docs;
  }

  // Phrase-checked before the rest: this many first candidates (the
  // first screen of results).
  const LOOKAHEAD = 10;

  // A search over the index that `load(name)` reads (a promise of the
  // data of search/<name>.js).
  function createSearch(load) {
    const index = load('index');

    async function postings(token) {
      const files = (await index).tokenFiles;
      const file = await load('t/' + shardOf(token, files));
      return Object.prototype.hasOwnProperty.call(file, token) ? decode(file[token]) : [];
    }

    async function doc(id) {
      const manifest = await index;
      const file = await load('d/' + Math.floor(id / manifest.docsPerFile));
      const row = file[id % manifest.docsPerFile];
      return {
        id,
        month: row[0],
        unit: manifest.units[row[1]],
        area: manifest.areas[row[2]],
        url: row[3],
        heading: row[4],
        progress: row[5],
        plan: row[6],
      };
    }

    // Every whitespace-separated part of the query, as written, in the
    // document's month, names or text.
    function isPhrase(found, terms) {
      const text = normalize([found.month, found.unit, found.area, found.heading,
        found.progress, found.plan].join('\n'));
      return terms.every((term) => text.includes(term));
    }

    // filters: { area, unit, year } (ids; empty: any).
    async function run(query, filters) {
      const terms = normalize(query).split(/\s+/).filter(Boolean);
      const wanted = [...new Set(tokens(query))];
      const required = ['area', 'unit', 'year']
        .filter((key) => filters && filters[key])
        .map((key) => key + ':' + filters[key]);
      const manifest = await index;
      if (wanted.length === 0) return { total: 0, partial: false, terms, tokens: wanted, ids: [], checked: 0, docs: new Map() };
      const [textLists, filterLists] = await Promise.all([
        Promise.all(wanted.map(postings)),
        Promise.all(required.map(postings)),
      ]);
      let allowed = null;
      for (const list of filterLists) {
        const set = new Set(list);
        allowed = allowed === null ? set : new Set([...allowed].filter((id) => set.has(id)));
      }
      const counts = new Uint16Array(manifest.docs);
      for (const list of textLists) for (const id of list) counts[id] += 1;
      let best = 0;
      for (let id = 0; id < counts.length; id++) {
        if (counts[id] > best && (allowed === null || allowed.has(id))) best = counts[id];
      }
      const ids = [];
      if (best > 0) {
        for (let id = 0; id < counts.length; id++) {
          if (counts[id] === best && (allowed === null || allowed.has(id))) ids.push(id);
        }
      }
      // Documents are newest first; the first ones with the query's words
      // as written (not only its pairs, scattered) come before the rest.
      const head = await Promise.all(ids.slice(0, LOOKAHEAD).map(doc));
      const docs = new Map(head.map((found) => {
        found.phrase = isPhrase(found, terms);
        return [found.id, found];
      }));
      const ordered = [...head.filter((d) => d.phrase), ...head.filter((d) => !d.phrase)]
        .map((d) => d.id)
        .concat(ids.slice(LOOKAHEAD));
      return { total: ids.length, partial: best < wanted.length, terms, tokens: wanted, ids: ordered, docs };
    }

    // Results `start`.. `start + count` of a run, with their documents.
    async function page(result, start, count) {
      const ids = result.ids.slice(start, start + count);
      return Promise.all(ids.map(async (id) => {
        if (!result.docs.has(id)) {
          const found = await doc(id);
          found.phrase = isPhrase(found, result.terms);
          result.docs.set(id, found);
        }
        return result.docs.get(id);
      }));
    }

    return { run, page };
  }

  // A short passage of the document around the first match, as runs of
  // [text, highlighted].
  function snippet(found, result, size) {
    const text = (found.progress + ' ' + found.plan).replace(/\s+/g, ' ').trim();
    const haystack = normalize(text); // same length: folding keeps UTF-16 units
    const needles = [...new Set([...result.terms, ...result.tokens.filter((t) => [...t].length > 1)])]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    const marks = [];
    for (const needle of needles) {
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        marks.push([at, at + needle.length]);
      }
    }
    marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    // Around the query as written, if the text has it; else its first pair.
    const whole = result.terms.map((term) => haystack.indexOf(term)).filter((at) => at >= 0);
    const first = whole.length ? Math.min(...whole) : marks.length ? marks[0][0] : 0;
    const start = Math.max(0, first - Math.floor(size / 4));
    const end = Math.min(text.length, start + size);
    const runs = [];
    if (start > 0) runs.push(['…', false]);
    let at = start;
    for (const [from, to] of marks) {
      if (to <= at || from >= end) continue;
      const a = Math.max(from, at);
      if (a > at) runs.push([text.slice(at, a), false]);
      const b = Math.min(to, end);
      runs.push([text.slice(a, b), true]);
      at = b;
    }
    if (at < end) runs.push([text.slice(at, end), false]);
    if (end < text.length) runs.push(['…', false]);
    return runs;
  }

  const api = { normalize, tokens, shardOf, decode, createSearch, snippet };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // In the browser: index files come as scripts.
  const waiting = new Map();
  const loaded = new Map();
  global.reportalSearch = function (name, data) {
    const resolve = waiting.get(name);
    if (resolve) resolve(data);
  };
  function loadScript(root, name) {
    if (!loaded.has(name)) {
      loaded.set(name, new Promise((resolve, reject) => {
        waiting.set(name, resolve);
        const script = document.createElement('script');
        script.src = root + 'search/' + name + '.js';
        script.onerror = () => reject(new Error(script.src));
        document.head.appendChild(script);
      }));
    }
    return loaded.get(name);
  }

  function start() {
    const app = document.getElementById('search-app');
    if (!app) return;
    const strings = app.dataset;
    const root = strings.root;
    const form = document.getElementById('search-form');
    const input = document.getElementById('search-q');
    const status = document.getElementById('search-status');
    const list = document.getElementById('search-results');
    const more = document.getElementById('search-more');
    const search = createSearch((name) => loadScript(root, name));
    const PAGE = 10;
    let current = null;
    let shown = 0;
    let generation = 0;

    const params = new URLSearchParams(location.search);
    for (const field of ['q', 'area', 'unit', 'year']) {
      const element = form.elements[field];
      if (element && params.get(field)) element.value = params.get(field);
    }

    function filters() {
      const value = (name) => (form.elements[name] ? form.elements[name].value : '');
      return { area: value('area'), unit: value('unit'), year: value('year') };
    }

    function item(found) {
      const li = document.createElement('li');
      const article = document.createElement('article');
      article.className = 'search-result';
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = root + found.url;
      link.textContent = found.area + (found.heading ? '：' + found.heading : '');
      heading.appendChild(link);
      const meta = document.createElement('p');
      meta.className = 'search-meta';
      // A site that names no unit: the month alone.
      meta.textContent = found.unit ? found.month + ' · ' + found.unit : found.month;
      const text = document.createElement('p');
      text.className = 'search-snippet';
      for (const [part, marked] of snippet(found, current, 140)) {
        if (marked) {
          const mark = document.createElement('mark');
          mark.textContent = part;
          text.appendChild(mark);
        } else {
          text.appendChild(document.createTextNode(part));
        }
      }
      article.append(heading, meta, text);
      li.appendChild(article);
      return li;
    }

    async function showMore() {
      const mine = generation;
      const found = await search.page(current, shown, PAGE);
      if (mine !== generation) return;
      for (const result of found) list.appendChild(item(result));
      shown += found.length;
      more.hidden = shown >= current.ids.length;
    }

    async function run() {
      const mine = ++generation;
      const query = input.value.trim();
      list.replaceChildren();
      more.hidden = true;
      if (!query) { status.textContent = ''; return; }
      status.textContent = strings.loading;
      try {
        const result = await search.run(query, filters());
        if (mine !== generation) return;
        current = result;
        shown = 0;
        status.textContent = result.total ? strings.results.replace('{n}', result.total) : strings.none;
        await showMore();
      } catch (error) {
        if (mine === generation) status.textContent = strings.failed + error.message;
      }
    }

    function remember() {
      const query = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
      try { history.replaceState(null, '', '?' + query); } catch (_) { /* file:// may refuse */ }
    }

    form.addEventListener('submit', (event) => { event.preventDefault(); remember(); run(); });
    form.addEventListener('change', () => { remember(); run(); });
    let timer = null;
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 250); });
    more.addEventListener('click', showMore);
    run();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
