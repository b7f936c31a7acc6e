// folio in a real browser: Debian's /usr/bin/chromium driven by playwright-core. Run by
// tests/browser/run-browser.sh, which starts lighttpd + folio and sets:
//   FOLIO_URL      http://127.0.0.1:PORT (the site, mounted at "/")
//   FOLIO_SHOTS    folder for the screenshots (build/reports/browser)
//   FOLIO_MODULES  folder whose node_modules/ holds playwright-core (build/browser)
// Prints one "ok - ..." / "not ok - ..." line per check ("#" lines give details), and
// "ok - ... # SKIP reason" for a check that cannot run. Exit status 1 when a check failed.
//
// Only 127.0.0.1 is reached: every request to another origin is aborted (and listed).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const BASE = (process.env.FOLIO_URL || '').replace(/\/$/, '');
const SHOTS = process.env.FOLIO_SHOTS || 'build/reports/browser';
const MODULES = process.env.FOLIO_MODULES || 'build/browser';
if (!BASE) {
  console.log('not ok - FOLIO_URL is not set (run tests/browser/run-browser.sh)');
  process.exit(1);
}
const ORIGIN = new URL(BASE).origin;
const require = createRequire(path.resolve(MODULES, 'package.json'));
const { chromium } = require('playwright-core');

const VIEWPORTS = {
  // A phone: mobile emulation honours <meta name="viewport">; a page without it would be laid
  // out 980px wide and zoomed out, which the overflow check below catches.
  phone: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
};
const PAGES = [
  { path: '/', shot: 'about' },
  { path: '/publications/', shot: 'publications' },
];
const SCHEMES = ['light', 'dark'];
const AUTHOR = 'Xuanlei Zhao';
const TARGET = 'DSP';

let passed = 0, failed = 0, skipped = 0;
function ok(name) { passed++; console.log(`ok - ${name}`); }
function notOk(name, details = []) {
  failed++;
  console.log(`not ok - ${name}`);
  for (const d of details) console.log(`#   ${String(d).replace(/\n/g, '\n#   ')}`);
}
function skip(name, why) { skipped++; console.log(`ok - ${name} # SKIP ${why}`); }
function check(cond, name, details = []) { if (cond) ok(name); else notOk(name, details); return cond; }
function note(text) { console.log(`# ${text}`); }

// A watchdog for the whole run: a hung browser must not hang the test suite.
const WATCHDOG_MS = 240_000;
let browser = null;
const watchdog = setTimeout(async () => {
  notOk(`watchdog: the browser checks did not finish within ${WATCHDOG_MS / 1000} s`);
  try { if (browser) await Promise.race([browser.close(), new Promise(r => setTimeout(r, 5000))]); } catch { /* */ }
  process.exit(1);
}, WATCHDOG_MS);

// One browser context per colour scheme and width; every request that leaves 127.0.0.1 is
// aborted, and failed requests and script errors are collected per page.
async function newContext(scheme, vpName) {
  const ctx = await browser.newContext({ ...VIEWPORTS[vpName], colorScheme: scheme, reducedMotion: 'reduce' });
  ctx.setDefaultTimeout(15_000);
  ctx.setDefaultNavigationTimeout(20_000);
  ctx.external = [];
  await ctx.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith(ORIGIN + '/')) return route.continue();
    ctx.external.push(url);
    return route.abort('blockedbyclient');
  });
  return ctx;
}

