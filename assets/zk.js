// hushlink zero-knowledge links in the page: the format of docs/FORMAT.md
// with WebCrypto (AES-256-GCM, HKDF-SHA256, PBKDF2-HMAC-SHA256, SHA-256),
// and the two pages that use it: the form (encrypts before anything is
// sent) and /s/{id} (derives the proof, fetches, decrypts).
//
// One ES module, loaded by the pages (`<script type="module">`, CSP
// `script-src 'self'`, no eval) and by tests/js/zk.test.mjs, which runs
// the format's test vectors through these same exports under Node.
//
// The link key never leaves this page except inside the link's #fragment;
// the proof goes in a POST body; the passphrase goes nowhere.

// WebCrypto's `subtle` exists only in secure contexts (HTTPS, or localhost).
const subtle = globalThis.crypto && globalThis.crypto.subtle;
const encoder = new TextEncoder();

export const VERSION = 1;
export const KIND_SECRET = 1;
export const MIN_ITERATIONS = 600000;
export const MAX_ITERATIONS = 10000000;
export const DEFAULT_ITERATIONS = 600000;
const NONCE_LEN = 12;
const SALT_LEN = 16;
const TAG_LEN = 16;

// ---- encoding -------------------------------------------------------------

/** URL-safe base64 without padding. */
export function b64u(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes URL-safe base64 without padding; throws on anything else. */
export function unb64u(text) {
  if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new FormatError("encoding");
  }
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "==".slice(0, (4 - text.length % 4) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) { out[i] = binary.charCodeAt(i); }
  // Refuse non-canonical encodings (stray bits in the last character), as
  // the Rust side does, so both accept exactly the same strings.
  if (b64u(out) !== text) { throw new FormatError("encoding"); }
  return out;
}

/** Decodes URL-safe base64 of exactly `n` bytes. */
export function unb64uFixed(text, n) {
  const out = unb64u(text);
  if (out.length !== n) { throw new FormatError("encoding"); }
  return out;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Why bytes are not a valid envelope: `code` names the rule broken. */
export class FormatError extends Error {
  constructor(code) { super("invalid envelope: " + code); this.code = code; }
}

// ---- envelope ---------------------------------------------------------------

/** The header: version, kind, kdf (and its parameters), nonce. */
export function buildHeader(kind, kdf, nonce) {
  const parts = [Uint8Array.of(VERSION, kind)];
  if (!kdf) {
    parts.push(Uint8Array.of(0));
  } else {
    const it = new Uint8Array(4);
    new DataView(it.buffer).setUint32(0, kdf.iterations, false);
    parts.push(Uint8Array.of(1), it, kdf.salt);
  }
  parts.push(nonce);
  return concat(...parts);
}

/** Parses and checks an envelope's header; the bytes after it are ciphertext and tag. */
export function parseEnvelope(bytes) {
  let at = 0;
  const take = (n) => {
    if (at + n > bytes.length) { throw new FormatError("truncated"); }
    const s = bytes.subarray(at, at + n);
    at += n;
    return s;
  };
  const version = take(1)[0];
  if (version !== VERSION) { throw new FormatError("version"); }
  const kind = take(1)[0];
  if (kind === 2 || kind === 3) { throw new FormatError("unsupported-kind"); }
  if (kind !== KIND_SECRET) { throw new FormatError("kind"); }
  let kdf = null;
  const kdfByte = take(1)[0];
  if (kdfByte === 1) {
    const it = take(4);
    const iterations = new DataView(it.buffer, it.byteOffset, 4).getUint32(0, false);
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) { throw new FormatError("iterations"); }
    kdf = { iterations, salt: take(SALT_LEN).slice() };
  } else if (kdfByte !== 0) {
    throw new FormatError("kdf");
  }
  const nonce = take(NONCE_LEN).slice();
  if (bytes.length < at + TAG_LEN) { throw new FormatError("truncated"); }
  return { version, kind, kdf, nonce, header: bytes.slice(0, at), ciphertext: bytes.slice(at) };
}

// ---- content ------------------------------------------------------------------

export const TEXT = 1;
export const BINARY = 2;

/** type (1) | name length (u16 BE) | name | data */
export function encodeContent(content) {
  const name = encoder.encode(content.name || "");
  const head = new Uint8Array(3);
  head[0] = content.type;
  new DataView(head.buffer).setUint16(1, name.length, false);
  return concat(head, name, content.data);
}

