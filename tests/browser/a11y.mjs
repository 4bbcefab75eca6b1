// Opens built pages in the system's Chromium (from disk, as readers on a
// shared drive do), at desktop and phone widths, and reports:
// - axe-core violations (WCAG 2.x A/AA and best practices),
// - sideways scrolling at 360 px,
// - any request to another host.
// Usage: node a11y.mjs SITE_DIR PAGE...   Prints JSON; exits 1 on a finding.
// A PAGE may end in ?QUERY: the search page is checked with its results.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [site, ...pages] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const findings = [];
let checked = 0;
for (const width of [1280, 360]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) findings.push({ page: page.url(), width, external: request.url() });
  });
  for (const rel of pages) {
    // A page may carry a query (the search page with results).
    const [file, query] = rel.split('?');
    await page.goto(pathToFileURL(path.join(site, file)).href + (query ? `?${query}` : ''));
    if (query) await page.waitForSelector('#search-results li', { timeout: 10000 });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
    for (const v of result.violations) {
      findings.push({ page: rel, width, rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) findings.push({ page: rel, width, rule: 'sideways-scroll', overflow });
    checked += 1;
  }
  await context.close();
}
await browser.close();
console.log(JSON.stringify({ checked, findings }, null, 1));
process.exit(findings.length ? 1 : 0);
