// reportal's search against Pagefind on the same built site and queries:
// recall by month page, and the bytes a query loads to show its first ten
// results. Run by bench/search_compare.sh, which builds both indexes.
// reportal's side runs its client (search.js) in Node over files on
// disk; Pagefind's runs in headless Chromium over HTTP, every response
// of a fresh page counted.
// Usage: node search_compare.mjs SITE_DIR QUERY...   Prints a table.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const [site, ...queries] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, '../tests/browser/package.json'));
const { chromium } = require('playwright-core');

const client = (() => {
  const module = { exports: {} };
  vm.runInNewContext(readFileSync(path.join(site, 'search.js'), 'utf8'), { module, TextEncoder, globalThis: {} });
  return module.exports;
})();

// What each month page holds, as plain text, for the expected pages.
const months = readdirSync(path.join(site, 'months'))
  .filter((m) => existsSync(path.join(site, 'months', m, 'index.html')))
  .map((m) => {
    const html = readFileSync(path.join(site, 'months', m, 'index.html'), 'utf8');
    const text = html.replace(/<main[^]*?>/, '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    return { page: `months/${m}/index.html`, text: client.normalize(text) };
  });
const expected = (query) => {
  const terms = client.normalize(query).split(/\s+/).filter(Boolean);
  return new Set(months.filter((m) => terms.every((t) => m.text.includes(t))).map((m) => m.page));
};

async function ours(query) {
  const sizes = new Map();
  const load = async (name) => {
    const source = readFileSync(path.join(site, 'search', name + '.js'), 'utf8');
    sizes.set(name, Buffer.byteLength(source));
    let data;
    vm.runInNewContext(source, { reportalSearch: (_, d) => { data = d; } });
    return data;
  };
  const search = client.createSearch(load);
  const result = await search.run(query, {});
  await search.page(result, 0, 10);
  const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const all = await search.page(result, 0, result.ids.length);
  return { bytes, files: sizes.size, pages: new Set(all.map((d) => d.url.split('#')[0])) };
}

const server = createServer((request, response) => {
  let file = path.join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
  if (file.endsWith('/')) file += 'index.html';
  try {
    const body = readFileSync(file);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

async function pagefind(query) {
  const page = await browser.newPage();
  await page.goto(`${origin}/index.html`);
  let bytes = 0;
  let files = 0;
  page.on('response', async (r) => {
    if (!r.url().includes('/pagefind/')) return;
    try { bytes += (await r.body()).length; files += 1; } catch { /* redirect */ }
  });
  const first = await page.evaluate(async (q) => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    const found = await pf.search(q);
    await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    window.found = found;
    return found.results.length;
  }, query);
  await page.waitForTimeout(200);
  const counted = { bytes, files };
  const urls = await page.evaluate(async () => Promise.all(window.found.results.map(async (r) => (await r.data()).url)));
  await page.close();
  return { ...counted, total: first, pages: new Set(urls.map((u) => u.replace(/^\//, '').split('#')[0].replace(/\/$/, '/index.html'))) };
}

const recall = (want, got) => (want.size ? [...want].filter((p) => got.has(p)).length / want.size : 1);
const rows = [];
for (const query of queries) {
  const want = expected(query);
  const a = await ours(query);
  const b = await pagefind(query);
  rows.push([query, want.size, recall(want, a.pages).toFixed(2), a.pages.size, a.bytes, recall(want, b.pages).toFixed(2), b.pages.size, b.bytes]);
}
await browser.close();
server.close();
console.log('| query | pages holding it | reportal recall | reportal pages | reportal bytes | Pagefind recall | Pagefind pages | Pagefind bytes |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
