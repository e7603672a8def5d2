// Browser test of the receipt page, `/r/{token}`: a real headless Chromium
// (Debian's /usr/bin/chromium) driven by playwright-core follows the "track or
// delete this secret" link from the link page, watches the state change when
// the secret is read, and presses the no-JavaScript **Delete now** button.
// Both web flows are tried: the server-side one (SnapPass links,
// HUSHLINK_WEB_ENCRYPTION=server) and the default zero-knowledge one (the
// link made in the browser), each on its own `hushlink serve`.
//
// Run from the repository root:  node --test tests/browser/receipts.test.mjs
// Env: HUSHLINK_BIN (default target/debug/hushlink), CHROMIUM_BIN (default
// /usr/bin/chromium). Screenshots of the receipt page, light and dark, go to
// target/screenshots/receipt-*.png.
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


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const servers = {}; // name -> { proc, base, dataDir, log }
let browser;

// Starts `hushlink serve` on a free loopback port with its own data dir;
// `extra` is added to the environment (the web flow).
async function startServer(name, extra) {
  assert.ok(existsSync(BIN), `hushlink binary not found at ${BIN} (run cargo build)`);
  const port = await freePort();
  const s = {
    base: `http://127.0.0.1:${port}`,
    dataDir: mkdtempSync(join(tmpdir(), `hushlink-receipts-${name}-`)),
    log: '',
    exited: null,
  };
  servers[name] = s;
  const env = { ...process.env };
  // A Redis setting in the caller's environment would switch the store.
  for (const k of ['REDIS_URL', 'REDIS_HOST', 'REDIS_PORT', 'HUSHLINK_STORE', 'URL_PREFIX', 'HOST_OVERRIDE',
    'STATIC_URL', 'HUSHLINK_WEB_ENCRYPTION', 'HUSHLINK_PASSPHRASE_ATTEMPTS']) {
    delete env[k];
  }
  Object.assign(env, {
    SNAPPASS_BIND_ADDRESS: '127.0.0.1',
    SNAPPASS_PORT: String(port),
    NO_SSL: 'true',
    HUSHLINK_DATA_DIR: s.dataDir,
    ...extra,
  });
  s.proc = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d) => { s.log = (s.log + d).slice(-20000); };
  s.proc.stdout.on('data', keep);
  s.proc.stderr.on('data', keep);
  s.proc.once('exit', (code, signal) => { s.exited = `exited (code ${code}, signal ${signal})`; });

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (s.exited) throw new Error(`hushlink (${name}) ${s.exited} before it was healthy:\n${s.log}`);
    try {
      const res = await fetch(`${s.base}/_/_/health`);
      if (res.status === 200) return s;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`hushlink (${name}) not healthy within 30 s:\n${s.log}`);
    await sleep(100);
  }
}

async function stopServer(s) {
  if (s.proc && s.proc.exitCode === null && s.proc.signalCode === null) {
    const gone = new Promise((r) => s.proc.once('exit', r));
    s.proc.kill('SIGTERM');
    const timer = setTimeout(() => s.proc.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
  if (s.dataDir) rmSync(s.dataDir, { recursive: true, force: true });
}

async function newContext(base, options = {}) {
  const ctx = await browser.newContext({ baseURL: base, ...options });
  // Generous: CI machines here have 2 cores and may be busy.
  ctx.setDefaultTimeout(90_000);
  ctx.setDefaultNavigationTimeout(90_000);
  return ctx;
}

// Clicks `selector` and returns the main document's final response (after
// any redirect: the Delete button's POST answers 303 to the page).
async function submit(page, selector) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()
      && r.status() < 300),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
  return response;
}

async function h1(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

const unique = (label) => `${label} ${randomBytes(6).toString('hex')} päss <b>&amp;"' 🦀\nsecond line`;

// Server-side flow: type, submit, the link page; returns the link.
async function createServerSide(page, secret) {
  const res = await page.goto('/');
  assert.equal(res.status(), 200);
  await page.fill('#password', secret);
  await page.selectOption('#ttl', 'Hour');
  const created = await submit(page, '#submit');
  assert.equal(created.status(), 200, 'the form answers the link page');
  const link = await page.inputValue('#password-link');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/.+~.+%3D$/, `link looks like a link: ${link}`);
  return link;
}

