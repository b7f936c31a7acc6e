// Does folio's rendering of an academicpages site look like Jekyll's build of it? Debian's
// /usr/bin/chromium, driven by playwright-core, takes full-page screenshots of the same pages on
// both sides at 1280 and 375 px wide, and compares them pixel by pixel (png.mjs decodes them).
// Run by tests/browser/run-jekyll-looks.sh, which starts both servers and sets:
//   FOLIO_URL      http://127.0.0.1:PORT: folio (lighttpd + mod_fastcgi) on academicpages-site
//   JEKYLL_URL     http://127.0.0.1:PORT: Jekyll's build (academicpages-site-expected), static
//   LOOKS_OUT      folder for screenshots, diff images and summary.tsv (build/reports/jekyll-looks)
//   FOLIO_MODULES  folder whose node_modules/ holds playwright-core (build/browser)
//   LOOKS_MAX_PERCENT  the most differing pixels a shot may have (default 1)
// One "ok - ..." / "not ok - ..." line per shot, "#" lines give details. Exit status 1 when a
// check failed.
//
// Only 127.0.0.1 is reached, on both sides alike: every request to another origin (web fonts,
// MathJax, polyfills off a CDN) is aborted and counted, so neither side gets what the other lacks.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { decodePng, encodePng } from './png.mjs';

const FOLIO = (process.env.FOLIO_URL || '').replace(/\/$/, '');
const JEKYLL = (process.env.JEKYLL_URL || '').replace(/\/$/, '');
const OUT = process.env.LOOKS_OUT || 'build/reports/jekyll-looks';
const MODULES = process.env.FOLIO_MODULES || 'build/browser';
const MAX_PERCENT = Number(process.env.LOOKS_MAX_PERCENT || '1');
if (!FOLIO || !JEKYLL) {
  console.log('not ok - FOLIO_URL and JEKYLL_URL must be set (run tests/browser/run-jekyll-looks.sh)');
  process.exit(1);
}
const require = createRequire(path.resolve(MODULES, 'package.json'));
const { chromium } = require('playwright-core');

// The pages of issue 14. Jekyll's build is a folder of files: a document without a trailing
// slash is its .html file there, while folio answers the extensionless URL (as GitHub Pages).
const PAGES = [
  { name: 'home', folio: '/', jekyll: '/' },
  { name: 'publications', folio: '/publications/', jekyll: '/publications/' },
  { name: 'talks', folio: '/talks/', jekyll: '/talks/' },
  { name: 'publication', folio: '/publication/2009-10-01-paper-title-number-1',
    jekyll: '/publication/2009-10-01-paper-title-number-1.html' },
  { name: 'post', folio: '/posts/2012/08/blog-post-1/', jekyll: '/posts/2012/08/blog-post-1/' },
];
// deviceScaleFactor 1 on both: one screenshot pixel is one CSS pixel, so the masks' CSS boxes
// are screenshot rectangles. The phone width emulates a mobile browser (honours the viewport meta).
const WIDTHS = [
  { name: '1280', viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  { name: '375', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
];
// A pixel differs when one of its channels differs by more than this (of 255): the same
// Chromium renders both sides, so only rounding in blending is forgiven, not a different colour.
const CHANNEL_TOLERANCE = 8;

let passed = 0, failed = 0;
function ok(name) { passed++; console.log(`ok - ${name}`); }
function notOk(name, details = []) {
  failed++;
  console.log(`not ok - ${name}`);
  for (const d of details) console.log(`#   ${String(d).replace(/\n/g, '\n#   ')}`);
}
function note(text) { console.log(`# ${text}`); }

const WATCHDOG_MS = 150_000;
let browser = null;
const watchdog = setTimeout(async () => {
  notOk(`watchdog: the screenshots did not finish within ${WATCHDOG_MS / 1000} s`);
  try { if (browser) await Promise.race([browser.close(), new Promise(r => setTimeout(r, 5000))]); } catch { /* */ }
  process.exit(1);
}, WATCHDOG_MS);

async function newContext(width, origin) {
  const { name, ...options } = width;
  const ctx = await browser.newContext({ ...options, colorScheme: 'light', reducedMotion: 'reduce' });
  ctx.setDefaultTimeout(15_000);
  ctx.setDefaultNavigationTimeout(20_000);
  ctx.external = new Set();
  await ctx.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith(origin + '/')) return route.continue();
    ctx.external.add(url);
    return route.abort('blockedbyclient');
  });
  return ctx;
}

