// Baseline for bench/redirect.ts: the least a node:http server can do to answer a short link — one
// Map lookup, a fresh 12-character click id, the same 302 and headers as kosmatrix. No database.
// Usage: node bench/bare-redirect-server.mjs <port> <slug> <destination with {click_id}>
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const [port, slug, destination] = process.argv.slice(2);
if (!port || !slug || !destination) throw new Error('usage: bare-redirect-server.mjs <port> <slug> <destination>');
const links = new Map([[`/${slug}`, destination]]);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
let pool = Buffer.alloc(0);
let offset = 0;
/** Same generator as kosmatrix's click ids: pooled CSPRNG bytes, unbiased by rejection. */
function newId() {
  let id = '';
  while (id.length < 12) {
    if (offset >= pool.length) {
      pool = randomBytes(8192);
      offset = 0;
    }
    const byte = pool[offset++];
    if (byte < 248) id += ALPHABET[byte % 62];
  }
  return id;
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const target = req.method === 'GET' || req.method === 'HEAD' ? links.get(query === -1 ? url : url.slice(0, query)) : undefined;
  if (target === undefined) {
    res.writeHead(404, { 'content-length': '0' });
    res.end();
    return;
  }
  res.writeHead(302, {
    location: target.replaceAll('{click_id}', newId()),
    'cache-control': 'private, no-store',
    'content-length': '0',
  });
  res.end();
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`bare redirect server listening on ${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
