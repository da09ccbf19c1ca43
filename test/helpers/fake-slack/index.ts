/**
 * A local fake Slack on 127.0.0.1 for tests and benchmarks: the Web API (`apiUrl`), a
 * receiver for `response_url` posts, file uploads, and Socket Mode. It checks Block Kit
 * limits like Slack does and records everything, so a test asserts on what Slack would see.
 *
 *   const slack = await startFakeSlack();
 *   … point the bot at slack.apiUrl; give commands response_url: slack.responseUrl() …
 *   const answer = await slack.responseTo(url);
 *   await slack.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblems } from './block-kit.ts';
import { Recorder } from './recorder.ts';
import { SocketModeFake } from './socket-mode.ts';
import { defaultAnswer, parseApiCall, readBody, type ApiCall, type MethodHandler, type PostedMessage } from './web-api.ts';

export type { ApiCall, MethodHandler } from './web-api.ts';
export type { SocketAck, EnvelopeType } from './socket-mode.ts';
export { blockKitProblems } from './block-kit.ts';
export * from './signing.ts';

/** One JSON message posted to a response_url (what `respond()` sends). */
export interface ResponseMessage {
  url: string;
  body: {
    text?: string;
    blocks?: unknown[];
    response_type?: 'in_channel' | 'ephemeral';
    replace_original?: boolean;
    delete_original?: boolean;
    [key: string]: unknown;
  };
}

export interface UploadedFile {
  fileId: string;
  bytes: Buffer;
}

export interface FakeSlack {
  /** For SLACK_API_URL / Bolt's clientOptions.slackApiUrl. */
  apiUrl: string;
  baseUrl: string;
  /** Every Web API call, in order. */
  calls: Recorder<ApiCall>;
  /** Every message posted to a response_url. */
  responses: Recorder<ResponseMessage>;
  uploads: Recorder<UploadedFile>;
  /** Block Kit violations the fake refused; a correct bot leaves this empty. */
  problems: string[];
  /** usergroups.users.list answers: group id → member ids. */
  usergroups: Map<string, string[]>;
  socket: SocketModeFake;
  /** Replaces the fake's answer for one Web API method. */
  onMethod(method: string, handler: MethodHandler): void;
  /** A fresh response_url on this fake. */
  responseUrl(): string;
  /** The `index`-th message posted to `url` (waits for it). */
  responseTo(url: string, index?: number): Promise<ResponseMessage>;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls = new Recorder<ApiCall>('Web API call');
  const responses = new Recorder<ResponseMessage>('response_url message');
  const uploads = new Recorder<UploadedFile>('file upload');
  const problems: string[] = [];
  const usergroups = new Map<string, string[]>();
  const overrides = new Map<string, MethodHandler>();
  let counter = 0;
  let base = '';

  const state = {
    wsUrl: () => `${base.replace(/^http/, 'ws')}/link/?ticket=t${++counter}`,
    uploadUrl: (fileId: string) => `${base}/upload/${fileId}`,
    usergroups,
    problems,
    nextTs: () => `${1_700_000_000 + ++counter}.000100`,
    nextId: (prefix: string) => `${prefix}0${++counter}`,
    channels: new Map<string, PostedMessage[]>(),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (api?.[1]) {
      const call = parseApiCall(api[1], req, raw);
      calls.push(call);
      const override = overrides.get(call.method);
      const answer = override ? await override(call) : defaultAnswer(call, state);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    if (path.startsWith('/response/')) {
      const body = JSON.parse(raw.toString('utf8') || '{}') as ResponseMessage['body'];
      const found = body.blocks === undefined ? [] : blockKitProblems(body.blocks, { maxBlocks: 50 });
      responses.push({ url: `${base}${path}`, body });
      if (found.length) {
        problems.push(...found.map((p) => `response_url: ${p}`));
        res.writeHead(400).end('invalid_blocks');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (path.startsWith('/upload/')) {
      uploads.push({ fileId: path.slice('/upload/'.length), bytes: raw });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    res.writeHead(404).end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      problems.push(`fake Slack failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const socket = new SocketModeFake(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    baseUrl: base,
    calls,
    responses,
    uploads,
    problems,
    usergroups,
    socket,
    onMethod: (method, handler) => overrides.set(method, handler),
    responseUrl: () => `${base}/response/r${++counter}`,
    async responseTo(url, index = 0) {
      await responses.waitFor(() => responses.filter((r) => r.url === url).length > index);
      return responses.filter((r) => r.url === url)[index]!;
    },
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
