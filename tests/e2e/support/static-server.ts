// A plain static file server, as the simplest hosts are: no rewrites, no SPA fallback. A folder
// without its trailing slash redirects (as GitHub Pages and nginx do); with `--404`, unknown paths get
// 404.html with status 404 (GitHub Pages, Netlify, Cloudflare Pages). `tsx static-server.ts DIR PORT [BASE] [--404]`
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir, port, base = '/'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const notFoundPage = process.argv.includes('--404');
const root = path.resolve(dir!);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain',
};

// Text goes out gzipped to clients that accept it, as every static host named in docs/deployment.md sends it.
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.xml', '.svg', '.txt']);

function send(req: http.IncomingMessage, res: http.ServerResponse, file: string, status = 200) {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const gzip = COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
  res.writeHead(status, {
    'Content-Type': type,
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  if (gzip) res.end(compressed(file));
  else fs.createReadStream(file).pipe(res);
}

/**
 * A file's gzip, made once while it stays unchanged, as a CDN's edge keeps it: compressing each
 * request as a stream took this 2-core machine 30-100 ms for a 5 KB file while the browser under test
 * was busy, which the bench's reader timings would count as the app's.
 */
const gzipped = new Map<string, { mtime: number; bytes: Buffer }>();
function compressed(file: string): Buffer {
  const mtime = fs.statSync(file).mtimeMs;
  const known = gzipped.get(file);
  if (known?.mtime === mtime) return known.bytes;
  const bytes = zlib.gzipSync(fs.readFileSync(file));
  gzipped.set(file, { mtime, bytes });
  return bytes;
}

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = '';
    }
    const file = rel.startsWith(base) ? path.join(root, rel.slice(base.length)) : '';
    const inside = file.startsWith(root + path.sep) || file === root;
    const stat = inside && fs.existsSync(file) ? fs.statSync(file) : undefined;
    if (stat?.isDirectory() && !url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    } else if (stat?.isDirectory() && fs.existsSync(path.join(file, 'index.html'))) {
      send(req, res, path.join(file, 'index.html'));
    } else if (stat?.isFile()) {
      send(req, res, file);
    } else if (notFoundPage && fs.existsSync(path.join(root, '404.html'))) {
      send(req, res, path.join(root, '404.html'), 404);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
    }
  })
  .listen(Number(port), '127.0.0.1');
