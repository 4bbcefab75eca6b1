// The "Done when" of issue 16, in the system's Chromium, from disk, on a
// built province (bench/generate.py --province: 22 units, its shape.json
// says which units start late, miss the latest month or only drafted it).
// Usage: node province.mjs SITE_DIR SHAPE_JSON
// Prints JSON {checks: [{check, page, width, ok, detail}]}; exits 1 when one fails.
//
// The pages' markup is left open: a unit is "named" when its name is text
// a reader sees (not hidden, not in a closed <details>) within the first
// 1,800 px; a report is "linked" by an <a> that resolves to its place on the
// month page (the report's article or something inside it) or to a page of
// that unit and month; an area's unit timeline is a page under the area's
// folder linked with the unit's name.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [site, shapeFile] = process.argv.slice(2);
const shape = JSON.parse(readFileSync(shapeFile, 'utf8'));
const unitById = Object.fromEntries(shape.units.map((u) => [u.id, u]));
const FOLD = 1800;
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 360, height: 640 };
const HEIGHT_LIMIT = { 1280: 8 * 800, 360: 20 * 640 };

const home = 'index.html';
const month = `months/${shape.latest}/index.html`;
const area = volunteerArea();
const lateUnit = shape.late[0];
const unitPages = [...new Set(['province', lateUnit, shape.missing[0], shape.draft[0]])].map((id) => `units/${id}/index.html`);

const checks = [];
const record = (check, page, width, ok, detail = '') => checks.push({ check, page, width, ok, detail });

// The area whose heading is 志愿服务重点工作: the one with the chart of 22 units.
function volunteerArea() {
  for (const dir of readdirSync(path.join(site, 'areas'))) {
    const file = path.join(site, 'areas', dir, 'index.html');
    if (existsSync(file) && /<h1[^>]*>[^<]*志愿服务重点工作/.test(readFileSync(file, 'utf8'))) return `areas/${dir}/index.html`;
  }
  throw new Error('no area page for 志愿服务重点工作');
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

async function open(context, rel) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(site, rel)).href);
  return page;
}

// In the page: the names among `names` a reader sees above `fold`, shown as
// not reported: a status word (未报送, 草稿 …) in the same row, item or list,
// or in the label just before it.
function namesAboveFold({ names, fold }) {
  const seen = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 2 && box.height > 2 && style.visibility !== 'hidden' && box.top + window.scrollY < fold;
  };
  const status = /未报送|未报|尚未|草稿|缺报/;
  const marked = (element) => {
    let e = element;
    for (let depth = 0; e && depth < 5 && !e.matches('body, main, section, article'); depth += 1, e = e.parentElement) {
      const label = e.previousElementSibling ? e.previousElementSibling.textContent : '';
      if (status.test(`${e.textContent} ${e.getAttribute('aria-label') || ''} ${e.getAttribute('title') || ''} ${label}`)) return true;
    }
    return false;
  };
  const found = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element) continue;
    for (const name of names) {
      if (!found.has(name) && node.data.includes(name) && seen(element) && marked(element)) found.add(name);
    }
  }
  return names.filter((n) => !found.has(n));
}

// In the page (a month page): the units among `units` with no link above
// `fold` to their report of `month`.
function reportsUnlinked({ units, month, fold }) {
  const here = location.href.split('#')[0];
  const articleOf = (unit) => document.getElementById(`report-${unit}`)
    || [...document.querySelectorAll('article')].find((a) => a.querySelector(`a[href*="units/${unit}/"]`) && a.querySelector('section'));
  const linked = new Set();
  for (const a of document.querySelectorAll('a[href]')) {
    const box = a.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || box.top + window.scrollY >= fold) continue;
    const url = new URL(a.href);
    const target = url.href.split('#')[0];
    for (const unit of units) {
      if (target === here && url.hash) {
        const article = articleOf(unit);
        const aim = document.getElementById(decodeURIComponent(url.hash.slice(1)));
        if (article && aim && article.contains(aim)) linked.add(unit);
      } else if (url.pathname.includes(`/units/${unit}/${month}`)) {
        linked.add(unit);
      }
    }
  }
  return units.filter((u) => !linked.has(u));
}

