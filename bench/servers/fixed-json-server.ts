// The physical limit for a MOCK integration, and the backend every proxy in the benchmark calls: a
// bare `node:http` server answering every request with the same small JSON document.
// Run as a child process: `node fixed-json-server.js PORT`; listens on 127.0.0.1 only.

import { createServer } from 'node:http';

export const FIXED_JSON = JSON.stringify({ message: 'hello from the bench backend', ok: true });

const port = Number(process.argv[2]);
const body = Buffer.from(FIXED_JSON);

// hot path
createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
}).listen(port, '127.0.0.1');