async function openPage(ctx, urlPath) {
  const page = await ctx.newPage();
  page.problems = [];
  page.on('pageerror', e => page.problems.push(`script error: ${e.message}`));
  page.on('console', m => { if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`); });
  page.on('response', r => {
    if (r.status() >= 400 && r.url().startsWith(ORIGIN)) page.problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', r => {
    if (r.url().startsWith(ORIGIN)) page.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  const response = await page.goto(BASE + urlPath, { waitUntil: 'load' });
  // Images (the avatar) and layout settled: every <img> complete, two animation frames.
  await page.waitForFunction(() => Array.from(document.images).every(i => i.complete), null, { timeout: 10_000 })
    .catch(() => page.problems.push('images still loading after 10 s'));
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, response };
}

// Horizontal overflow: the document's scroll width against the viewport, and the outermost
// elements that stick out past its right edge (also caught when the page hides its overflow).
async function overflow(page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const vw = de.clientWidth;
    const describe = el => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += '#' + el.id;
      if (el.classList.length) s += '.' + Array.from(el.classList).join('.');
      const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return text ? `${s} "${text}"` : s;
    };
    // Past the right edge only: what lies left of 0 widens no page (and "left: -9999px" is a
    // common way to hide text for screen readers).
    const outside = r => r.right > vw + 0.5;
    // Inside a box that clips or scrolls horizontally (a <pre>, a table) and that itself fits:
    // the reader scrolls that box, not the page.
    const contained = el => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && !outside(a.getBoundingClientRect())) return true;
      }
      return false;
    };
    const offenders = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!outside(r) || contained(el)) continue;
      const p = el.parentElement;
      const pr = p && p.getBoundingClientRect();
      if (p && p !== document.body && pr && outside(pr)) continue; // outermost only
      offenders.push(`${describe(el)}: left ${r.left.toFixed(1)}, right ${r.right.toFixed(1)} (viewport ${vw})`);
      if (offenders.length >= 8) break;
    }
    return { scrollWidth: de.scrollWidth, innerWidth: window.innerWidth, clientWidth: vw, offenders };
  });
}

async function isVisible(page, selector) {
  return page.locator(selector).first().isVisible().catch(() => false);
}

// -------------------------------------------------------------------- the checks of one page

const backgrounds = {};  // "vp path" -> { light: {bg, fg}, dark: {bg, fg} }

async function checkPage(ctx, scheme, vpName, spec) {
  const tag = `${vpName} ${scheme} ${spec.path}`;
  let page;
  try {
    const opened = await openPage(ctx, spec.path);
    page = opened.page;
    const status = opened.response ? opened.response.status() : 0;
    check(status === 200, `${tag}: loads (HTTP ${status})`);

    // folio.css applied (else every layout check below is meaningless).
    const navDisplay = await page.locator('.site-nav').first().evaluate(e => getComputedStyle(e).display).catch(() => 'absent');
    check(navDisplay === 'flex', `${tag}: folio.css applied (.site-nav is display:flex)`, [`got display: ${navDisplay}`]);

    // Navigation: visible, its links visible and inside the viewport, the current one marked.
    const nav = await page.evaluate(() => {
      const n = document.querySelector('.site-nav');
      if (!n) return null;
      return Array.from(n.querySelectorAll('a')).map(a => {
        const r = a.getBoundingClientRect(), cs = getComputedStyle(a);
        return { text: a.textContent.trim(), href: a.getAttribute('href'), current: a.getAttribute('aria-current'),
          left: r.left, right: r.right, top: r.top, bottom: r.bottom, w: r.width, h: r.height,
          shown: cs.visibility !== 'hidden' && cs.display !== 'none' && r.width > 0 && r.height > 0 };
      });
    });
    const navVisible = await isVisible(page, '.site-nav');
    const vw = VIEWPORTS[vpName].viewport.width;
    const badLinks = (nav || []).filter(l => !l.shown || l.left < 0 || l.right > vw || l.top < 0);
    check(navVisible && nav && nav.length >= 2 && badLinks.length === 0,
      `${tag}: navigation visible with its links (${(nav || []).map(l => `${l.text} -> ${l.href}`).join(', ')})`,
      [`.site-nav visible: ${navVisible}; links: ${JSON.stringify(nav)}`]);
    const current = (nav || []).filter(l => l.current === 'page').map(l => l.href);
    check(current.length === 1 && current[0] === spec.path, `${tag}: navigation marks ${spec.path} as the current page`,
      [`aria-current="page" on: ${JSON.stringify(current)}`]);

    // Author sidebar on the About page.
    if (spec.path === '/') {
      const sidebarVisible = await isVisible(page, '.sidebar');
      const name = await page.locator('.sidebar .author-name').first().textContent().catch(() => null);
      const nameVisible = await isVisible(page, '.sidebar .author-name');
      check(sidebarVisible && nameVisible && (name || '').trim() === AUTHOR,
        `${tag}: author sidebar visible with the name "${AUTHOR}"`,
        [`.sidebar visible: ${sidebarVisible}; .author-name: ${JSON.stringify(name)} visible: ${nameVisible}`]);
      const avatar = await page.evaluate(() => {
        const i = document.querySelector('.sidebar .avatar');
        return i ? { natural: i.naturalWidth, width: i.getBoundingClientRect().width } : null;
      });
      check(avatar && avatar.natural > 0 && avatar.width > 0, `${tag}: the avatar image loaded and shows`,
        [`avatar: ${JSON.stringify(avatar)}`]);
    }

    // The #DSP publication.
    if (spec.path === '/publications/') {
      const info = await page.evaluate(id => {
        const e = document.getElementById(id);
        return e ? { tag: e.tagName.toLowerCase(), cls: e.className, title: (e.querySelector('.item-title') || e).textContent.trim().slice(0, 80) } : null;
      }, TARGET);
      const visible = await isVisible(page, `#${TARGET}`);
      check(info && visible, `${tag}: the #${TARGET} entry exists and is visible${info ? ` (${info.tag}.${info.cls}: ${info.title})` : ''}`,
        [`#${TARGET}: ${JSON.stringify(info)}, visible: ${visible}`]);
    }

    // No horizontal overflow.
    const o = await overflow(page);
    check(o.scrollWidth <= o.innerWidth && o.innerWidth === vw && o.offenders.length === 0,
      `${tag}: nothing overflows horizontally (scrollWidth ${o.scrollWidth}, innerWidth ${o.innerWidth}, viewport ${vw})`,
      [`scrollWidth ${o.scrollWidth}, innerWidth ${o.innerWidth} (want ${vw}), clientWidth ${o.clientWidth}`,
        ...o.offenders.map(x => `sticks out: ${x}`)]);

    // No failed request, no script error.
    check(page.problems.length === 0, `${tag}: every resource loaded, no script error`, page.problems);

    // Colours, compared between the schemes after all pages are done.
    const colours = await page.evaluate(() => {
      const cs = getComputedStyle(document.body);
      return { bg: cs.backgroundColor, fg: cs.color };
    });
    const key = `${vpName} ${spec.path}`;
    (backgrounds[key] ||= {})[scheme] = colours;

    // Full-page screenshot.
    const file = path.join(SHOTS, `${spec.shot}-${vpName}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 20_000 });
    const size = fs.statSync(file).size;
    check(size > 1000, `${tag}: full-page screenshot ${path.relative(process.cwd(), file)} (${Math.round(size / 1024)} KiB)`);
  } catch (e) {
    notOk(`${tag}: the page could not be checked`, [e.stack || String(e)]);
  } finally {
    if (page) await page.close().catch(() => {});
  }
}

// -------------------------------------------------------------------- /publications/#DSP

// Waits (5 s) until the element is inside the viewport; returns where it and the page are.
async function targetInView(page) {
  const where = () => page.evaluate(id => {
    const e = document.getElementById(id);
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, scrollY: window.scrollY, innerHeight: window.innerHeight,
      scrollHeight: document.documentElement.scrollHeight, target: e.matches(':target'), hash: location.hash };
  }, TARGET);
  await page.waitForFunction(id => {
    const e = document.getElementById(id);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;
  }, TARGET, { timeout: 5_000 }).catch(() => {});
  return where();
}

function checkInView(w, tag) {
  if (!check(w !== null, `${tag}: #${TARGET} exists`)) return;
  const inView = w.top >= 0 && w.top < w.innerHeight;
  const taller = w.scrollHeight > w.innerHeight;
  check(inView && (!taller || w.scrollY > 0),
    `${tag}: #${TARGET} scrolled into view (top ${w.top.toFixed(0)} of ${w.innerHeight}, scrollY ${w.scrollY.toFixed(0)}, page ${w.scrollHeight} tall)`,
    [JSON.stringify(w)]);
  check(w.target, `${tag}: #${TARGET} is the :target (highlighted)`, [JSON.stringify(w)]);
}

async function checkAnchor(vpName) {
  const ctx = await newContext('light', vpName);
  try {
    // 1. Loading /publications/#DSP directly.
    const tag = `${vpName} /publications/#${TARGET}`;
    let page;
    try {
      const opened = await openPage(ctx, `/publications/#${TARGET}`);
      page = opened.page;
      checkInView(await targetInView(page), tag);
      const file = path.join(SHOTS, `publications-${TARGET}-${vpName}-light.png`);
      await page.screenshot({ path: file, fullPage: false });   // the viewport: shows where it scrolled
      note(`${tag}: viewport screenshot ${path.relative(process.cwd(), file)}`);
    } catch (e) {
      notOk(`${tag}: could not be checked`, [e.stack || String(e)]);
    } finally {
      if (page) await page.close().catch(() => {});
    }

    // 2. Clicking a link to #DSP on the site's own pages (same origin only: the About page's
    //    links are absolute URLs of the live site, which this test does not leave 127.0.0.1 for).
    const found = [];
    for (const spec of PAGES) {
      let p;
      try {
        p = (await openPage(ctx, spec.path)).page;
        const links = await p.evaluate(id => Array.from(document.querySelectorAll('a[href]'))
          .filter(a => a.getAttribute('href').endsWith('#' + id))
          .map(a => ({ href: a.getAttribute('href'), abs: a.href })), TARGET);
        for (const l of links) found.push({ page: spec.path, ...l, local: l.abs.startsWith(ORIGIN + '/') });
      } catch (e) {
        notOk(`${vpName} ${spec.path}: could not look for links to #${TARGET}`, [e.stack || String(e)]);
      } finally {
        if (p) await p.close().catch(() => {});
      }
    }
    const local = found.find(l => l.local);
    const external = found.filter(l => !l.local);
    if (external.length && vpName === 'desktop') {
      note(`links to #${TARGET} that leave the site (not followed): ` +
        [...new Set(external.map(l => `${l.page}: ${l.href}`))].join(', '));
    }
    if (!local) {
      skip(`${vpName}: click a link to #${TARGET}`, `no same-origin link ends in #${TARGET} on ${PAGES.map(p => p.path).join(' or ')}` +
        (external.length ? ` (${external.length} absolute link(s) to the live site instead)` : ''));
      return;
    }
    const ctag = `${vpName} click ${local.href} on ${local.page}`;
    let p;
    try {
      p = (await openPage(ctx, local.page)).page;
      await p.evaluate(() => window.scrollTo(0, 0));
      const link = p.locator(`a[href="${local.href}"]`).first();
      await link.scrollIntoViewIfNeeded();
      await Promise.all([
        p.waitForURL(u => u.hash === `#${TARGET}`, { waitUntil: 'load' }),
        link.click(),
      ]);
      checkInView(await targetInView(p), ctag);
    } catch (e) {
      notOk(`${ctag}: could not be checked`, [e.stack || String(e)]);
    } finally {
      if (p) await p.close().catch(() => {});
    }
  } finally {
    if (ctx.external.length) note(`${vpName}: blocked requests to other origins: ${[...new Set(ctx.external)].join(', ')}`);
    await ctx.close().catch(() => {});
  }
}

// -------------------------------------------------------------------- main

const t0 = Date.now();
try {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    // Playwright gives Chromium a fresh user data dir of its own (in $TMPDIR), removed on close.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  note(`set-up: Chromium ${browser.version()} started headless (${Date.now() - t0} ms)`);  // not a check
} catch (e) {
  notOk('Chromium could not be started from /usr/bin/chromium', [e.stack || String(e)]);
  process.exit(1);
}

try {
  for (const scheme of SCHEMES) {
    for (const vpName of Object.keys(VIEWPORTS)) {
      const ctx = await newContext(scheme, vpName);
      try {
        for (const spec of PAGES) await checkPage(ctx, scheme, vpName, spec);
      } finally {
        if (ctx.external.length) note(`${vpName} ${scheme}: blocked requests to other origins: ${[...new Set(ctx.external)].join(', ')}`);
        await ctx.close().catch(() => {});
      }
    }
  }

  // Dark scheme: another background (and text colour) than the light one, on every page.
  for (const [key, c] of Object.entries(backgrounds)) {
    if (!c.light || !c.dark) { notOk(`${key}: colours of both schemes measured`, [JSON.stringify(c)]); continue; }
    check(c.light.bg !== c.dark.bg && c.light.fg !== c.dark.fg,
      `${key}: prefers-color-scheme dark changes the colours (background ${c.light.bg} -> ${c.dark.bg}, text ${c.light.fg} -> ${c.dark.fg})`,
      [JSON.stringify(c)]);
  }

  for (const vpName of Object.keys(VIEWPORTS)) await checkAnchor(vpName);
} catch (e) {
  notOk('the browser checks stopped early', [e.stack || String(e)]);
} finally {
  await Promise.race([browser.close(), new Promise(r => setTimeout(r, 10_000))]).catch(() => {});
  clearTimeout(watchdog);
}
note(`browser: passed=${passed} failed=${failed} skipped=${skipped} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