// In the page: each mention of 未报送 with the month it is about (YYYY-MM),
// or null when none can be told (a legend).
function notReportedMentions() {
  const monthIn = (text) => {
    const m = text.match(/(\d{4})年(\d{1,2})月/) || text.match(/(\d{4})-(\d{2})/);
    return m ? `${m[1]}-${String(m[2]).padStart(2, '0')}` : null;
  };
  const describe = (e) => `${e.textContent} ${e.getAttribute('title') || ''} ${e.getAttribute('aria-label') || ''}`;
  const mentions = [];
  for (const element of document.body.querySelectorAll('*')) {
    const own = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('')
      + (element.getAttribute('title') || '') + (element.getAttribute('aria-label') || '');
    if (!own.includes('未报送')) continue;
    let month = null;
    // Up to the cell or item that holds it, not to the whole table.
    for (let e = element; e && e !== document.body && !month && e.textContent.length < 60; e = e.parentElement) {
      month = monthIn(describe(e));
      if (e.matches('td, th, li')) break;
    }
    const cell = element.closest('td, th');
    if (!month && cell) {
      const table = cell.closest('table');
      const row = cell.parentElement;
      const column = table && table.querySelector('thead tr') && table.querySelector('thead tr').cells[cell.cellIndex];
      const rowHead = row.querySelector('th');
      const joined = `${rowHead ? rowHead.textContent : ''} ${column ? column.textContent : ''}`;
      month = monthIn(joined) || (() => {
        const y = joined.match(/(\d{4})/);
        const m = (column ? column.textContent : '').match(/(\d{1,2})\s*月/);
        return y && m ? `${y[1]}-${m[1].padStart(2, '0')}` : null;
      })();
    }
    mentions.push(month);
  }
  return mentions;
}

// In the page (an area's unit timeline): the units whose entries it links.
function unitsOfEntries() {
  const units = new Set();
  for (const a of document.querySelectorAll('main a[href*="months/"]')) {
    const hash = decodeURIComponent(new URL(a.href).hash.slice(1));
    if (hash) units.add(hash.startsWith('report-') ? hash.slice(7) : hash);
  }
  return [...units];
}

