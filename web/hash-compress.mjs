// The last step of web/build.sh: gives the app's wasm, JS and CSS
// content-hashed file names, so a host may let browsers keep them for a year
// (a new build has new names), writes the references to them into main.js,
// index.html and the paper questionnaires, and writes a .br (brotli quality
// 11) and a .gz (gzip -9) beside every text and wasm file, so a static host
// sends them compressed without compressing on every request
// (web/serve.mjs does, docs/hosting.md says how for other hosts).
//
// asset-manifest.json maps each plain name to its hashed name, for
// web/package.mjs and web/size-report.sh. sw.js, the service worker of
// offline use, keeps its plain name (browsers look for a new version at the
// same address) and gets this build's file list and cache name written in,
// so every new build is a new worker. Uses only Node's standard library.
//
//   node web/hash-compress.mjs <dist>
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The manifest's file name. */
export const MANIFEST = 'asset-manifest.json';
/** How a hashed name looks: name.<16 hex>.ext (web/serve.mjs uses this too). */
export const HASHED = /\.[0-9a-f]{16}\.[a-z0-9]+$/;
/** The files worth compressing: text and wasm. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.webmanifest']);

/** `name.ext` as `name.<hash>.ext`, the hash the start of the content's sha256. */
function hashedName(name, bytes) {
  const ext = extname(name);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `${name.slice(0, -ext.length)}.${hash}${ext}`;
}

/** Replaces `from` with `to` in `text`; a missing `from` is a build error. */
function replaceOnce(text, from, to, where) {
  if (!text.includes(from)) throw new Error(`${where}: "${from}" not found; cannot write the hashed name`);
  return text.split(from).join(to);
}

/** Renames `name` in `dist` to its hashed name and returns that name. */
async function hashFile(dist, name) {
  const bytes = await readFile(join(dist, name));
  const hashed = hashedName(name, bytes);
  await rename(join(dist, name), join(dist, hashed));
  return hashed;
}

/** Rewrites the file `name` in `dist` with `edit` (a text to text function). */
async function rewrite(dist, name, edit) {
  const path = join(dist, name);
  await writeFile(path, edit(await readFile(path, 'utf8')));
}

/** The service worker's file name; it keeps it (web/static/sw.js). */
export const WORKER = 'sw.js';

/**
 * Every file of the build in `dist`, as paths relative to it, sorted: what
 * the service worker stores for offline use. Not the worker itself, not
 * the build's own manifest, not the compressed forms.
 */
async function appFiles(dist, under = '') {
  const files = [];
  for (const entry of await readdir(join(dist, under), { withFileTypes: true })) {
    const name = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await appFiles(dist, name)));
    else if (name !== WORKER && name !== MANIFEST && !/\.(br|gz)$/.test(name)) files.push(name);
  }
  return files.sort();
}

/**
 * Writes this build's files and cache name into sw.js (when the build has
 * one): the cache name is the start of a SHA-256 over every file's name
 * and content, so any change in any file gives a new worker.
 */
async function writeWorker(dist) {
  if (!(await stat(join(dist, WORKER)).catch(() => null))) return;
  const files = await appFiles(dist);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(await readFile(join(dist, file)));
  const build = hash.digest('hex').slice(0, 16);
  await rewrite(dist, WORKER, (text) => {
    text = replaceOnce(text, "const CACHE = 'naastenmeter-BUILD';", `const CACHE = 'naastenmeter-${build}';`, WORKER);
    return replaceOnce(text, 'const FILES = [];', `const FILES = ${JSON.stringify(files.map((f) => `./${f}`), null, 2)};`, WORKER);
  });
}

/** Hashes, rewrites the references and compresses, in this order. */
export async function finish(dist) {
  const names = {};
  // Leaves first: what nothing else in the list refers to by name.
  for (const name of ['naastenmeter_web_bg.wasm', 'naastenmeter_web.js', 'style.css', 'paper.css']) {
    names[name] = await hashFile(dist, name);
  }
  await rewrite(dist, 'main.js', (text) => {
    text = replaceOnce(text, "'./naastenmeter_web.js'", `'./${names['naastenmeter_web.js']}'`, 'main.js');
    return replaceOnce(text, "'naastenmeter_web_bg.wasm'", `'${names['naastenmeter_web_bg.wasm']}'`, 'main.js');
  });
  names['main.js'] = await hashFile(dist, 'main.js');
  await rewrite(dist, 'index.html', (text) => {
    text = replaceOnce(text, 'href="style.css"', `href="${names['style.css']}"`, 'index.html');
    return replaceOnce(text, 'src="main.js"', `src="${names['main.js']}"`, 'index.html');
  });
  for (const name of await readdir(dist)) {
    if (/^questionnaire-[a-z]+\.html$/.test(name)) {
      await rewrite(dist, name, (text) => replaceOnce(text, 'href="paper.css"', `href="${names['paper.css']}"`, name));
    }
  }
  await writeFile(join(dist, MANIFEST), JSON.stringify(names, null, 2) + '\n');
  await writeWorker(dist);

  for (const name of await readdir(dist)) {
    const path = join(dist, name);
    if (!COMPRESSIBLE.has(extname(name)) || !(await stat(path)).isFile()) continue;
    const bytes = await readFile(path);
    await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    await writeFile(`${path}.br`, brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: extname(name) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }));
  }
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: node web/hash-compress.mjs <dist>');
    process.exit(2);
  }
  finish(dist).then((names) => console.log(Object.values(names).join('\n')), (error) => {
    console.error(`web/hash-compress.mjs: ${error.message}`);
    process.exit(1);
  });
}
