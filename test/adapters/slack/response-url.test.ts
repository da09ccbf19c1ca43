import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBody, ResponseUrlError, responseUrlPoster } from '../../../adapters/slack/response-url.ts';

/** A local response_url: records each body; /gone answers 404 as an expired response_url does. */
let server: Server;
let base = '';
const received: { path: string; type: string | undefined; body: string; port: number | undefined }[] = [];
/** Requests seen per connection; /drop-second closes a kept connection when its second request arrives, as a server closing an idle connection does. */
const perSocket = new WeakMap<object, number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const seen = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, seen);
    if (req.url === '/drop-second' && seen === 2) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', type: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8'), port: req.socket.remotePort });
      res.writeHead(req.url === '/gone' ? 404 : 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message = { text: 'Sheriff of Travis County', blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*Sally Hernandez*' } }] };

describe('Slack: answering at the response_url', () => {
  it('GIVEN the same message twice THEN its body is encoded once per response type, as Bolt\'s respond() would send it', () => {
    const body = answerBody(message, 'in_channel');
    expect(answerBody(message, 'in_channel')).toBe(body);
    expect(JSON.parse(body.toString('utf8'))).toEqual({ ...message, response_type: 'in_channel' });
    expect(JSON.parse(answerBody(message, 'ephemeral').toString('utf8')).response_type).toBe('ephemeral');
  });

  it('GIVEN a response_url THEN the JSON is posted there over one kept connection; a refusal rejects with its status', async () => {
    const poster = responseUrlPoster();
    try {
      await poster.post(`${base}/r1`, answerBody(message, 'in_channel'));
      await poster.post(`${base}/r2`, answerBody(message, 'ephemeral'));
      expect(received.map((r) => [r.path, r.type, JSON.parse(r.body).response_type])).toEqual([
        ['/r1', 'application/json', 'in_channel'],
        ['/r2', 'application/json', 'ephemeral'],
      ]);
      expect(received[1]!.port).toBe(received[0]!.port);
      const refused = await poster.post(`${base}/gone`, answerBody(message, 'in_channel')).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ResponseUrlError);
      expect((refused as ResponseUrlError).status).toBe(404);
      await expect(poster.post('ftp://example.org/x', answerBody(message, 'in_channel'))).rejects.toThrow(/not http/);
    } finally {
      poster.destroy();
    }
  });

  it('GIVEN the kept connection is closed by the server as the next answer goes out on it THEN the answer is posted once more on a new connection', async () => {
    const poster = responseUrlPoster();
    try {
      await poster.post(`${base}/drop-second`, answerBody(message, 'in_channel'));
      const before = received.length;
      await poster.post(`${base}/drop-second`, answerBody(message, 'ephemeral'));
      const answered = received.slice(before);
      expect(answered.map((r) => [r.path, JSON.parse(r.body).response_type])).toEqual([['/drop-second', 'ephemeral']]);
      expect(answered[0]!.port).not.toBe(received[before - 1]!.port);
    } finally {
      poster.destroy();
    }
  });
});