async function checkAtWidth(viewport) {
  const context = await browser.newContext({ viewport });
  const width = viewport.width;
  const pages = [home, month, area, ...unitPages];
  // The area's unit timelines, from its page (check d).
  const timelines = {};
  {
    const page = await open(context, area);
    const links = await page.evaluate((units) => {
      const folder = location.href.replace(/[^/]*$/, '');
      const found = {};
      for (const a of document.querySelectorAll('main a[href]')) {
        const url = a.href.split('#')[0];
        const text = `${a.textContent} ${a.getAttribute('aria-label') || ''} ${a.getAttribute('title') || ''}`;
        for (const unit of units) {
          if (!found[unit.id] && text.includes(unit.name) && url.startsWith(folder) && url !== location.href.split('#')[0]) {
            found[unit.id] = url;
          }
        }
      }
      return found;
    }, shape.units);
    const without = shape.units.filter((u) => !links[u.id]).map((u) => u.name);
    if (width === WIDE.width) record('d: area page links each unit\'s timeline of it', area, width, without.length === 0, without.length ? `no link for ${without.join('、')}` : '');
    // So that "that unit's entries only" can fail: the area page's own entries are many units'.
    const anchors = await page.evaluate(unitsOfEntries);
    const all = shape.units.filter((u) => anchors.some((a) => a === u.id || a.startsWith(`${u.id}-`)));
    if (width === WIDE.width) record('d (detector): the area page links entries of every unit', area, width, all.length === shape.units.length, `${all.length} units' entries`);
    for (const [id, url] of Object.entries(links)) timelines[id] = path.relative(site, decodeURIComponent(new URL(url).pathname).replace(/\/$/, '/index.html'));
    await page.close();
  }
  if (width === WIDE.width) {
    // Three of them: the office, a late starter, one that missed the latest month.
    const some = Object.entries(timelines).filter(([id]) => ['province', lateUnit, shape.missing[0]].includes(id));
    for (const [id, rel] of some) {
      const page = await open(context, rel);
      const units = await page.evaluate(unitsOfEntries);
      const named = await page.evaluate((name) => document.querySelector('main').textContent.includes(name), unitById[id].name);
      // Entry anchors are `<unit>-<area>`; `report-<unit>` is the report.
      const others = units.filter((u) => u !== id && !u.startsWith(`${id}-`));
      const own = units.filter((u) => u === id || u.startsWith(`${id}-`));
      record('d: a unit\'s timeline of an area shows that unit\'s entries only', rel, width,
        named && others.length === 0 && own.length > 0,
        `${named ? '' : 'unit not named; '}${own.length} own, others: ${others.slice(0, 5).join(' ')}`);
      await page.close();
    }
  }
  // One unit's timeline (the late starter's) goes through every page check.
  if (timelines[lateUnit]) pages.push(timelines[lateUnit]);

  for (const rel of pages) {
    const started = Date.now();
    const page = await open(context, rel);
    // e: no sideways scroll.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    record('e: no sideways scroll', rel, width, overflow <= 0, overflow > 0 ? `${overflow} px too wide` : '');
    // f: the home page's height.
    if (rel === home) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      record(`f: home within ${HEIGHT_LIMIT[width]} px`, rel, width, height <= HEIGHT_LIMIT[width], `${height} px`);
    }
    if (width === WIDE.width && (rel === home || rel === month)) {
      // a: every unit without a report of the latest month named near the top.
      const names = [...shape.missing, ...shape.draft].map((id) => unitById[id].name);
      const unnamed = await page.evaluate(namesAboveFold, { names, fold: FOLD });
      record(`a: units not reported named within ${FOLD} px`, rel, width, unnamed.length === 0, unnamed.length ? `not named: ${unnamed.join('、')}` : '');
    }
    if (width === WIDE.width && rel === month) {
      // b: every reported unit's report linked near the top.
      const unlinked = await page.evaluate(reportsUnlinked, { units: shape.reported, month: shape.latest, fold: FOLD });
      record(`b: every report linked within ${FOLD} px`, rel, width, unlinked.length === 0, unlinked.length ? `${unlinked.length} not linked: ${unlinked.map((id) => unitById[id].name).join('、')}` : '');
    }
    if (width === WIDE.width && rel.startsWith('units/')) {
      // c: no 未报送 before a unit's first report; the detector itself is
      // checked on the page of a unit that did miss the latest month.
      const id = rel.split('/')[1];
      const mentions = await page.evaluate(notReportedMentions);
      const early = mentions.filter((m) => m && m < unitById[id].first);
      if (id === lateUnit) record('c: a late unit\'s page shows no 未报送 before its first report', rel, width, early.length === 0, early.length ? `未报送 for ${early.join(' ')} (first report ${unitById[id].first})` : '');
      if (id === shape.missing[0]) record('c (detector): a missed latest month shows as 未报送', rel, width, mentions.includes(shape.latest), `mentions: ${mentions.join(' ')}`);
    }
    // g: axe-core on the home, month, area and unit pages.
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
    record('g: axe-core finds no violation', rel, width, violations.length === 0, violations.join('; '));
    await page.close();
    if (process.env.TIMES) console.error(`${width} ${rel}: ${Date.now() - started} ms`);
  }
  await context.close();
}

await checkAtWidth(WIDE);
await checkAtWidth(NARROW);
await browser.close();
console.log(JSON.stringify({ checks }, null, 1));
process.exit(checks.every((c) => c.ok) ? 0 : 1);
