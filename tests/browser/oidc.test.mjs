// Browser test of sign-in for senders (HUSHLINK_OIDC_*): a real headless
// Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against a
// real OpenID Provider (panva's certified oidc-provider, tests/oidc/) and
// `hushlink serve`, both on loopback. The whole flow: the sign-in page, the
// provider's login form, back to the form as a signed-in sender, a
// zero-knowledge secret made in the page (its request carries the session
// and the CSRF token), the reader opening it without any account, sign-out
// through the provider's own sign-out (after which the provider asks for
// credentials again); and a user outside the allowed group refused.
//
// Run from the repository root:  node --test tests/browser/oidc.test.mjs
// Env: HUSHLINK_BIN (default target/debug/hushlink), CHROMIUM_BIN (default
// /usr/bin/chromium). Screenshots of the sign-in states go to
// target/screenshots/oidc-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BIN, CHROMIUM, CHROMIUM_ARGS, freePort, ROOT, SHOTS, strings } from './common.mjs';

const PROVIDER_DIR = join(ROOT, 'tests', 'oidc');
const CLIENT_SECRET = 'hushlink-test-client-secret-0123456789abcdef';

const EN = strings('en');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


const procs = [];
let dataDir;
let browser;
let base;
let issuer;

function start(cmd, args, env) {
  const p = { log: '', exited: null };
  p.proc = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d) => { p.log = (p.log + d).slice(-20000); };
  p.proc.stdout.on('data', keep);
  p.proc.stderr.on('data', keep);
  p.proc.once('exit', (code, signal) => { p.exited = `exited (code ${code}, signal ${signal})`; });
  procs.push(p);
  return p;
}

async function stop(p) {
  if (p.proc.exitCode === null && p.proc.signalCode === null) {
    const gone = new Promise((r) => p.proc.once('exit', r));
    p.proc.kill('SIGTERM');
    const timer = setTimeout(() => p.proc.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
}

async function newContext(options = {}) {
  const ctx = await browser.newContext({ baseURL: base, ...options });
  // Generous: CI machines here have 2 cores and may be busy.
  ctx.setDefaultTimeout(90_000);
  ctx.setDefaultNavigationTimeout(90_000);
  return ctx;
}

async function h1(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

// Clicks the sign-in button and logs in at the provider as `user`; returns
// the answer hushlink gives the callback (after its redirect, if any).
async function signIn(page, user) {
  await page.goto('/');
  assert.equal(await h1(page), EN.signin_heading);
  await page.click('#signin');
  await page.locator('input[name="login"]').waitFor({ state: 'visible' });
  await page.fill('input[name="login"]', user);
  await page.fill('input[name="password"]', 'any password');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(base) && r.request().isNavigationRequest()
      && r.status() !== 303 && r.status() !== 302),
    page.click('button[type="submit"]'),
  ]);
  await page.waitForLoadState('load');
  return response;
}

