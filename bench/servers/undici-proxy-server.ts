// The physical limit for an HTTP_PROXY integration: the smallest keep-alive reverse proxy undici
// allows (one `undici.Pool`, `pool.request`, hop-by-hop headers dropped, the body forwarded chunk by
// chunk: measured about 1.5x faster here than `stream.pipeline`). `node undici-proxy-server.js PORT BACKEND`.

import { createServer, type OutgoingHttpHeaders } from 'node:http';
import { Pool } from 'undici';

const port = Number(process.argv[2]);
const pool = new Pool(process.argv[3] ?? 'http://127.0.0.1:1', { connections: 128 });

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);

/** Request headers as undici takes them: a flat [name, value, ...] array, hop-by-hop dropped. */
function forwardRequestHeaders(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, raw[i + 1] as string);
  }
  return kept;
}

function forwardResponseHeaders(headers: Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

// hot path
createServer((req, res) => {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  pool
    .request({
      method: (req.method ?? 'GET') as 'GET',
      path: req.url ?? '/',
      headers: forwardRequestHeaders(req.rawHeaders),
      body: hasBody ? req : null,
    })
    .then((upstream) => {
      res.writeHead(upstream.statusCode, forwardResponseHeaders(upstream.headers));
      const body = upstream.body;
      body.on('data', (chunk: Buffer) => {
        if (!res.write(chunk)) {
          body.pause();
          res.once('drain', () => body.resume());
        }
      });
      body.on('end', () => res.end());
      body.on('error', () => res.destroy());
    })
    .catch(() => {
      res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end('{"message":"bad gateway"}');
    });
  if (!hasBody) req.resume();
}).listen(port, '127.0.0.1');
