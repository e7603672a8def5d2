// The page's own module (assets/zk.js, byte for byte) against the format's
// test vectors (tests/vectors/zk-v1.json, written by an independent Python
// implementation and reproduced by the Rust tests): `node --test tests/js`.
// Node 20's WebCrypto is the same API the page calls in the browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const source = readFileSync(new URL("assets/zk.js", root), "utf8");
// Imported from its text, so Node runs exactly the file the server serves
// (a .js file outside a "type": "module" package would be read as CommonJS).
const zk = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
const vectors = JSON.parse(readFileSync(new URL("tests/vectors/zk-v1.json", root), "utf8"));

const hex = (b) => Buffer.from(b).toString("hex");
const kdfOf = (v) => (v.iterations === null ? null : { iterations: v.iterations, salt: zk.unb64u(v.salt) });

test("valid vectors: derivations, envelope and plaintext match byte for byte", async () => {
  assert.ok(vectors.valid.length >= 5);
  for (const v of vectors.valid) {
    const key = zk.keyFromFragment(v.link_key);
    assert.ok(key, v.name);
    const kdf = kdfOf(v);
    const keys = await zk.derive(key, kdf, v.passphrase);
    assert.equal(zk.b64u(keys.encKey), v.enc_key, `${v.name}: enc key`);
    assert.equal(zk.b64u(keys.proof), v.proof, `${v.name}: proof`);
    assert.equal(zk.b64u(await zk.verifier(keys.proof)), v.verifier, `${v.name}: verifier`);
    assert.equal(zk.b64u(await zk.keyCheck(key)), v.key_check, `${v.name}: key check`);
    const content = { type: v.content_type === "text" ? zk.TEXT : zk.BINARY, name: v.file_name, data: zk.unb64u(v.data) };
    assert.equal(zk.b64u(zk.encodeContent(content)), v.plaintext, `${v.name}: plaintext`);
    const sealed = await zk.seal(key, kdf, v.passphrase, content, zk.unb64u(v.nonce));
    assert.equal(zk.b64u(sealed.envelope), v.envelope, `${v.name}: envelope`);
    assert.equal(zk.b64u(sealed.verifier), v.verifier);
    assert.equal(zk.b64u(sealed.keyCheck), v.key_check);
    const opened = await zk.open(key, v.passphrase, zk.unb64u(v.envelope));
    assert.equal(opened.type, content.type, v.name);
    assert.equal(opened.name, v.file_name, v.name);
    assert.equal(hex(opened.data), hex(content.data), `${v.name}: opens`);
    assert.ok(await zk.keyMatches(key, v.key_check));
  }
});

test("invalid vectors are refused with their reason", () => {
  for (const v of vectors.invalid) {
    assert.throws(() => zk.parseEnvelope(zk.unb64u(v.envelope)), (e) => e.code === v.error, v.name);
  }
});

test("tampered envelopes do not open", async () => {
  for (const t of vectors.tampered) {
    const of = vectors.valid[t.of];
    const key = zk.keyFromFragment(of.link_key);
    await assert.rejects(zk.open(key, t.passphrase, zk.unb64u(t.envelope)), t.name);
  }
});

test("link keys: exactly 43 canonical base64url characters", () => {
  const key = zk.newLinkKey();
  const fragment = zk.b64u(key);
  assert.equal(fragment.length, 43);
  assert.deepEqual(zk.keyFromFragment("#" + fragment), key);
  assert.equal(zk.keyFromFragment(fragment.slice(0, 42)), null);
  assert.equal(zk.keyFromFragment(fragment + "A"), null);
  // Standard base64's alphabet is not the link's.
  assert.equal(zk.keyFromFragment("+" + fragment.slice(1)), null);
  assert.equal(zk.keyFromFragment("/" + fragment.slice(1)), null);
  assert.equal(zk.keyFromFragment(""), null);
  // A last character with stray low bits is not the same key: refused.
  const last = fragment[42];
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const stray = alphabet[alphabet.indexOf(last) ^ 1];
  assert.equal(zk.keyFromFragment(fragment.slice(0, 42) + stray), null);
});

test("a fresh secret round-trips with and without a passphrase", async () => {
  for (const passphrase of [null, "correct horse"]) {
    const key = zk.newLinkKey();
    const data = crypto.getRandomValues(new Uint8Array(1000));
    const sealed = await zk.seal(key, zk.newKdf(passphrase), passphrase, { type: zk.BINARY, name: "", data });
    const opened = await zk.open(key, passphrase, sealed.envelope);
    assert.equal(hex(opened.data), hex(data));
    if (passphrase) { await assert.rejects(zk.open(key, passphrase + "x", sealed.envelope)); }
  }
});
