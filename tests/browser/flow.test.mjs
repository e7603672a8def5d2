// End-to-end browser test: a real headless Chromium (Debian's /usr/bin/chromium)
// driven by playwright-core uses hushlink's pages as a person would.
//
// Run from the repository root:  node --test tests/browser/
// Env: HUSHLINK_BIN (default target/debug/hushlink), CHROMIUM_BIN (default
// /usr/bin/chromium). Screenshots of every page, light and dark, desktop and
// phone width, go to target/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { BIN, CHROMIUM, CHROMIUM_ARGS, freePort, ROOT, SHOTS, strings } from './common.mjs';


const EN = strings('en');
const MAX_SECRET_BYTES = 4096;
const DE = strings('de');


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server; // child process
let serverLog = '';
let dataDir;
let base; // http://127.0.0.1:PORT
let browser;

async function startServer() {
  assert.ok(existsSync(BIN), `hushlink binary not found at ${BIN} (run cargo build)`);
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'hushlink-browser-'));
  base = `http://127.0.0.1:${port}`;
  const env = { ...process.env };
  // A Redis setting in the caller's environment would switch the store.
  for (const k of ['REDIS_URL', 'REDIS_HOST', 'REDIS_PORT', 'HUSHLINK_STORE', 'URL_PREFIX', 'HOST_OVERRIDE', 'STATIC_URL']) {
    delete env[k];
  }
  Object.assign(env, {
    SNAPPASS_BIND_ADDRESS: '127.0.0.1',
    SNAPPASS_PORT: String(port),
    NO_SSL: 'true',
    HUSHLINK_DATA_DIR: dataDir,
    // Small, so the size guard can be tried with a paste of a few pages.
    HUSHLINK_MAX_SECRET_BYTES: String(MAX_SECRET_BYTES),
    // This file tests the SnapPass flow (server-side encryption) in the
    // browser; zero-knowledge links have tests/browser/zk.test.mjs.
    HUSHLINK_WEB_ENCRYPTION: 'server',
  });
  server = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d) => { serverLog = (serverLog + d).slice(-20000); };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  let exited = null;
  server.once('exit', (code, signal) => { exited = `exited (code ${code}, signal ${signal})`; });

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`hushlink ${exited} before it was healthy:\n${serverLog}`);
    try {
      const res = await fetch(`${base}/_/_/health`);
      if (res.status === 200) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`hushlink not healthy within 30 s:\n${serverLog}`);
    await sleep(100);
  }
}

async function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function newContext(options = {}) {
  const ctx = await browser.newContext({ baseURL: base, ...options });
  // Generous: CI machines here have 2 cores and may be busy.
  ctx.setDefaultTimeout(90_000);
  ctx.setDefaultNavigationTimeout(90_000);
  return ctx;
}

// Navigation helpers that return the main document's response.
async function submit(page, selector) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
  return response;
}

async function h1(page) {
  return (await page.locator('h1').innerText()).trim();
}

// As a person would: type the secret, choose an expiry, submit; returns the link.
async function createSecret(page, secret, { ttl = 'Hour', views } = {}) {
  const res = await page.goto('/');
  assert.equal(res.status(), 200);
  await page.fill('#password', secret);
  await page.selectOption('#ttl', ttl);
  if (views !== undefined) await page.fill('#views', String(views));
  const created = await submit(page, '#submit');
  assert.equal(created.status(), 200, 'the form answers the link page');
  const link = await page.inputValue('#password-link');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/.+~.+%3D$/, `link looks like a link: ${link}`);
  assert.ok(link.startsWith(base + '/'), `link ${link} points to this server ${base}`);
  return link;
}

// The link with the last 10 characters of its key changed (the trailing
// URL-encoded '=' kept). Each character moves 4 places in the base64url
// alphabet, so the key stays well-formed but is wrong.
function damage(link) {
  assert.ok(link.endsWith('%3D'));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const body = link.slice(0, -3);
  const head = body.slice(0, -10);
  const tail = [...body.slice(-10)].map((c) => {
    const i = B64.indexOf(c);
    assert.ok(i >= 0, `key character ${c} is base64url`);
    return B64[(i + 4) % 64];
  }).join('');
  const damaged = `${head}${tail}%3D`;
  assert.notEqual(damaged, link);
  assert.ok(damaged.includes('~'), 'only the key part was changed');
  assert.equal(damaged.split('~')[0], link.split('~')[0]);
  return damaged;
}

function uniqueSecret(label) {
  return `${label} ${randomBytes(6).toString('hex')} päss <b>&amp;"' 🦀\nsecond line`;
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 120_000,
  });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  await stopServer();
});