// What changes by date, found on the page: the element whose own text is a copyright year or a
// "last updated" date (academicpages' footer prints "© {{ site.time | date: '%Y' }}" and "Site
// last updated {{ site.time }}", the build's date, not the content's), plus any element of that
// footer class. Returned as page-coordinate boxes in CSS pixels.
async function dateMasks(page) {
  return page.evaluate(() => {
    const DATED = /(©|\(c\))\s*\d{4}|last updated/i;
    const boxes = [], seen = new Set();
    const add = el => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && !seen.has(el) && seen.add(el))
        boxes.push({ x: Math.floor(r.left + scrollX), y: Math.floor(r.top + scrollY), w: Math.ceil(r.width) + 1, h: Math.ceil(r.height) + 1, what: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(/\s+/).join('.') : '') });
    };
    for (const el of document.querySelectorAll('.page__footer-copyright')) add(el);
    // The innermost elements whose text matches (no child's text matches on its own).
    for (const el of document.body.querySelectorAll('*')) {
      if (!DATED.test(el.textContent || '')) continue;
      if (Array.from(el.children).some(c => DATED.test(c.textContent || ''))) continue;
      add(el);
    }
    return boxes;
  });
}

async function shoot(ctx, base, urlPath, file) {
  const page = await ctx.newPage();
  const problems = [];
  page.on('response', r => { if (r.status() >= 400 && r.url().startsWith(base)) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  const response = await page.goto(base + urlPath, { waitUntil: 'load' });
  if (!response || response.status() !== 200) problems.push(`HTTP ${response ? response.status() : 'no response'} for ${urlPath}`);
  // Settled: images complete, fonts done, two animation frames.
  await page.waitForFunction(() => Array.from(document.images).every(i => i.complete), null, { timeout: 10_000 })
    .catch(() => problems.push('images still loading after 10 s'));
  await page.evaluate(() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const masks = await dateMasks(page);
  const png = await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  await page.close();
  return { png, masks, problems };
}

// Pixel comparison over the larger of the two areas: a pixel that only one image has differs.
// Masked pixels (either side's date boxes) are left out of the count and of the total.
function compare(a, b, masks) {
  const width = Math.max(a.width, b.width), height = Math.max(a.height, b.height);
  const masked = new Uint8Array(width * height);
  for (const m of masks) {
    for (let y = Math.max(0, m.y); y < Math.min(height, m.y + m.h); y++)
      masked.fill(1, y * width + Math.max(0, m.x), y * width + Math.min(width, m.x + m.w));
  }
  const diff = { width, height, data: Buffer.alloc(width * height * 4) };
  let differing = 0, counted = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const inA = x < a.width && y < a.height, inB = x < b.width && y < b.height;
      const ia = (y * a.width + x) * 4, ib = (y * b.width + x) * 4;
      if (masked[y * width + x]) {
        diff.data[o] = 120; diff.data[o + 1] = 160; diff.data[o + 2] = 255; diff.data[o + 3] = 255;
        continue;
      }
      counted++;
      let same = inA && inB;
      for (let c = 0; same && c < 3; c++) if (Math.abs(a.data[ia + c] - b.data[ib + c]) > CHANNEL_TOLERANCE) same = false;
      if (same) {
        // The page itself, faded, so that the red marks can be placed.
        const g = 255 - ((255 - ((a.data[ia] + a.data[ia + 1] + a.data[ia + 2]) / 3)) >> 2);
        diff.data[o] = g; diff.data[o + 1] = g; diff.data[o + 2] = g; diff.data[o + 3] = 255;
      } else {
        differing++;
        diff.data[o] = 255; diff.data[o + 1] = 0; diff.data[o + 2] = 0; diff.data[o + 3] = 255;
      }
    }
  }
  return { differing, counted, percent: counted ? (100 * differing) / counted : 0, diff, width, height };
}

// png.mjs checked against Chromium's own PNG decoder: the screenshot drawn on a canvas, its
// pixels summed per channel, must give png.mjs's sums (a wrong unfilter would compare garbage).
async function decoderAgrees(ctx, png, decoded) {
  const page = await ctx.newPage();
  try {
    const sums = await page.evaluate(async src => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth; c.height = img.naturalHeight;
      const g = c.getContext('2d', { colorSpace: 'srgb' });
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const s = [0, 0, 0, 0];
      for (let i = 0; i < d.length; i++) s[i & 3] += d[i] * ((i >> 2) % 251 + 1);
      return { w: c.width, h: c.height, s };
    }, 'data:image/png;base64,' + png.toString('base64'));
    const mine = [0, 0, 0, 0];
    for (let i = 0; i < decoded.data.length; i++) mine[i & 3] += decoded.data[i] * ((i >> 2) % 251 + 1);
    return { same: sums.w === decoded.width && sums.h === decoded.height && sums.s.every((v, i) => v === mine[i]), sums, mine };
  } finally {
    await page.close();
  }
}

