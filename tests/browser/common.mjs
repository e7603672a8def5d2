// Shared by the browser tests: where the repository, the binary, Chromium and
// the screenshots are, a free port, and the pages' texts read from the Fluent
// catalogues, so copy edits there do not break
// the tests. Every message is one line, `id = text`; placeables (`{ $n }`,
// `{ $size }`, `{ $limit }`) come back as the `{n}`-style text the server
// fills in. Keys are the `Strings` field names (`form_heading`).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const BIN = resolve(ROOT, process.env.HUSHLINK_BIN || 'target/debug/hushlink');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'target', 'screenshots');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A loopback port nobody listens on now.
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

export function strings(lang) {
  const src = readFileSync(join(ROOT, 'src', 'i18n', 'locales', `${lang}.ftl`), 'utf8');
  const out = {};
  for (const m of src.matchAll(/^([a-z][a-z0-9-]*) = (.*)$/gm)) {
    out[m[1].replaceAll('-', '_')] = m[2].trim().replace(/\{ \$(\w+) \}/g, '{$1}');
  }
  return out;
}