// Chromium is slow on small shared machines (a navigation can take 10 s
// here), so the browser does what only a browser can: the whole flow as a
// person does it, the copy button, the language, and how the pages look.
// Each screenshot is taken on the way, not by a second tour. Plain form posts
// without JavaScript, several views and the rest of the contract are proven
// over HTTP by the Rust tests (tests/api/web.rs and friends).
describe('hushlink in a real browser', { timeout: 30 * 60_000 }, () => {
  it('creates a link, copies it, reveals the secret once in a fresh context', async () => {
    const sender = await newContext();
    await sender.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await sender.newPage();
    await page.goto('/');
    await page.fill('#password', 'correct horse battery staple');
    await shot(page, 'form');
    const secret = uniqueSecret('flow');
    const link = await createSecret(page, secret, { ttl: 'Day' });
    await shot(page, 'link');

    // The QR code is drawn inline.
    assert.equal(await page.locator('figure.qr svg').count(), 1, 'QR code present');
    const qr = await page.locator('figure.qr svg').boundingBox();
    assert.ok(qr && qr.width >= 100 && qr.height >= 100, `QR code is visible and scannable-sized: ${JSON.stringify(qr)}`);

    // Copy button: shown by JS, copies the link, says "Copied".
    const copy = page.locator('button[data-copy="password-link"]');
    await copy.waitFor({ state: 'visible' });
    assert.equal((await copy.innerText()).trim(), EN.copy);
    // Record every text the button shows: app.js turns "Copied" back after 2 s,
    // which a slow machine could otherwise miss.
    await page.evaluate(() => {
      const button = document.querySelector('button[data-copy="password-link"]');
      window.copyTexts = [];
      new MutationObserver(() => window.copyTexts.push(button.textContent.trim()))
        .observe(button, { childList: true, characterData: true, subtree: true });
    });
    await copy.click();
    await page.waitForFunction((want) => window.copyTexts.includes(want), EN.copied);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clip, link, 'clipboard holds the link');

    // The recipient: a fresh context, nothing shared with the sender.
    const recipient = await newContext();
    const rpage = await recipient.newPage();
    const preview = await rpage.goto(link);
    assert.equal(preview.status(), 200);
    assert.equal(await h1(rpage), EN.preview_heading);
    assert.equal(await rpage.locator('#password-text').count(), 0, 'preview does not show the secret');
    assert.ok(!(await rpage.content()).includes(secret.split(' ')[1]), 'secret text not in preview HTML');
    await shot(rpage, 'preview');
    const revealed = await submit(rpage, '#revealSecret');
    assert.equal(revealed.status(), 200);
    assert.equal(await h1(rpage), EN.reveal_heading);
    assert.equal(await rpage.inputValue('#password-text'), secret, 'revealed secret is what was typed');
    await shot(rpage, 'reveal');

    // Reloading the page: gone.
    const again = await rpage.goto(link);
    assert.equal(again.status(), 404);
    assert.equal(await h1(rpage), EN.not_found_heading);
    await shot(rpage, 'not-found');

    await sender.close();
    await recipient.close();
  });

  it('a damaged link answers 400 and does not burn the secret', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const secret = uniqueSecret('damaged');
    const link = await createSecret(page, secret);
    await page.goto(damage(link));
    const res = await submit(page, '#revealSecret');
    assert.equal(res.status(), 400);
    assert.equal(await h1(page), EN.damaged_heading);
    await shot(page, 'damaged');
    // The rightful reader still gets it.
    await page.goto(link);
    const ok = await submit(page, '#revealSecret');
    assert.equal(ok.status(), 200);
    assert.equal(await page.inputValue('#password-text'), secret);
    await ctx.close();
  });

  it('refuses, before sending, a secret over the byte limit, and says so', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto('/');
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
    // 2049 characters, 3073 UTF-8 bytes as typed; 4097 bytes as the form
    // sends them (line breaks as CR LF): one over the limit, though a count
    // of characters, or of bytes with LF line breaks, would fit.
    const tooLong = 'é\n'.repeat(1024) + 'x';
    await page.fill('#password', tooLong);
    await page.click('#submit');
    const message = page.locator('#form-error');
    await message.waitFor({ state: 'visible' });
    const expected = EN.form_too_large
      .replace('{limit}', String(MAX_SECRET_BYTES))
      .replace('{size}', String(MAX_SECRET_BYTES + 1));
    assert.equal((await message.innerText()).trim(), expected);
    assert.equal(posts, 0, 'nothing was sent');
    assert.equal(await page.inputValue('#password'), tooLong, 'the secret is still there');
    await shot(page, 'form-too-large');
    // One character less fits: the message goes, and the whole secret is stored.
    const fits = tooLong.slice(0, -1);
    await page.fill('#password', fits);
    assert.ok(await message.isHidden(), 'the message goes once it fits');
    const created = await submit(page, '#submit');
    assert.equal(created.status(), 200);
    const link = await page.inputValue('#password-link');
    const token = link.slice(link.lastIndexOf('/') + 1);
    const res = await fetch(`${base}/api/v2/passwords/${token}`);
    assert.equal((await res.json()).password, fits.replaceAll('\n', '\r\n'), 'stored whole');
    await ctx.close();
  });

  it('speaks German to a German browser', async () => {
    const ctx = await newContext({ locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-CH,de' } });
    const page = await ctx.newPage();
    const res = await page.goto('/');
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await h1(page), DE.form_heading);
    assert.equal((await page.innerText('#submit')).trim(), DE.form_submit);
    await ctx.close();
  });
});

// Screenshots of `page` as `name`, light then dark, at desktop width and at
// phone width (`HUSHLINK_SHOTS=desktop` skips the phone width). Checks on the
// way that dark mode changes the page and that nothing widens it.
async function shot(page, name) {
  const desktop = page.viewportSize();
  const widths = [['', desktop]];
  if (process.env.HUSHLINK_SHOTS !== 'desktop') widths.push(['-mobile', { width: 390, height: 844 }]);
  for (const [suffix, viewport] of widths) {
    await page.setViewportSize(viewport);
    const backgrounds = {};
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.screenshot({ path: join(SHOTS, `${name}${suffix}-${colorScheme}.png`), fullPage: true });
    }
    assert.notEqual(backgrounds.light, backgrounds.dark, `${name}: dark mode changes the page background`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}${suffix} scrolls sideways by ${overflow}px`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(desktop);
}