export function decodeContent(bytes) {
  if (bytes.length < 3 || (bytes[0] !== TEXT && bytes[0] !== BINARY)) { throw new Error("malformed content"); }
  const nameLen = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint16(1, false);
  if (bytes.length < 3 + nameLen) { throw new Error("malformed content"); }
  const strict = new TextDecoder("utf-8", { fatal: true });
  const name = strict.decode(bytes.subarray(3, 3 + nameLen));
  const data = bytes.slice(3 + nameLen);
  if (bytes[0] === TEXT) { strict.decode(data); }
  return { type: bytes[0], name, data };
}

// ---- derivations -----------------------------------------------------------------

async function hkdf(ikm, info, bytes) {
  const key = await subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  const bits = await subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(info) }, key, bytes * 8);
  return new Uint8Array(bits);
}

/**
 * The encryption key and the proof: IKM = K, or K || PBKDF2(passphrase)
 * when `kdf` is set; then HKDF-SHA256 with one label each.
 */
export async function derive(linkKey, kdf, passphrase) {
  let ikm = linkKey;
  if (kdf) {
    if (typeof passphrase !== "string") { throw new Error("passphrase needed"); }
    const pass = await subtle.importKey("raw", encoder.encode(passphrase), "PBKDF2", false, ["deriveBits"]);
    const stretched = await subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: kdf.salt, iterations: kdf.iterations }, pass, 256);
    ikm = concat(linkKey, new Uint8Array(stretched));
  }
  return {
    encKey: await hkdf(ikm, "hushlink/v1/enc", 32),
    proof: await hkdf(ikm, "hushlink/v1/proof", 32),
  };
}

/** The public key check: HKDF(K, "hushlink/v1/check"), 16 bytes. */
export function keyCheck(linkKey) {
  return hkdf(linkKey, "hushlink/v1/check", 16);
}

/** What the server stores: SHA-256(proof). */
export async function verifier(proof) {
  return new Uint8Array(await subtle.digest("SHA-256", proof));
}

async function aesKey(raw, usage) {
  return subtle.importKey("raw", raw, { name: "AES-GCM" }, false, [usage]);
}

/** Encrypts `content`; `nonce` is given only by the test vectors. */
export async function seal(linkKey, kdf, passphrase, content, nonce) {
  nonce = nonce || crypto.getRandomValues(new Uint8Array(NONCE_LEN));
  const keys = await derive(linkKey, kdf, passphrase);
  const header = buildHeader(KIND_SECRET, kdf, nonce);
  const ciphertext = await subtle.encrypt(
    { name: "AES-GCM", iv: nonce, additionalData: header, tagLength: 128 },
    await aesKey(keys.encKey, "encrypt"), encodeContent(content));
  return {
    envelope: concat(header, new Uint8Array(ciphertext)),
    verifier: await verifier(keys.proof),
    keyCheck: await keyCheck(linkKey),
  };
}

/** Decrypts a parsed envelope with derived keys; throws when the tag fails. */
export async function openWith(keys, envelope) {
  const plain = await subtle.decrypt(
    { name: "AES-GCM", iv: envelope.nonce, additionalData: envelope.header, tagLength: 128 },
    await aesKey(keys.encKey, "decrypt"), envelope.ciphertext);
  return decodeContent(new Uint8Array(plain));
}

export async function open(linkKey, passphrase, envelopeBytes) {
  const envelope = parseEnvelope(envelopeBytes);
  return openWith(await derive(linkKey, envelope.kdf, passphrase), envelope);
}

