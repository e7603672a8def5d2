// Shared by the browser tests: where the repository is, and the pages'
// texts read from the Fluent catalogues, so copy edits there do not break
// the tests. Every message is one line, `id = text`; placeables (`{ $n }`,
// `{ $size }`, `{ $limit }`) come back as the `{n}`-style text the server
// fills in. Keys are the `Strings` field names (`form_heading`).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

export function strings(lang) {
  const src = readFileSync(join(ROOT, 'src', 'i18n', 'locales', `${lang}.ftl`), 'utf8');
  const out = {};
  for (const m of src.matchAll(/^([a-z][a-z0-9-]*) = (.*)$/gm)) {
    out[m[1].replaceAll('-', '_')] = m[2].trim().replace(/\{ \$(\w+) \}/g, '{$1}');
  }
  return out;
}
