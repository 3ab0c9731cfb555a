// The bundled example's backend: a small pet store over plain HTTP, so `npm start` has something
// real for the example API's HTTP_PROXY integrations to call.

import { createServer, type Server } from 'node:http';

const PETS = [
  { id: 1, type: 'dog', price: 249.99 },
  { id: 2, type: 'cat', price: 124.99 },
  { id: 3, type: 'fish', price: 0.99 },
];

export async function startPetsBackend(host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/pets' && req.method === 'GET') {
      const type = url.searchParams.get('type');
      return reply(200, type ? PETS.filter((pet) => pet.type === type) : PETS);
    }
    const match = /^\/pets\/([^/]+)$/.exec(url.pathname);
    if (match && req.method === 'GET') {
      const pet = PETS.find((candidate) => String(candidate.id) === match[1]);
      return pet ? reply(200, pet) : reply(404, { message: `no pet ${match[1]}` });
    }
    reply(200, { message: 'hello from the example backend', method: req.method, path: url.pathname });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