const summary = ['shot\tpercent_differing\tdiffering_px\tcounted_px\tfolio_size\tjekyll_size\tmasks'];
async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png') || f === 'summary.tsv') fs.rmSync(path.join(OUT, f));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    // Playwright gives Chromium a fresh user data dir of its own (in $TMPDIR), removed on close.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  note(`chromium ${browser.version()}; a shot passes when at most ${MAX_PERCENT}% of its pixels differ (channel tolerance ${CHANNEL_TOLERANCE}/255)`);
  const blocked = { folio: new Set(), jekyll: new Set() };
  for (const width of WIDTHS) {
    const folioCtx = await newContext(width, new URL(FOLIO).origin);
    const jekyllCtx = await newContext(width, new URL(JEKYLL).origin);
    let selfChecked = false;
    for (const p of PAGES) {
      const shot = `${p.name}-${width.name}`;
      try {
        const f = await shoot(folioCtx, FOLIO, p.folio, path.join(OUT, `${shot}-folio.png`));
        const j = await shoot(jekyllCtx, JEKYLL, p.jekyll, path.join(OUT, `${shot}-jekyll.png`));
        const a = decodePng(f.png), b = decodePng(j.png);
        // The harness itself: Jekyll's page shot a second time must compare at 0%, or the
        // figures below measure noise (an animation, a clock), not the theme.
        if (!selfChecked) {
          selfChecked = true;
          const d = await decoderAgrees(jekyllCtx, j.png, b);
          if (d.same) ok(`harness at ${width.name}px: png.mjs decodes Jekyll's ${p.name} shot (${b.width}x${b.height}) as Chromium does`);
          else notOk(`harness at ${width.name}px: png.mjs and Chromium decode Jekyll's ${p.name} shot differently`, [`Chromium ${d.sums.w}x${d.sums.h} ${d.sums.s}`, `png.mjs ${b.width}x${b.height} ${d.mine}`]);
          const again = await shoot(jekyllCtx, JEKYLL, p.jekyll, path.join(OUT, `${shot}-jekyll-again.png`));
          const s = compare(b, decodePng(again.png), [...j.masks, ...again.masks]);
          if (s.differing === 0) ok(`harness at ${width.name}px: Jekyll's ${p.name} page shot twice compares equal (0 of ${s.counted} pixels differ)`);
          else notOk(`harness at ${width.name}px: Jekyll's ${p.name} page shot twice differs in ${s.differing} pixels (${s.percent.toFixed(3)}%): the page is not still`);
          fs.rmSync(path.join(OUT, `${shot}-jekyll-again.png`));
        }
        // Each side's date boxes, masked on both images (the same box twice is listed once).
        const masks = [...new Map([...f.masks, ...j.masks].map(m => [`${m.x},${m.y},${m.w},${m.h}`, m])).values()];
        const c = compare(a, b, masks);
        fs.writeFileSync(path.join(OUT, `${shot}-diff.png`), encodePng(c.diff));
        const figure = `${c.percent.toFixed(2)}% of pixels differ (${c.differing} of ${c.counted}; folio ${a.width}x${a.height}, Jekyll ${b.width}x${b.height})`;
        const details = [...f.problems.map(x => `folio: ${x}`), ...j.problems.map(x => `jekyll: ${x}`),
          `masked by date: ${masks.map(m => `${m.what} ${m.w}x${m.h}@${m.x},${m.y}`).join(', ') || 'nothing'}`,
          `screenshots: ${shot}-folio.png, ${shot}-jekyll.png, diff: ${shot}-diff.png`];
        if (c.percent <= MAX_PERCENT) { ok(`${shot} (${p.folio}): ${figure}`); for (const d of details) note(d); }
        else notOk(`${shot} (${p.folio}): ${figure}, more than ${MAX_PERCENT}%`, details);
        summary.push([shot, c.percent.toFixed(3), c.differing, c.counted, `${a.width}x${a.height}`, `${b.width}x${b.height}`, masks.length].join('\t'));
      } catch (e) {
        notOk(`${shot} (${p.folio}): could not be compared`, [e.stack || String(e)]);
      }
    }
    for (const u of folioCtx.external) blocked.folio.add(new URL(u).host);
    for (const u of jekyllCtx.external) blocked.jekyll.add(new URL(u).host);
    await folioCtx.close();
    await jekyllCtx.close();
  }
  note(`requests off 127.0.0.1 aborted: folio side ${[...blocked.folio].join(' ') || 'none'}; Jekyll side ${[...blocked.jekyll].join(' ') || 'none'}`);
  fs.writeFileSync(path.join(OUT, 'summary.tsv'), summary.join('\n') + '\n');
}

main()
  .catch(e => notOk('jekyll_looks.mjs stopped', [e.stack || String(e)]))
  .finally(async () => {
    clearTimeout(watchdog);
    if (browser) await browser.close().catch(() => {});
    console.log(`# ${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
