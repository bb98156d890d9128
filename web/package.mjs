// Builds the distribution forms of Naastenmeter from the built web app
// (web/build.sh's output, web/dist/) into dist/:
//
//   dist/embed/              what a partner copies to their site: the loader
//                            naastenmeter-embed.js (with the other files'
//                            SRI hashes inside), naastenmeter_web.js, the
//                            wasm and style.css
//   dist/embed/instruments/  earlier published questionnaire versions, loaded
//                            only to open a result made with one
//   dist/naastenmeter.html   the single-file version: wasm (gzip, base64), JS and
//                            CSS inlined (earlier versions as gzip data blocks),
//                            works from file:// with no server
//   dist/questionnaire-nl.html, questionnaire-en.html, paper.css
//                            the printable questionnaire beside the single
//                            file, which links to it
//   dist/SRI.txt             sha384 of every published file, for
//                            integrity="..." attributes
//
// web/dist holds the files under content-hashed names; its
// asset-manifest.json (web/hash-compress.mjs) says which is which. The
// published forms keep the plain names: a partner copies them as a set and
// the loader's SRI hashes already catch any change.
//
//   node web/package.mjs [--app web/dist] [--out dist]
//
// Uses only Node's standard library; downloads nothing.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');

/** The files of the built app that the embed loads, beside the loader. */
export const EMBED_FILES = ['naastenmeter_web.js', 'naastenmeter_web_bg.wasm', 'style.css', 'naastenmeter-print-host.css'];
const LOADER = 'naastenmeter-embed.js';
const PAPER = ['questionnaire-nl.html', 'questionnaire-en.html'];

/** web/dist's map from plain to hashed file names (none in an older build). */
async function manifest(app) {
  try {
    return JSON.parse(await readFile(join(app, 'asset-manifest.json'), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return {};
    throw error;
  }
}
const INTEGRITY_LINE = '  var INTEGRITY = {};';

/** The `sha384-...` Subresource Integrity value of some bytes. */
export function sri(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}

/** A CSP hash source for an inline script or style. */
function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The loader with the integrity of each file it loads written in. */
export function loaderWithIntegrity(source, files) {
  if (!source.includes(INTEGRITY_LINE)) {
    throw new Error(`${LOADER}: the line "${INTEGRITY_LINE.trim()}" is missing; cannot write the hashes`);
  }
  const integrity = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sri(bytes)]));
  return source.replace(INTEGRITY_LINE, `  var INTEGRITY = ${JSON.stringify(integrity)};`);
}

/**
 * The single-file page. The glue is an ES module; a module cannot be
 * imported from file://, so it runs as an inline module script with the
 * start-up code appended (its top-level names are in scope). The wasm and
 * the earlier questionnaire versions sit gzipped and base64-encoded in data
 * blocks, which never run. A meta CSP
 * allows exactly these inline blocks by hash and nothing from anywhere.
 */
