// End to end in the system's Chromium: a writer keeps the month page of
// `reportal serve` open and saves their report.
// Usage: node live.mjs BASE_URL SITE_DIR [REPORT PAGE]
//   REPORT (default content/2015-12.md) must contain the text 初稿内容 and a
//   line `month: 2015-12`-like; PAGE (default months/2015-12/index.html) shows it.
// - an edit on disk shows on the open page by itself, at the same scroll place;
// - a broken front matter shows an overlay naming the file (and, given
//   OVERLAY_TITLE / OVERLAY_TEXT, saying them); the repair removes it;
// - a stylesheet-only change swaps the stylesheet without reloading;
// - the focused link keeps the focus across a reload;
// - many open tabs all follow a save and new pages still load (one shared
//   event stream, not one connection per tab);
// - a change of the site's language reloads the page fully;
// - nothing is requested from another host.
// Prints JSON with the save-to-visible times; exits 1 on a failure.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
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
const context = await browser.newContext({ viewport: { width: 1280, height: 600 } });
const page = await context.newPage();
const hosts = new Set();
page.on('request', (r) => hosts.add(new URL(r.url()).host));
await page.goto(new URL(pagePath, base).href);
// Listening once the page has had the server's hello.
const connected = () => document.documentElement.dataset.reportalLive === 'connected';
await page.waitForFunction(connected);
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
// The overlay speaks the language of reportal's messages, when told which.
for (const [name, wanted] of [['OVERLAY_TITLE', process.env.OVERLAY_TITLE], ['OVERLAY_TEXT', process.env.OVERLAY_TEXT]]) {
  if (!wanted) continue;
  const shown = await page.evaluate(() => document.getElementById('reportal-problem')?.innerText ?? '');
  check(shown.includes(wanted), `${name}: overlay does not say "${wanted}": ${shown.slice(0, 300)}`);
}

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

// Focus stays on the link it was on.
const link = 'nav.breadcrumb a';
await page.focus(link);
const focusedHref = await page.evaluate(() => document.activeElement.getAttribute('href'));
await save(original.replace('初稿内容', '焦点测试'), () => document.body.innerText.includes('焦点测试'), 'focus');
check(await page.evaluate((href) => document.activeElement?.getAttribute('href') === href, focusedHref),
  'focus lost by the reload');

// Eight tabs on one server: all follow a save, and a ninth page loads.
const tabs = [];
for (let i = 0; i < 7; i++) {
  const tab = await context.newPage();
  await tab.goto(new URL(pagePath, base).href);
  await tab.waitForFunction(connected, null, { timeout: 10000 });
  tabs.push(tab);
}
await save(original.replace('初稿内容', '八个标签页'), () => document.body.innerText.includes('八个标签页'), 'tabs');
for (const [i, tab] of tabs.entries()) {
  try {
    await tab.waitForFunction(() => document.body.innerText.includes('八个标签页'), null, { timeout: 5000 });
  } catch {
    failures.push(`tab ${i + 2} did not follow the save`);
  }
}
const ninth = await context.newPage();
try {
  await ninth.goto(new URL(pagePath, base).href, { timeout: 5000 });
} catch {
  failures.push('a ninth page did not load while eight were open');
}
for (const tab of [...tabs, ninth]) await tab.close();

// The site's language changes the whole page: a full reload.
await page.evaluate(() => { window.reportalMarker = 2; });
const siteYaml = path.join(site, 'site.yaml');
const yamlBefore = existsSync(siteYaml) ? readFileSync(siteYaml, 'utf8') : null;
writeFileSync(siteYaml, (yamlBefore || '').replace(/^language:.*$/m, '') + '\nlanguage: en\n');
try {
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10000 });
  check(await page.evaluate(() => window.reportalMarker === undefined), 'the language changed without a full reload');
} catch {
  failures.push('language: <html lang> not updated within 10 s');
}
if (yamlBefore === null) unlinkSync(siteYaml); else writeFileSync(siteYaml, yamlBefore);

const expected = new URL(base).host;
for (const host of hosts) check(host === expected, `request to another host: ${host}`);
await browser.close();
console.log(JSON.stringify({ timings, failures }, null, 1));
process.exit(failures.length ? 1 : 0);