before(async () => {
  assert.ok(existsSync(BIN), `hushlink binary not found at ${BIN} (run cargo build)`);
  if (!existsSync(join(PROVIDER_DIR, 'node_modules', 'oidc-provider'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PROVIDER_DIR, stdio: 'inherit' });
  }
  mkdirSync(SHOTS, { recursive: true });
  const [port, providerPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  issuer = `http://127.0.0.1:${providerPort}`;

  const provider = start('node', [join(PROVIDER_DIR, 'provider.mjs'), '--port', String(providerPort),
    '--redirect', `${base}/_/oidc/callback`, '--secret', CLIENT_SECRET], process.env);

  dataDir = mkdtempSync(join(tmpdir(), 'hushlink-oidc-'));
  const env = { ...process.env };
  for (const k of ['REDIS_URL', 'REDIS_HOST', 'REDIS_PORT', 'HUSHLINK_STORE', 'URL_PREFIX', 'HOST_OVERRIDE',
    'STATIC_URL', 'HUSHLINK_WEB_ENCRYPTION']) {
    delete env[k];
  }
  Object.assign(env, {
    SNAPPASS_BIND_ADDRESS: '127.0.0.1',
    SNAPPASS_PORT: String(port),
    NO_SSL: 'true',
    HUSHLINK_DATA_DIR: dataDir,
    HUSHLINK_OIDC_ISSUER: issuer,
    HUSHLINK_OIDC_CLIENT_ID: 'hushlink',
    HUSHLINK_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    HUSHLINK_OIDC_SCOPES: 'openid email profile groups',
    HUSHLINK_OIDC_ALLOWED_GROUPS: 'senders',
  });
  const server = start(BIN, ['serve'], env);

  // Ready when the provider is discovered: the sign-in page offers the button.
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const p of [provider, server]) {
      if (p.exited) throw new Error(`a server ${p.exited} before it was ready:\n${p.log}`);
    }
    try {
      const res = await fetch(`${base}/`);
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`not ready within 60 s:\n${server.log}\n${provider.log}`);
    await sleep(200);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  for (const p of procs) await stop(p);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('sign-in for senders in a real browser', { timeout: 30 * 60_000 }, () => {
  it('signs in, creates a zero-knowledge secret, the reader opens it, signs out there and at the provider', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto('/');
    assert.equal(await h1(page), EN.signin_heading);
    assert.equal(await page.locator('#password').count(), 0, 'no form before sign-in');
    await page.screenshot({ path: join(SHOTS, 'oidc-signin.png'), fullPage: true });

    await page.click('#signin');
    await page.locator('input[name="login"]').waitFor({ state: 'visible' });
    await page.screenshot({ path: join(SHOTS, 'oidc-provider-login.png'), fullPage: true });
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.locator('#signed-in-user').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal((await page.locator('#signed-in-user').innerText()).trim(), 'alice@allowed.test');
    assert.equal(await h1(page), EN.form_heading);
    const cookies = await ctx.cookies();
    const session = cookies.find((c) => c.name === 'hushlink_session');
    assert.ok(session, 'a session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    await page.screenshot({ path: join(SHOTS, 'oidc-signed-in.png'), fullPage: true });

    // The page encrypts and posts to /s with the session and the CSRF token.
    const secret = `signed ${Date.now()} 🦀`;
    await page.fill('#password', secret);
    await page.selectOption('#ttl', 'Hour');
    await page.click('#submit');
    await page.locator('#zk-link').waitFor({ state: 'visible' });
    const link = await page.inputValue('#zk-link-field');
    assert.match(link, /\/s\/[0-9a-f]{32}#[A-Za-z0-9_-]{43}$/, link);
    await page.screenshot({ path: join(SHOTS, 'oidc-created.png'), fullPage: true });

    // The reader: another browser, no account, no cookie.
    const readerCtx = await newContext();
    const reader = await readerCtx.newPage();
    await reader.goto(link);
    await reader.locator('#zk-reveal').waitFor({ state: 'visible' });
    await reader.click('#zk-reveal');
    await reader.locator('#zk-secret').waitFor({ state: 'visible' });
    assert.equal(await reader.inputValue('#zk-secret-text'), secret);
    assert.ok(!(await reader.content()).includes('alice@'), 'the reader never sees the sender');
    await readerCtx.close();

    // Sign-out: the cookie goes and the browser goes on to the provider's
    // sign-out (the page's form-action must let the redirect through), which
    // asks, ends its own session and sends the browser back to the sign-in page.
    await page.goto('/');
    await page.click('#signout');
    const confirm = page.locator('button[name="logout"][value="yes"]');
    await confirm.waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).origin, issuer, 'at the provider');
    assert.equal(new URL(page.url()).searchParams.get('post_logout_redirect_uri'), `${base}/`);
    assert.ok(!(await ctx.cookies(base)).some((c) => c.name === 'hushlink_session'), 'session cookie removed');
    await page.screenshot({ path: join(SHOTS, 'oidc-provider-logout.png'), fullPage: true });
    await confirm.click();
    await page.waitForURL(`${base}/`);
    assert.equal(await h1(page), EN.signin_heading);
    await page.screenshot({ path: join(SHOTS, 'oidc-signed-out.png'), fullPage: true });

    // Signed out at the provider too: the next sign-in asks for credentials.
    await page.click('#signin');
    await page.locator('input[name="login"]').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).origin, issuer);
    await ctx.close();
  });

  it('refuses a user outside the allowed group', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const response = await signIn(page, 'bob');
    assert.equal(response.status(), 403);
    assert.ok((await page.locator('main').innerText()).includes(EN.signin_refused));
    assert.ok(!(await ctx.cookies()).some((c) => c.name === 'hushlink_session'), 'no session');
    await page.screenshot({ path: join(SHOTS, 'oidc-refused.png'), fullPage: true });
    await ctx.close();
  });
});
