// A small HTTP server with route registration, independent of the core and of any chat library,
// so that the calendar feeds and (later) other routes run on their own server or are handed to
// Slack's HTTP receiver (Bolt's customRoutes take the same shape) when Slack runs in HTTP mode.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** Routes match on a path prefix ending in '/' (the rest is the route's to read) or the exact path. */
function find(routes: readonly HttpRoute[], req: IncomingMessage): HttpRoute | undefined {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  return routes.find((r) => r.method.includes(req.method ?? 'GET') && (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path));
}

export interface RunningHttp {
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(routes: readonly HttpRoute[], port: number, host?: string): Promise<RunningHttp> {
  const server = createServer((req, res) => {
    const route = find(routes, req);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
