// Zero-knowledge links in a real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core): the form encrypts in the page, the reader's page
// decrypts in a fresh context, previews and wrong passphrases use no view, a
// page without JavaScript consumes nothing, and links cross between the
// browser and the CLI byte for byte.
//
// Run from the repository root:  node --test tests/browser/zk.test.mjs
// Env: HUSHLINK_BIN (default target/debug/hushlink), CHROMIUM_BIN (default
// /usr/bin/chromium). Screenshots (light and dark) go to target/screenshots/zk-*.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { BIN, CHROMIUM, CHROMIUM_ARGS, freePort, ROOT, SHOTS, strings } from './common.mjs';


const EN = strings('en');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let serverLog = '';
let dataDir;
let base;
let browser;

async function startServer() {
  assert.ok(existsSync(BIN), `hushlink binary not found at ${BIN} (run cargo build)`);
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'hushlink-zk-browser-'));
  base = `http://127.0.0.1:${port}`;
  const env = { ...process.env };
  for (const k of ['REDIS_URL', 'REDIS_HOST', 'REDIS_PORT', 'HUSHLINK_STORE', 'URL_PREFIX', 'HOST_OVERRIDE',
    'STATIC_URL', 'HUSHLINK_WEB_ENCRYPTION', 'HUSHLINK_PASSPHRASE_ATTEMPTS']) {
    delete env[k];
  }
  Object.assign(env, { SNAPPASS_BIND_ADDRESS: '127.0.0.1', SNAPPASS_PORT: String(port), NO_SSL: 'true', HUSHLINK_DATA_DIR: dataDir });
  server = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d) => { serverLog = (serverLog + d).slice(-20000); };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/_/_/health`);
      if (res.status === 200) return;
    } catch { /* not yet */ }
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
  const ctx = await browser.newContext({ baseURL: base, acceptDownloads: true, ...options });
  ctx.setDefaultTimeout(90_000);
  ctx.setDefaultNavigationTimeout(90_000);
  return ctx;
}

// The hushlink CLI, stdin piped (never a terminal).
function cli(args, input = '') {
  return new Promise((ok) => {
    const child = execFile(BIN, args, { env: { PATH: process.env.PATH, HUSHLINK_SERVER: base }, encoding: 'buffer' },
      (error, stdout, stderr) => ok({ code: error ? error.code : 0, stdout, stderr: stderr.toString() }));
    child.stdin.end(input);
  });
}

// Views left, asked of the API without a proof (consumes nothing).
async function viewsLeft(link) {
  const id = new URL(link).pathname.split('/').pop();
  const r = await fetch(`${base}/api/v2/secrets/${id}`, { method: 'HEAD' });
  return r.status === 200 ? Number(r.headers.get('x-views-remaining')) : r.status === 404 ? 0 : -r.status;
}

async function shot(page, name) {
  const backgrounds = {};
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.screenshot({ path: join(SHOTS, `zk-${name}-${colorScheme}.png`), fullPage: true });
  }
  assert.notEqual(backgrounds.light, backgrounds.dark, `${name}: dark mode changes the background`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
  await page.emulateMedia({ colorScheme: 'light' });
}

// As a person would, with JavaScript: the page encrypts and shows the link.
async function createInPage(page, secret, passphrase) {
  await page.goto('/');
  await page.fill('#password', secret);
  await page.selectOption('#ttl', 'Hour');
  if (passphrase) {
    await page.locator('#zk-passphrase').waitFor({ state: 'visible' });
    await page.fill('#zk-passphrase', passphrase);
  }
  await page.click('#submit');
  await page.locator('#zk-link').waitFor({ state: 'visible' });
  const link = await page.inputValue('#zk-link-field');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/s\/[0-9a-f]{32}#[A-Za-z0-9_-]{43}$/, link);
  return link;
}

// Opens `link` in a fresh context and reveals it (typing `passphrase` when asked).
async function revealInPage(link, passphrase) {
  const ctx = await newContext();
  const page = await ctx.newPage();
  const res = await page.goto(link);
  assert.equal(res.status(), 200);
  await page.locator('#zk-reveal').waitFor({ state: 'visible' });
  if (passphrase) await page.fill('#zk-passphrase', passphrase);
  await page.click('#zk-reveal');
  await page.locator('#zk-secret').waitFor({ state: 'visible' });
  return { ctx, page };
}

const unique = (label) => `${label} ${randomBytes(6).toString('hex')} päss <b>&amp;"' 🦀\nsecond line`;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  await stopServer();
});