export function newLinkKey() {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** A fresh PBKDF2 set-up, or null without a passphrase. */
export function newKdf(passphrase) {
  return passphrase ? { iterations: DEFAULT_ITERATIONS, salt: crypto.getRandomValues(new Uint8Array(SALT_LEN)) } : null;
}

/** The link key from a fragment (with or without '#'); null when damaged. */
export function keyFromFragment(fragment) {
  const text = (fragment || "").replace(/^#/, "");
  try { return unb64uFixed(text, 32); } catch (e) { return null; }
}

function equal(a, b) {
  if (a.length !== b.length) { return false; }
  let diff = 0;
  for (let i = 0; i < a.length; i++) { diff |= a[i] ^ b[i]; }
  return diff === 0;
}

/** Whether the server's key check matches this link key. */
export async function keyMatches(linkKey, serverCheck) {
  return equal(await keyCheck(linkKey), unb64u(serverCheck));
}

// ---- the pages ------------------------------------------------------------------

const TTL_SECONDS = { "two weeks": 1209600, "week": 604800, "day": 86400, "hour": 3600 };

function show(el, on) { if (el) { el.hidden = !on; } }

function setText(el, text) { if (el) { el.textContent = text; } }

/** The form: encrypt here, send the envelope, show the fragment link. */
function initForm(form, box) {
  const status = document.getElementById("zk-status");
  const passField = document.getElementById("zk-passphrase-field");
  show(passField, true);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const submit = form.querySelector("button[type=submit]");
    const secret = form.querySelector("#password").value;
    const passphrase = document.getElementById("zk-passphrase").value;
    const ttl = TTL_SECONDS[(form.querySelector("#ttl").value || "").toLowerCase()];
    const views = parseInt(form.querySelector("#views").value || "1", 10);
    if (!secret) { form.reportValidity(); return; }
    submit.disabled = true;
    setText(status, box.dataset.working);
    show(status, true);
    try {
      const linkKey = newLinkKey();
      const kdf = newKdf(passphrase);
      const sealed = await seal(linkKey, kdf, passphrase || null,
        { type: TEXT, name: "", data: encoder.encode(secret) });
      const response = await fetch(box.dataset.create, {
        method: "POST",
        // With sign-in, the session cookie goes along with its CSRF token.
        headers: box.dataset.csrf
          ? { "content-type": "application/json", "accept": "application/json", "x-csrf-token": box.dataset.csrf }
          : { "content-type": "application/json", "accept": "application/json" },
        body: JSON.stringify({
          envelope: b64u(sealed.envelope), verifier: b64u(sealed.verifier),
          key_check: b64u(sealed.keyCheck), ttl, views,
        }),
        credentials: box.dataset.csrf ? "same-origin" : "omit",
      });
      if (!response.ok) { throw new Error("create failed: " + response.status); }
      const created = await response.json();
      const web = created.links.find((l) => l.rel === "web-view").href;
      showLink(box, web + "#" + b64u(linkKey), !!passphrase);
      showReceipt(created.receipt);
      form.reset();
    } catch (e) {
      setText(status, box.dataset.failed);
    } finally {
      submit.disabled = false;
    }
  });
}

/**
 * The sender's "track or delete this secret" link: the receipt's page,
 * `…/r/<token>`, made from the API address the create answered.
 */
function showReceipt(receipt) {
  const anchor = document.getElementById("receipt-link");
  if (!receipt || !receipt.href || !anchor) { return; }
  anchor.href = receipt.href.replace("/api/v2/receipts/", "/r/");
  show(document.getElementById("zk-receipt"), true);
}

function showLink(box, link, withPassphrase) {
  const field = document.getElementById("zk-link-field");
  field.value = link;
  show(document.getElementById("zk-passphrase-note"), withPassphrase);
  drawQr(box.dataset.qr, link, document.getElementById("zk-qr"));
  // The form's heading and form give way to the link, as the server's
  // link page would show it.
  const section = document.getElementById("zk-link");
  for (const el of section.parentElement.children) { show(el, el === section); }
  field.focus();
  field.select();
}

/**
 * Draws the link's QR code into `figure` with the vendored qrcode-generator
 * (loaded only now, and only from this server). SVG built with DOM calls.
 */
async function drawQr(moduleUrl, link, figure) {
  if (!moduleUrl || !figure) { return; }
  try {
    const { qrcode } = await import(new URL(moduleUrl, document.baseURI).href);
    const qr = qrcode(0, "M");
    qr.addData(link);
    qr.make();
    const n = qr.getModuleCount();
    const quiet = 4;
    let d = "";
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        if (qr.isDark(r, c)) { d += "M" + (c + quiet) + " " + (r + quiet) + "h1v1h-1z"; }
      }
    }
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const size = String(n + 2 * quiet);
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("shape-rendering", "crispEdges");
    const bg = document.createElementNS(ns, "rect");
    bg.setAttribute("width", size); bg.setAttribute("height", size); bg.setAttribute("fill", "#fff");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d); path.setAttribute("fill", "#000");
    svg.append(bg, path);
    figure.replaceChildren(svg);
    show(figure, true);
  } catch (e) {
    // No QR code is better than no link: the link and its copy button stay.
  }
}

