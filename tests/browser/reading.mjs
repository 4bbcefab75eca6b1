// Reading a month of many units' reports, in the system's Chromium from
// disk, at 1280 px and 360 px:
// - no PAGE scrolls sideways;
// - on MONTH, while a report's table is read its bar (unit name, column
//   labels) stays at the top of the screen, the next report's bar taking
//   over; the compare-all button opens every "compare with last month's
//   plan" (aria-pressed true) and closes them again; at 1280 px an open plan
//   sits beside the progress it answers, not below it.
// Usage: node reading.mjs SITE_DIR MONTH PAGE...   Prints JSON; exits 1 on a finding.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [site, month, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const findings = [];
const seen = [];
const url = (rel) => pathToFileURL(path.join(site, rel)).href;

for (const width of [1280, 360]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  for (const rel of [month, ...pages]) {
    await page.goto(url(rel));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) findings.push({ page: rel, width, rule: 'sideways-scroll', overflow });
    seen.push(`${rel}@${width}`);
  }

  await page.goto(url(month));
  // The second report's second entry at the top of the screen: its bar is
  // stuck there, naming its unit; the first report's bar has gone.
  const sticky = await page.evaluate(() => {
    const reports = document.querySelectorAll('article.report');
    const entry = reports[1].querySelectorAll('.entry')[1];
    window.scrollTo(0, entry.getBoundingClientRect().top + window.scrollY);
    const bar = reports[1].querySelector('.report-bar');
    if (!bar) return { missing: true };
    const first = reports[0].querySelector('.report-bar').getBoundingClientRect();
    const box = bar.getBoundingClientRect();
    const head = bar.querySelector('.table-head');
    return {
      top: Math.round(box.top),
      firstBottom: Math.round(first.bottom),
      unit: bar.querySelector('.report-bar-unit').textContent,
      expected: reports[1].querySelector('.report-meta a').textContent,
      headShown: getComputedStyle(head).display !== 'none',
      entryBelowBar: Math.round(entry.getBoundingClientRect().top - box.bottom),
    };
  });
  if (sticky.missing) findings.push({ width, rule: 'no-report-bar' });
  else if (sticky.top !== 0) findings.push({ width, rule: 'bar-not-stuck', sticky });
  if (!sticky.missing && sticky.firstBottom > 0) findings.push({ width, rule: 'first-bar-still-shown', sticky });
  if (!sticky.missing && !sticky.unit.includes(sticky.expected)) findings.push({ width, rule: 'bar-names-another-unit', sticky });
  if (!sticky.missing && sticky.headShown !== (width >= 860)) findings.push({ width, rule: 'column-labels', sticky });

  // Compare all: every plan opens, then closes again.
  const button = page.locator('[data-compare-all]');
  if (!(await button.count()) || !(await button.isVisible())) {
    findings.push({ width, rule: 'no-compare-all-button' });
    await context.close();
    continue;
  }
  const state = () => page.evaluate(() => ({
    open: document.querySelectorAll('details.previous-plan[open]').length,
    all: document.querySelectorAll('details.previous-plan').length,
    pressed: document.querySelector('[data-compare-all]').getAttribute('aria-pressed'),
  }));
  const before = await state();
  await button.click();
  const opened = await state();
  if (opened.all < 2 || opened.open !== opened.all || opened.pressed !== 'true') {
    findings.push({ width, rule: 'compare-all-opens', before, opened });
  }
  if (width >= 860) {
    // Beside: the plan's box left of the progress, their tops level.
    const beside = await page.evaluate(() => {
      const entry = document.querySelector('.report-table .entry');
      const plan = entry.querySelector('.previous-plan').getBoundingClientRect();
      const progress = entry.querySelector('.part-progress').getBoundingClientRect();
      return { planRight: plan.right, progressLeft: progress.left, dy: Math.abs(plan.top - progress.top) };
    });
    if (beside.planRight > beside.progressLeft || beside.dy > 4) findings.push({ width, rule: 'plan-not-beside-progress', beside });
  }
  await button.click();
  const closed = await state();
  if (closed.open !== 0 || closed.pressed !== 'false') findings.push({ width, rule: 'compare-all-closes', closed });
  await context.close();
}
await browser.close();
console.log(JSON.stringify({ checked: seen.length, seen, findings }, null, 1));
process.exit(findings.length ? 1 : 0);
