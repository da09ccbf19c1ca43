/**
 * A stand-in for ice.gov on 127.0.0.1: a 287(g) page linking to a participating-agencies sheet,
 * served with an ETag and answering If-None-Match with 304. Each case sets what it serves.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIce {
  /** The page's address (ICE_287G_URL). */
  pageUrl: string;
  /** What the server does; change between checks. */
  state: {
    page: 'ok' | 'no-link' | 'forbidden' | 'slow';
    file: 'ok' | 'missing';
    /** The bytes served as the sheet, and the name it is linked under. */
    bytes: Uint8Array;
    fileName: string;
    /** Sent as the ETag; by default the bytes' hash. */
    etag?: string;
  };
  /** Requests seen: 'page', 'file 200', 'file 304'… */
  log: string[];
  /** Sheet downloads answered with a body. */
  downloads(): number;
  close(): Promise<void>;
}

const page = (href: string | null) =>
  `<html><body><h1>287(g)</h1><p>Participating agencies:</p>` +
  (href ? `<a href="/doclib/pending.xlsx">Pending agencies</a> <a href="${href}">Participating Agencies (XLSX)</a>` : '<p>Coming soon.</p>') +
  '</body></html>';

export async function startFakeIce(initial: Pick<FakeIce['state'], 'bytes' | 'fileName'>): Promise<FakeIce> {
  const log: string[] = [];
  const state: FakeIce['state'] = { page: 'ok', file: 'ok', ...initial };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/287g') {
      log.push('page');
      if (state.page === 'forbidden') return void res.writeHead(403).end('Access Denied');
      if (state.page === 'slow') return; // never answers: the client's timeout must end it
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(state.page === 'ok' ? `/doclib/${state.fileName}` : null));
      return;
    }
    if (path === `/doclib/${state.fileName}` && state.file === 'ok') {
      const etag = state.etag ?? `"${createHash('sha256').update(state.bytes).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        log.push('file 304');
        return void res.writeHead(304, { etag }).end();
      }
      log.push('file 200');
      res.writeHead(200, { etag, 'last-modified': 'Mon, 18 May 2026 09:00:00 GMT', 'content-length': state.bytes.byteLength }).end(state.bytes);
      return;
    }
    log.push(`404 ${path}`);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: `http://127.0.0.1:${port}/287g`,
    state,
    log,
    downloads: () => log.filter((l) => l === 'file 200').length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
