// A reader searches: the built site served under /reports/ by a small
// HTTP server here, a month page opened in Chromium, a query typed into
// the header's search box, the first result followed to its area. Then
// the search page opened from disk (file://). Every request is recorded:
// none may leave the site.
// Usage: node search_e2e.mjs SITE_DIR QUERY   Prints JSON.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [site, query] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };
const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let file = decodeURIComponent(url.pathname);
  if (!file.startsWith('/reports/')) { response.writeHead(404).end(); return; }
  file = path.join(site, file.slice('/reports/'.length));
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const failures = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const requests = [];
page.on('request', (r) => requests.push(r.url()));
page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));

const results = async () => {
  await page.waitForSelector('#search-results li a', { timeout: 10000 });
  return page.$$eval('#search-results li', (items) => items.map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    url: li.querySelector('a').href,
    marked: [...li.querySelectorAll('mark')].map((m) => m.textContent),
  })));
};

const out = { query };
try {
  await page.goto(`${origin}/reports/months/2025-09/index.html`);
  await page.fill('#site-search-q', query);
  await Promise.all([page.waitForEvent('load'), page.press('#site-search-q', 'Enter')]);
  out.searchPage = page.url().slice(origin.length);
  out.served = await results();
  out.status = await page.textContent('#search-status');
  await Promise.all([page.waitForEvent('load'), page.click('#search-results li a')]);
  out.landed = page.url().slice(origin.length);
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
  out.target = await page.evaluate((id) => {
    const element = document.getElementById(id);
    if (!element) return null;
    const box = element.getBoundingClientRect();
    return { tag: element.tagName.toLowerCase(), top: Math.round(box.top), inView: box.top >= 0 && box.top < innerHeight };
  }, id);
} catch (error) {
  failures.push(`served: ${error.message.split('\n')[0]}`);
}
out.foreign = requests.filter((u) => !u.startsWith(origin + '/reports/'));

// From disk: the index is scripts, which load from file:// too.
const disk = await browser.newPage();
const diskRequests = [];
disk.on('request', (r) => diskRequests.push(r.url()));
try {
  const file = pathToFileURL(path.join(site, 'search', 'index.html')).href;
  await disk.goto(`${file}?q=${encodeURIComponent(query)}`);
  await disk.waitForSelector('#search-results li a', { timeout: 10000 });
  out.fromDisk = await disk.$$eval('#search-results li a', (links) => links.map((a) => a.getAttribute('href')));
} catch (error) {
  failures.push(`from disk: ${error.message.split('\n')[0]}`);
}
out.foreignFromDisk = diskRequests.filter((u) => !u.startsWith('file://'));
out.failures = failures;
await browser.close();
server.close();
console.log(JSON.stringify(out, null, 1));