export function singleFile({ glue, wasm, css, versions = {} }) {
  const boot = `
// Start-up of the single-file version: the wasm is in the page itself,
// gzipped and base64-encoded; the browser's own DecompressionStream unpacks
// it (no request: a Blob and a Response are made in memory).
// The earlier questionnaire versions are packed the same way; each is
// unpacked into the plain base64 block the app reads (browser.rs,
// load_published) before the app starts.
{
  const unpack = (text) => {
    const binary = atob(text.trim());
    const packed = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) packed[i] = binary.charCodeAt(i);
    const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(unpacked).arrayBuffer();
  };
  const base64 = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const versions = [...document.querySelectorAll('script[type="application/gzip"][id^="naastenmeter-version-"]')].map((block) =>
    unpack(block.textContent).then((bytes) => {
      block.textContent = base64(bytes);
      block.type = 'application/octet-stream';
    }));
  Promise.all(versions).then(() => unpack(document.getElementById('nm-wasm').textContent)).then((bytes) => __wbg_init({ module_or_path: bytes })).then(start).catch((error) => {
    const loading = document.getElementById('loading');
    if (loading) loading.textContent = 'Naastenmeter kon niet starten. / Naastenmeter could not start: ' + error;
  });
}
`;
  if (!/^export function start\(\)/m.test(glue) || !/__wbg_init as default/.test(glue)) {
    throw new Error('naastenmeter_web.js does not export start() and __wbg_init; was it built by web/build.sh?');
  }
  const script = glue + boot;
  const csp = `default-src 'none'; script-src ${cspHash(script)} 'wasm-unsafe-eval'; ` +
    `style-src ${cspHash(css)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>Naastenmeter</title>
<!-- Where "Snel weg / Quick exit" goes: an ordinary page (https only). -->
<meta name="naastenmeter-quick-exit" content="https://www.buienradar.nl/">
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<p id="loading" class="loading">Naastenmeter wordt geladen… / Naastenmeter is loading…</p>
<noscript><p class="loading">Naastenmeter werkt alleen met JavaScript aan. / Naastenmeter needs JavaScript.</p></noscript>
<div id="naastenmeter"></div>
${Object.entries(versions).map(([name, bytes]) =>
    `<script type="application/gzip" id="naastenmeter-version-${name}">${gzipSync(bytes, { level: 9 }).toString('base64')}</script>\n`).join('')}<script type="application/gzip" id="nm-wasm">${gzipSync(wasm, { level: 9 }).toString('base64')}</script>
<script type="module">${script}</script>
</body>
</html>
`;
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] !== undefined ? resolve(args[at + 1]) : fallback;
  };
  const app = option('--app', join(root, 'web', 'dist'));
  const out = option('--out', join(root, 'dist'));

  const names = await manifest(app);
  const files = {};
  for (const name of EMBED_FILES) files[name] = await readFile(join(app, names[name] ?? name));
  // Earlier published versions of the questionnaire (web/build.sh): the app
  // loads one only to open a result made with it. Beside the embed's files;
  // inside the single file as data blocks (it has no server to ask).
  const versions = {};
  const instruments = join(app, 'instruments');
  for (const name of await readdir(instruments).catch(() => [])) {
    if (name.endsWith('.bin')) versions[name] = await readFile(join(instruments, name));
  }
  const loader = loaderWithIntegrity(await readFile(join(here, 'static', LOADER), 'utf8'), files);

  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'embed'), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(out, 'embed', name), bytes);
  await writeFile(join(out, 'embed', LOADER), loader);
  await mkdir(join(out, 'embed', 'instruments'), { recursive: true });
  for (const [name, bytes] of Object.entries(versions)) {
    await writeFile(join(out, 'embed', 'instruments', name), bytes);
  }

  const html = singleFile({
    glue: files['naastenmeter_web.js'].toString('utf8'),
    wasm: files['naastenmeter_web_bg.wasm'],
    css: files['style.css'].toString('utf8'),
    versions,
  });
  await writeFile(join(out, 'naastenmeter.html'), html);

  // The paper questionnaire, with its stylesheet under the plain name.
  const paper = {};
  paper['paper.css'] = await readFile(join(app, names['paper.css'] ?? 'paper.css'));
  for (const name of PAPER) {
    const text = await readFile(join(app, name), 'utf8');
    paper[name] = Buffer.from(text.replace(`href="${names['paper.css'] ?? 'paper.css'}"`, 'href="paper.css"'));
  }
  for (const [name, bytes] of Object.entries(paper)) await writeFile(join(out, name), bytes);

  const lines = [
    '# Subresource Integrity (sha384) of the published files. Made by web/package.mjs.',
    `embed/${LOADER} ${sri(Buffer.from(loader))}`,
    ...Object.entries(files).map(([name, bytes]) => `embed/${name} ${sri(bytes)}`),
    ...Object.entries(versions).map(([name, bytes]) => `embed/instruments/${name} ${sri(bytes)}`),
    `naastenmeter.html ${sri(Buffer.from(html))}`,
    ...Object.entries(paper).map(([name, bytes]) => `${name} ${sri(bytes)}`),
  ];
  await writeFile(join(out, 'SRI.txt'), lines.join('\n') + '\n');
  console.log(`built ${out}\n${lines.slice(1).join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`web/package.mjs: ${error.message}`);
    process.exit(1);
  });
}
