// Runs queries through the site's own search client (search.js, as the
// browser loads it) over a built index read from disk, counting the bytes
// of the index files each query loads.
// Usage: node search_query.mjs SITE_DIR QUERIES_JSON
//          QUERIES_JSON: [{"q": "...", "area"?, "unit"?, "year"?}, ...]
//        node search_query.mjs --tokens STRINGS_JSON
// Prints JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';

const [first, second] = process.argv.slice(2);
const require = createRequire(import.meta.url);

if (first === '--tokens') {
  const client = loadClient(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../themes/default/static/search.js'));
  console.log(JSON.stringify(JSON.parse(second).map((s) => client.tokens(s))));
  process.exit(0);
}

const site = first;
const client = loadClient(path.join(site, 'search.js'));
const queries = JSON.parse(second);
const out = [];
for (const query of queries) {
  const files = new Map();
  const load = async (name) => {
    const file = path.join(site, 'search', name + '.js');
    const source = readFileSync(file, 'utf8');
    files.set(name, Buffer.byteLength(source));
    let data;
    vm.runInNewContext(source, { reportalSearch: (_, d) => { data = d; } });
    return data;
  };
  const search = client.createSearch(load);
  const result = await search.run(query.q, query);
  const shown = await search.page(result, 0, 10);
  // What a reader's first screen of results costs; then every result.
  const bytes = [...files.values()].reduce((a, b) => a + b, 0);
  const count = files.size;
  // FIRST_SCREEN_ONLY: for measuring a large site, without loading it all.
  const every = process.env.FIRST_SCREEN_ONLY ? shown : await search.page(result, 0, result.ids.length);
  out.push({
    query,
    total: result.total,
    partial: result.partial,
    urls: every.map((d) => d.url),
    phrases: every.map((d) => d.phrase),
    results: shown.map((d) => ({
      url: d.url, month: d.month, unit: d.unit, area: d.area, phrase: d.phrase,
      snippet: client.snippet(d, result, 140).map(([t, m]) => (m ? `[${t}]` : t)).join(''),
    })),
    files: count,
    bytes,
  });
}
console.log(JSON.stringify(out, null, 1));

function loadClient(file) {
  const module = { exports: {} };
  vm.runInNewContext(readFileSync(file, 'utf8'), { module, TextEncoder, globalThis: {} });
  return module.exports;
}
