// A tiny static file server for web/dist (or another folder) that sends the
// app's strict Content-Security-Policy and deployment headers. Loopback
// only, no dependencies. For development and the browser tests, not for
// production hosting (any static host with these headers will do; see
// docs/hosting.md).
//
// It behaves like a production host: it sends the precompressed .br or .gz
// that web/build.sh writes beside a file when the request's Accept-Encoding
// allows it (with Vary: Accept-Encoding), lets browsers keep content-hashed
// files (name.<16 hex>.ext) for a year, and makes them ask again for every
// other file (index.html, the paper questionnaires), so a new build is
// seen at once.
//
//   node web/serve.mjs [--dir web/dist] [--port 8080]
//
// Port 0 picks a free port; the chosen URL is printed as "serving <url>".
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy from the web-app issue; the app must work under it unchanged. */
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** For files whose name holds their content's hash: a new build has new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** For every other file: the browser may keep it but must ask whether it changed. */
export const REVALIDATE = 'no-cache';
const HASHED = /\.[0-9a-f]{16}\.[a-z0-9]+$/;

/**
 * The encodings the request accepts, by name, with their q-values
 * (RFC 9110 12.5.3): "br;q=0.5, gzip" gives { br: 0.5, gzip: 1 }; a "*"
 * counts for every encoding not named.
 */
function acceptedEncodings(header = '') {
  const accepted = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted[name] = q ? Number(q.slice(2)) || 0 : 1;
  }
  return accepted;
}

/**
 * The stored form of `file` to send: its .br, its .gz or itself, by the
 * request's Accept-Encoding and what exists (brotli first: it is smaller).
 */
async function pickEncoding(file, acceptEncoding) {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    const q = accepted[encoding] ?? accepted['*'] ?? 0;
    if (q > 0 && (await stat(file + suffix).catch(() => null))?.isFile()) {
      return { path: file + suffix, encoding };
    }
  }
  return { path: file, encoding: null };
}

/** Starts serving `dir` on 127.0.0.1:`port`; resolves to the server and its URL. */
export function serve(dir, port = 8080) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      'Cache-Control': 'no-store',
    };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403, headers).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      await stat(file); // a missing file is a 404, even when a .br of it were there
      const { path: sent, encoding } = await pickEncoding(file, req.headers['accept-encoding']);
      const body = await readFile(sent);
      const compressible = sent !== file || (await pickEncoding(file, 'br, gzip')).encoding !== null;
      res.writeHead(200, {
        ...headers,
        'Cache-Control': HASHED.test(file) ? IMMUTABLE : REVALIDATE,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        // Caches must keep the forms apart wherever there is more than one.
        ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolvePromise({ server, url });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
  };
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dir = option('--dir', join(here, 'dist'));
  const port = Number(option('--port', '8080'));
  serve(dir, port).then(({ url }) => console.log(`serving ${url}`), (error) => {
    console.error(`could not serve ${dir} on port ${port}: ${error.message}`);
    process.exit(1);
  });
}
