// End to end in the system's Chromium: a writer keeps the month page of
// `reportal serve` open and saves their report.
// Usage: node live.mjs BASE_URL SITE_DIR [REPORT PAGE]
//   REPORT (default content/2015-12.md) must contain the text 初稿内容 and a
//   line `month: 2015-12`-like; PAGE (default months/2015-12/index.html) shows it.
// - an edit on disk shows on the open page by itself, at the same scroll place;
// - a broken front matter shows an overlay naming the file; the repair removes it;
// - a stylesheet-only change swaps the stylesheet without reloading;
// - nothing is requested from another host.
// Prints JSON with the save-to-visible times; exits 1 on a failure.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const [base, site, reportPath = 'content/2015-12.md', pagePath = 'months/2015-12/index.html'] = process.argv.slice(2);
const report = path.join(site, reportPath);
const failures = [];
const timings = {};
const check = (ok, what) => { if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
const hosts = new Set();
page.on('request', (r) => hosts.add(new URL(r.url()).host));
await page.goto(new URL(pagePath, base).href);
// The event stream is open once the page has said hello.
await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/__reportal/live')));
await page.waitForTimeout(200);

async function save(text, until, name, arg = null) {
  const started = Date.now();
  writeFileSync(report, text);
  try {
    await page.waitForFunction(until, arg, { timeout: 10000 });
    timings[name] = Date.now() - started;
  } catch {
    failures.push(`${name}: not seen within 10 s`);
  }
}

const original = readFileSync(report, 'utf8');
await page.evaluate(() => window.scrollTo(0, 400));
await save(original.replace('初稿内容', '保存后的新内容'),
  () => document.body.innerText.includes('保存后的新内容'), 'edit');
await page.waitForTimeout(300);
const y = await page.evaluate(() => window.scrollY);
check(Math.abs(y - 400) < 5, `scroll position after reload: ${y}, expected 400`);

await save(original.replace(/^month: /m, 'month: ['),
  (file) => document.getElementById('reportal-problem')?.innerText.includes(file), 'overlay', reportPath);
check(await page.evaluate(() => document.body.innerText.includes('保存后的新内容')), 'last good build not kept under the overlay');

await save(original.replace('初稿内容', '修好之后'),
  () => !document.getElementById('reportal-problem') && document.body.innerText.includes('修好之后'), 'repair');

// Stylesheet only: the page is not reloaded (a marker on window survives).
await page.evaluate(() => { window.reportalMarker = 1; });
mkdirSync(path.join(site, 'static'), { recursive: true });
const started = Date.now();
writeFileSync(path.join(site, 'static/style.css'), 'body { background: rgb(1, 2, 3); }');
try {
  await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)', null, { timeout: 10000 });
  timings.css = Date.now() - started;
  check(await page.evaluate(() => window.reportalMarker === 1), 'the page reloaded for a stylesheet change');
} catch {
  failures.push('css: new stylesheet not applied within 10 s');
}

const expected = new URL(base).host;
for (const host of hosts) check(host === expected, `request to another host: ${host}`);
await browser.close();
console.log(JSON.stringify({ timings, failures }, null, 1));
process.exit(failures.length ? 1 : 0);
