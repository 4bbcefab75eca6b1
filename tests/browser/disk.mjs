// The built site opened from disk (file://), as from a shared drive: a
// reader clicks from the index to the latest month, from an area of it
// to that area's timeline, to the month's printable table, and back.
// Usage: node disk.mjs SITE_DIR   Prints JSON; exits 1 on a failure.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [site] = process.argv.slice(2);
const failures = [];
const steps = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('request', (r) => { if (!r.url().startsWith('file://')) failures.push(`request to ${r.url()}`); });
const where = () => path.relative(site, decodeURIComponent(new URL(page.url()).pathname)) + new URL(page.url()).hash;
async function click(selector, expect, name) {
  try {
    await Promise.all([page.waitForEvent('load'), page.click(selector)]);
  } catch (error) {
    failures.push(`${name}: cannot click ${selector}: ${error.message.split('\n')[0]}`);
    return;
  }
  steps.push(where());
  if (!expect.test(where())) failures.push(`${name}: at ${where()}, expected ${expect}`);
  const title = await page.locator('h1').first().textContent().catch(() => '');
  if (!title) failures.push(`${name}: no heading at ${where()}`);
}

await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
steps.push(where());
await click('.latest h2 a', /^months\/\d{4}-\d\d\/index\.html$/, 'latest month');
await click('section.entry h3 a', /^areas\/[^/]+\/index\.html#\d{4}-\d\d_/, 'area timeline');
await page.goBack();
steps.push(where());
if (!/^months\/\d{4}-\d\d\/index\.html$/.test(where())) failures.push(`back: at ${where()}`);
await click('.page-actions a', /^months\/\d{4}-\d\d\/print\/index\.html$/, 'printable table');
await click('.back a', /^months\/\d{4}-\d\d\/index\.html$/, 'back from the table');
await click('.site-nav a[href$="areas/index.html"]', /^areas\/index\.html$/, 'areas in the menu');
await browser.close();
console.log(JSON.stringify({ steps, failures }, null, 1));
process.exit(failures.length ? 1 : 0);