// Zero-knowledge flow: the page encrypts and shows the link; returns it.
async function createZk(page, secret) {
  await page.goto('/');
  await page.fill('#password', secret);
  await page.selectOption('#ttl', 'Hour');
  await page.click('#submit');
  await page.locator('#zk-link').waitFor({ state: 'visible' });
  const link = await page.inputValue('#zk-link-field');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/s\/[0-9a-f]{32}#[A-Za-z0-9_-]{43}$/, link);
  await page.locator('#zk-receipt').waitFor({ state: 'visible' });
  return link;
}

// On the link page: the receipt link is there, says what it is, points to
// /r/{token} on this server; following it opens the receipt page.
async function followReceiptLink(page, base) {
  const anchor = page.locator('#receipt-link');
  assert.ok(await anchor.isVisible(), 'the link page shows the receipt link');
  assert.equal((await anchor.innerText()).trim(), EN.link_receipt);
  const href = await anchor.evaluate((a) => a.href);
  assert.match(href, /\/r\/[^/?#]+$/, `receipt link ${href} goes to /r/{token}`);
  assert.ok(href.startsWith(`${base}/r/`), `receipt link ${href} points to this server ${base}`);
  const res = await submit(page, '#receipt-link');
  assert.equal(res.status(), 200);
  assert.equal(page.url(), href);
  return href;
}

// The receipt page as it is now: heading, state (text and data-state), the
// events listed, whether Delete now is offered.
async function readReceipt(page) {
  assert.equal(await h1(page), EN.receipt_heading);
  const state = page.locator('#receipt-state');
  const events = await page.locator('#receipt-events li span').allInnerTexts();
  return {
    text: (await state.innerText()).trim(),
    state: await state.getAttribute('data-state'),
    events: events.map((e) => e.trim()),
    deletable: await page.locator('#receipt-delete').count() === 1,
    body: await page.locator('main, body').first().innerText(),
  };
}

async function expectAvailable(page) {
  const r = await readReceipt(page);
  assert.equal(r.state, 'available');
  assert.equal(r.text, EN.receipt_state_available);
  assert.deepEqual(r.events, [], 'no events yet');
  assert.ok(r.body.includes(EN.receipt_no_events), 'says nothing has happened yet');
  assert.ok(r.body.includes(EN.receipt_views_used.replace('{n}', '0')), 'no view used');
  assert.ok(r.deletable, 'Delete now is offered');
  assert.equal((await page.locator('#receipt-delete').innerText()).trim(), EN.receipt_delete);
}

async function expectViewed(page) {
  const r = await readReceipt(page);
  assert.equal(r.state, 'viewed');
  assert.equal(r.text, EN.receipt_state_viewed);
  assert.deepEqual(r.events, [EN.event_viewed], 'one event: opened');
  assert.ok(r.body.includes(EN.receipt_views_used.replace('{n}', '1')), 'one view used');
  assert.ok(!r.deletable, 'nothing left to delete');
}

async function expectBurned(page) {
  const r = await readReceipt(page);
  assert.equal(r.state, 'burned');
  assert.equal(r.text, EN.receipt_state_burned);
  assert.deepEqual(r.events, [EN.event_burned], 'one event: deleted by the sender');
  assert.ok(!r.deletable, 'nothing left to delete');
}

// Presses Delete now: a POST, answered by a redirect back to the same page.
async function pressDelete(page) {
  const url = page.url();
  const res = await submit(page, '#receipt-delete');
  assert.equal(res.status(), 200);
  const post = res.request().redirectedFrom();
  assert.ok(post, 'the page came by a redirect');
  assert.equal(post.method(), 'POST');
  assert.equal(post.url(), url);
  assert.equal(page.url(), url, 'back on the receipt page');
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await startServer('server', { HUSHLINK_WEB_ENCRYPTION: 'server' });
  await startServer('zk', {});
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 120_000,
  });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  for (const s of Object.values(servers)) await stopServer(s);
});

