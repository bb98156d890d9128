// A tiny static file server for web/dist (or another folder) that sends the
// app's strict Content-Security-Policy and deployment headers. Loopback
// only, no dependencies. For development and the browser tests, not for
// production hosting (any static host with these headers will do).
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
  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

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
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
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