/** The reveal page: nothing is fetched that could use a view until the button. */
function initReveal(box) {
  const id = box.dataset.id;
  const api = box.dataset.api;
  const message = document.getElementById("zk-message");
  const button = document.getElementById("zk-reveal");
  const passField = document.getElementById("zk-passphrase-field");
  const passInput = document.getElementById("zk-passphrase");
  const say = (text) => { setText(message, text); show(message, !!text); };
  const fail = (heading, text) => {
    show(button, false); show(passField, false);
    setText(document.getElementById("zk-heading"), heading);
    setText(document.getElementById("zk-intro"), "");
    say(text);
  };
  const linkKey = keyFromFragment(location.hash);
  if (!linkKey) { fail(box.dataset.damagedHeading, box.dataset.damaged); return; }
  // Metadata consumes nothing: it says whether a passphrase is needed, and
  // the key check tells a damaged link from a wrong passphrase.
  let meta = null;
  (async () => {
    const r = await fetch(api, { headers: { accept: "application/json" }, credentials: "omit" });
    if (r.status === 404) { fail(box.dataset.notFoundHeading, box.dataset.notFound); return; }
    if (!r.ok) { say(box.dataset.unavailable); return; }
    meta = await r.json();
    if (!(await keyMatches(linkKey, meta.key_check))) { fail(box.dataset.damagedHeading, box.dataset.damaged); return; }
    show(passField, meta.passphrase);
    show(button, true);
  })().catch(() => say(box.dataset.unavailable));

  button.addEventListener("click", async () => {
    if (!meta) { return; }
    const passphrase = meta.passphrase ? passInput.value : null;
    if (meta.passphrase && !passphrase) { passInput.focus(); return; }
    button.disabled = true;
    say(box.dataset.working);
    try {
      const kdf = meta.kdf ? { iterations: meta.kdf.iterations, salt: unb64uFixed(meta.kdf.salt, SALT_LEN) } : null;
      const keys = await derive(linkKey, kdf, passphrase);
      const r = await fetch(api + "/reveal", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ proof: b64u(keys.proof) }),
        credentials: "omit",
      });
      const body = await r.json().catch(() => ({}));
      if (r.status === 403) {
        say(box.dataset.wrong.replace("{n}", String(body["attempts-left"])));
        passInput.value = "";
        passInput.focus();
        return;
      }
      if (r.status === 410) { fail(box.dataset.destroyedHeading, box.dataset.destroyed); return; }
      if (r.status === 404) { fail(box.dataset.notFoundHeading, box.dataset.notFound); return; }
      if (!r.ok) { say(box.dataset.unavailable); return; }
      let content;
      try {
        content = await openWith(keys, parseEnvelope(unb64u(body.envelope)));
      } catch (e) {
        fail(box.dataset.damagedHeading, box.dataset.decryptFailed);
        return;
      }
      showSecret(box, content, body.views_left);
      // The key has done its work: take it out of the address bar and history.
      history.replaceState(null, "", location.pathname + location.search);
    } catch (e) {
      say(box.dataset.unavailable);
    } finally {
      button.disabled = false;
    }
  });
}

function showSecret(box, content, viewsLeft) {
  show(document.getElementById("zk-preview"), false);
  show(document.getElementById("zk-message"), false);
  const section = document.getElementById("zk-secret");
  const text = document.getElementById("zk-secret-text");
  if (content.type === TEXT) {
    text.value = new TextDecoder().decode(content.data);
  } else {
    show(document.getElementById("zk-text-box"), false);
    const file = document.getElementById("zk-file");
    const link = document.getElementById("zk-download");
    link.href = URL.createObjectURL(new Blob([content.data], { type: "application/octet-stream" }));
    link.download = content.name || "secret.bin";
    show(file, true);
  }
  setText(document.getElementById("zk-views"),
    viewsLeft === 0 ? box.dataset.gone : box.dataset.viewsLeft.replace("{n}", String(viewsLeft)));
  show(section, true);
}

if (typeof document !== "undefined") {
  const start = () => {
    const box = document.getElementById("zk");
    if (!box) { return; }
    if (!subtle) {
      // Served over plain HTTP: no WebCrypto. The form keeps SnapPass's
      // server-side flow; the reader's page says why it cannot open the link.
      const message = document.getElementById("zk-message");
      if (message && box.dataset.insecure) { message.textContent = box.dataset.insecure; message.hidden = false; }
      return;
    }
    if (box.dataset.page === "form") {
      const form = box.closest("form");
      if (form) { initForm(form, box); }
    } else if (box.dataset.page === "reveal") {
      initReveal(box);
    }
  };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}