describe('zero-knowledge links in a real browser', { timeout: 30 * 60_000 }, () => {
  it('encrypts in the page; a fresh context previews for free, then reveals once', async () => {
    const sender = await newContext();
    const page = await sender.newPage();
    const requests = [];
    page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() || '' }));
    const secret = unique('browser');
    await page.goto('/');
    await page.fill('#password', 'correct horse battery staple');
    await shot(page, 'form');
    const link = await createInPage(page, secret);
    const key = link.split('#')[1];
    // The key and the secret went nowhere: no request carried them.
    for (const r of requests) {
      assert.ok(!r.url.includes(key) && !r.body.includes(key), `a request carried the key: ${r.url}`);
      assert.ok(!r.body.includes('browser '), `a request carried the secret: ${r.url}`);
    }
    assert.equal(await page.locator('#zk-qr svg').count(), 1, 'QR code drawn in the page');
    const qr = await page.locator('#zk-qr svg').boundingBox();
    assert.ok(qr && qr.width >= 100, `QR code visible: ${JSON.stringify(qr)}`);
    assert.equal((await page.locator('#zk-link-kind').innerText()).trim(), EN.link_kind_zk);
    await shot(page, 'link');

    const reader = await newContext();
    const rpage = await reader.newPage();
    assert.equal((await rpage.goto(link)).status(), 200);
    await rpage.locator('#zk-reveal').waitFor({ state: 'visible' });
    assert.equal((await rpage.locator('h1').first().innerText()).trim(), EN.preview_heading);
    assert.ok(!(await rpage.content()).includes(secret.split(' ')[1]), 'no secret in the preview');
    assert.equal(await viewsLeft(link), 1, 'the preview used no view');
    await shot(rpage, 'preview');
    await rpage.click('#zk-reveal');
    await rpage.locator('#zk-secret').waitFor({ state: 'visible' });
    assert.equal(await rpage.inputValue('#zk-secret-text'), secret);
    assert.equal(new URL(rpage.url()).hash, '', 'the key left the address bar');
    assert.equal((await rpage.locator('#zk-views').innerText()).trim(), EN.reveal_gone);
    await shot(rpage, 'reveal');
    assert.equal(await viewsLeft(link), 0);

    const again = await reader.newPage();
    assert.equal((await again.goto(link)).status(), 404);
    await sender.close();
    await reader.close();
  });

  it('a wrong passphrase says so, uses no view, and the right one reveals', async () => {
    const sender = await newContext();
    const page = await sender.newPage();
    const secret = unique('passphrase');
    const link = await createInPage(page, secret, 'open sesame');
    assert.ok(await page.locator('#zk-passphrase-note').isVisible());

    const reader = await newContext();
    const rpage = await reader.newPage();
    await rpage.goto(link);
    await rpage.locator('#zk-passphrase').waitFor({ state: 'visible' });
    await shot(rpage, 'preview-passphrase');
    await rpage.fill('#zk-passphrase', 'open sesame?');
    await rpage.click('#zk-reveal');
    const wrong = EN.zk_wrong_passphrase.replace('{n}', '4');
    await rpage.locator('#zk-message', { hasText: wrong }).waitFor({ state: 'visible' });
    await shot(rpage, 'wrong-passphrase');
    assert.equal(await viewsLeft(link), 1, 'a wrong passphrase used no view');
    await rpage.fill('#zk-passphrase', 'open sesame');
    await rpage.click('#zk-reveal');
    await rpage.locator('#zk-secret').waitFor({ state: 'visible' });
    assert.equal(await rpage.inputValue('#zk-secret-text'), secret);
    await sender.close();
    await reader.close();
  });

  it('links cross between the CLI and the browser, byte for byte', async () => {
    // CLI → browser, with and without a passphrase.
    const dir = mkdtempSync(join(tmpdir(), 'hushlink-zk-cli-'));
    try {
      const passFile = join(dir, 'pass');
      writeFileSync(passFile, 'tr0ub4dor & 3\n');
      for (const passphrase of [null, 'tr0ub4dor & 3']) {
        const secret = unique('from the CLI');
        const args = ['send', '--ttl', '1h'];
        if (passphrase) args.push('--passphrase-file', passFile);
        const sent = await cli(args, secret);
        assert.equal(sent.code, 0, sent.stderr);
        const link = sent.stdout.toString().trim();
        const { ctx, page } = await revealInPage(link, passphrase);
        assert.equal(await page.inputValue('#zk-secret-text'), secret);
        await ctx.close();
      }
      // A binary secret made by the CLI: the page offers the exact bytes as a download.
      const binary = Buffer.from([...Array(600).keys()].map((i) => (i * 7) % 256));
      const sentBinary = await cli(['send'], binary);
      assert.equal(sentBinary.code, 0, sentBinary.stderr);
      const { ctx: bctx, page: bpage } = await revealInPage(sentBinary.stdout.toString().trim(), null);
      await bpage.locator('#zk-file').waitFor({ state: 'visible' });
      assert.ok(!(await bpage.locator('#zk-text-box').isVisible()), 'no text box (nor its label) for binary');
      // As a person would: click, and the browser saves the file.
      const [download] = await Promise.all([bpage.waitForEvent('download'), bpage.click('#zk-download')]);
      assert.equal(download.suggestedFilename(), 'secret.bin');
      const saved = readFileSync(await download.path());
      assert.ok(saved.equals(binary), 'downloaded bytes are the sent bytes');
      await shot(bpage, 'binary');
      await bctx.close();

      // Browser → CLI, with and without a passphrase.
      const sender = await newContext();
      const page = await sender.newPage();
      for (const passphrase of [null, 'tr0ub4dor & 3']) {
        const secret = unique('from the browser');
        const link = await createInPage(page, secret, passphrase);
        const args = ['get', link];
        if (passphrase) args.push('--passphrase-file', passFile);
        const got = await cli(args);
        assert.equal(got.code, 0, got.stderr);
        assert.ok(got.stdout.equals(Buffer.from(secret, 'utf8')), `exact bytes: ${got.stdout}`);
      }
      await sender.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without JavaScript: the reader page explains and consumes nothing; the form makes a server-side link', async () => {
    const sent = await cli(['send'], 'needs javascript');
    assert.equal(sent.code, 0, sent.stderr);
    const link = sent.stdout.toString().trim();
    const ctx = await newContext({ javaScriptEnabled: false });
    let page;
    for (let i = 0; i < 2; i++) {
      // A fresh page each time: a second goto to the same URL and fragment
      // would be a same-document navigation.
      page = await ctx.newPage();
      assert.equal((await page.goto(link)).status(), 200);
      assert.ok(await page.locator('#zk-noscript').isVisible(), 'the page says it needs JavaScript');
      assert.equal((await page.locator('#zk-noscript').innerText()).trim(), EN.zk_needs_js);
      assert.ok(!(await page.locator('#zk-reveal').isVisible()), 'no reveal button without JavaScript');
    }
    await shot(page, 'no-javascript');
    assert.equal(await viewsLeft(link), 1, 'nothing consumed');

    await page.goto('/');
    assert.ok(!(await page.locator('#zk-passphrase').isVisible()), 'no passphrase field without JavaScript');
    await page.fill('#password', 'server side');
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    const made = await page.inputValue('#password-link');
    assert.ok(made.includes('~') && !made.includes('#'), `a SnapPass-format link: ${made}`);
    assert.equal((await page.locator('main .notice').first().innerText()).trim(), EN.link_kind_server);
    await shot(page, 'server-link');
    await ctx.close();
  });
});