describe('the receipt page in a real browser', { timeout: 30 * 60_000 }, () => {
  it('server-side flow: the receipt shows available, then viewed once the secret is read', async () => {
    const { base } = servers.server;
    const sender = await newContext(base);
    const page = await sender.newPage();
    const secret = unique('receipt');
    const link = await createServerSide(page, secret);
    await followReceiptLink(page, base);
    await expectAvailable(page);
    await shot(page, 'available');

    // The recipient, in a fresh context, reveals it.
    const recipient = await newContext(base);
    const rpage = await recipient.newPage();
    assert.equal((await rpage.goto(link)).status(), 200);
    const revealed = await submit(rpage, '#revealSecret');
    assert.equal(revealed.status(), 200);
    assert.equal(await rpage.inputValue('#password-text'), secret);
    await recipient.close();

    // The sender reloads the receipt page: viewed, nothing to delete.
    const reloaded = await page.reload();
    assert.equal(reloaded.status(), 200);
    await expectViewed(page);
    await shot(page, 'viewed');
    await sender.close();
  });

  it('server-side flow: Delete now burns the secret, and its link stops working', async () => {
    const { base } = servers.server;
    const sender = await newContext(base);
    const page = await sender.newPage();
    const secret = unique('burn');
    const link = await createServerSide(page, secret);
    await followReceiptLink(page, base);
    await expectAvailable(page);
    await pressDelete(page);
    await expectBurned(page);
    await shot(page, 'burned');
    // A reload shows the same (and posts nothing again).
    assert.equal((await page.reload()).status(), 200);
    await expectBurned(page);

    // The link: not found, no reveal button, and a reveal POST finds nothing.
    const recipient = await newContext(base);
    const rpage = await recipient.newPage();
    const gone = await rpage.goto(link);
    assert.equal(gone.status(), 404);
    assert.equal(await h1(rpage), EN.not_found_heading);
    assert.equal(await rpage.locator('#revealSecret').count(), 0, 'no reveal button');
    const post = await rpage.request.post(link, { headers: { Origin: base }, maxRedirects: 0 });
    assert.equal(post.status(), 404, 'revealing by POST finds nothing');
    assert.ok(!(await post.text()).includes(secret.split(' ')[1]), 'the secret is not in the answer');
    await recipient.close();
    await sender.close();
  });

  it('zero-knowledge flow: receipt link, viewed after reading, Delete now burns', async () => {
    const { base } = servers.zk;
    const sender = await newContext(base);
    const page = await sender.newPage();

    // Read: available, then viewed.
    const secret = unique('zk-receipt');
    const link = await createZk(page, secret);
    await followReceiptLink(page, base);
    await expectAvailable(page);
    const recipient = await newContext(base);
    const rpage = await recipient.newPage();
    assert.equal((await rpage.goto(link)).status(), 200);
    await rpage.locator('#zk-reveal').waitFor({ state: 'visible' });
    await rpage.click('#zk-reveal');
    await rpage.locator('#zk-secret').waitFor({ state: 'visible' });
    assert.equal(await rpage.inputValue('#zk-secret-text'), secret);
    await recipient.close();
    assert.equal((await page.reload()).status(), 200);
    await expectViewed(page);

    // Deleted: burned, and the link no longer opens.
    const other = unique('zk-burn');
    const otherLink = await createZk(page, other);
    await followReceiptLink(page, base);
    await expectAvailable(page);
    await pressDelete(page);
    await expectBurned(page);
    const late = await newContext(base);
    const lpage = await late.newPage();
    assert.equal((await lpage.goto(otherLink)).status(), 404);
    assert.ok(!(await lpage.locator('#zk-reveal').isVisible()), 'no reveal button');
    await late.close();
    await sender.close();
  });
});

// Screenshots of the receipt page as `receipt-{name}-{light,dark}.png` at
// desktop width, and `receipt-{name}-mobile-…` at phone width
// (`HUSHLINK_SHOTS=desktop` skips it). Checks on the way that dark mode
// changes the page and that nothing widens it.
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
      await page.screenshot({ path: join(SHOTS, `receipt-${name}${suffix}-${colorScheme}.png`), fullPage: true });
    }
    assert.notEqual(backgrounds.light, backgrounds.dark, `${name}: dark mode changes the page background`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `receipt-${name}${suffix} scrolls sideways by ${overflow}px`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(desktop);
}
