// Right-to-left pages in a real headless Chromium: Arabic, Hebrew and Persian
// visitors get `dir="rtl"`, a mirrored layout that still fits the screen,
// links and secrets laid out left to right, and every page of the flow in
// their language. Screenshots, light and dark, desktop and phone width, go to
// target/screenshots/rtl-<lang>-<page>[-mobile]-<scheme>.png.
//
// Run from the repository root:  node --test tests/browser/rtl.test.mjs
// Env: HUSHLINK_BIN (default target/debug/hushlink), CHROMIUM_BIN (default
// /usr/bin/chromium).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BIN, CHROMIUM, CHROMIUM_ARGS, freePort, ROOT, SHOTS, strings } from './common.mjs';

const RTL = ['ar', 'he', 'fa'];



const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let serverLog = '';
let dataDir;
let base;
let browser;

before(async () => {
  assert.ok(existsSync(BIN), `hushlink binary not found at ${BIN} (run cargo build)`);
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'hushlink-rtl-'));
  base = `http://127.0.0.1:${port}`;
  const env = { ...process.env };
  for (const k of ['REDIS_URL', 'REDIS_HOST', 'REDIS_PORT', 'HUSHLINK_STORE', 'URL_PREFIX', 'HOST_OVERRIDE', 'STATIC_URL']) {
    delete env[k];
  }
  Object.assign(env, {
    SNAPPASS_BIND_ADDRESS: '127.0.0.1',
    SNAPPASS_PORT: String(port),
    NO_SSL: 'true',
    HUSHLINK_DATA_DIR: dataDir,
    // The SnapPass flow's pages (form, link, preview, reveal), as the
    // flow test walks them; the form's default now encrypts in the page.
    HUSHLINK_WEB_ENCRYPTION: 'server',
  });
  server = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d) => { serverLog = (serverLog + d).slice(-20000); };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`hushlink exited:\n${serverLog}`);
    try {
      if ((await fetch(`${base}/_/_/health`)).status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`hushlink not healthy within 30 s:\n${serverLog}`);
    await sleep(100);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 120_000,
  });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// The page as a right-to-left reader sees it, at desktop and at phone width:
// the root says rtl, the brand sits at the right edge of the header, the
// heading starts at the right, and nothing makes the page scroll sideways.
// Then the screenshots, light and dark.
async function checkAndShoot(page, lang, name) {
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl', `${lang} ${name}: dir`);
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  const desktop = page.viewportSize();
  for (const [suffix, viewport] of [['', desktop], ['-mobile', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    const layout = await page.evaluate(() => {
      const card = document.querySelector('main').getBoundingClientRect();
      const brand = document.querySelector('.brand').getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1'));
      const text = range.getBoundingClientRect();
      return {
        direction: getComputedStyle(document.body).direction,
        cardLeft: card.left, cardRight: card.right,
        brandRight: brand.right,
        textLeft: text.left, textRight: text.right,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    const where = `${lang} ${name}${suffix}`;
    assert.equal(layout.direction, 'rtl', `${where}: body direction`);
    assert.ok(Math.abs(layout.cardRight - layout.brandRight) <= 40,
      `${where}: brand at the right edge ${JSON.stringify(layout)}`);
    assert.ok(layout.cardRight - layout.textRight < layout.textLeft - layout.cardLeft,
      `${where}: heading starts at the right ${JSON.stringify(layout)}`);
    assert.ok(layout.overflow <= 0, `${where}: scrolls sideways by ${layout.overflow}px`);
    const backgrounds = {};
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.screenshot({ path: join(SHOTS, `rtl-${lang}-${name}${suffix}-${colorScheme}.png`), fullPage: true });
    }
    assert.notEqual(backgrounds.light, backgrounds.dark, `${where}: dark mode changes the background`);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await page.setViewportSize(desktop);
}

describe('right-to-left pages', { timeout: 20 * 60_000 }, () => {
  for (const lang of RTL) {
    it(`${lang}: the whole flow, mirrored`, async () => {
      const t = strings(lang);
      const ctx = await browser.newContext({ baseURL: base, locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } });
      ctx.setDefaultTimeout(90_000);
      ctx.setDefaultNavigationTimeout(90_000);
      const page = await ctx.newPage();

      assert.equal((await page.goto('/')).status(), 200);
      assert.equal((await page.locator('h1').innerText()).trim(), t.form_heading);
      // A secret in the page's own script, typed as a reader would.
      const secret = `${t.form_secret_label} 123 abc`;
      await page.fill('#password', secret);
      await checkAndShoot(page, lang, 'form');

      await Promise.all([page.waitForNavigation(), page.click('#submit')]);
      assert.equal((await page.locator('h1').innerText()).trim(), t.link_heading);
      const link = await page.inputValue('#password-link');
      // A link reads left to right whatever the page's direction.
      assert.equal(await page.$eval('#password-link', (e) => getComputedStyle(e).direction), 'ltr');
      await page.locator('button[data-copy]').waitFor({ state: 'visible' });
      assert.equal((await page.innerText('button[data-copy]')).trim(), t.copy);
      await checkAndShoot(page, lang, 'link');

      assert.equal((await page.goto(link)).status(), 200);
      assert.equal((await page.locator('h1').innerText()).trim(), t.preview_heading);
      await checkAndShoot(page, lang, 'preview');

      await Promise.all([page.waitForNavigation(), page.click('#revealSecret')]);
      assert.equal((await page.locator('h1').innerText()).trim(), t.reveal_heading);
      assert.equal(await page.inputValue('#password-text'), secret);
      assert.equal((await page.locator('p.notice').innerText()).trim(), t.reveal_gone);
      await checkAndShoot(page, lang, 'reveal');
      await ctx.close();
    });
  }
});
