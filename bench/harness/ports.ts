// Free loopback ports for the servers a run starts: ask the kernel for an ephemeral port on
// 127.0.0.1, close it, hand it out. Every server the benchmark starts listens on 127.0.0.1 only.

import { createServer } from 'node:net';

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
