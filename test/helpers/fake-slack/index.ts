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
import { defaultAnswer, parseApiCall, readBody, type ApiCall, type FakeInstall, type FakeWorkspace, type HostedFile, type MethodHandler, type PostedMessage } from './web-api.ts';

export type { ApiCall, FakeInstall, HostedFile, MethodHandler } from './web-api.ts';
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
  /** The request body as sent (multipart form data from the Slack client). */
  bytes: Buffer;
  /** The file itself: the form's file part when multipart, else the body. */
  content: Buffer;
}

/** The first file part of a multipart body (how the Slack client posts to upload_url), or the body itself. */
async function uploadedContent(req: IncomingMessage, raw: Buffer): Promise<Buffer> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return raw;
}

/** One request for a hosted file's bytes. */
export interface FileDownload {
  fileId: string;
  /** From `Authorization: Bearer …`; Slack serves private files only with a token that has files:read. */
  token: string | undefined;
  /** Whether the bytes were served (false: the token was wrong or missing). */
  served: boolean;
}

export interface HostFileOptions {
  name: string;
  bytes: Buffer;
  /** The size the file object claims (default: the real size), e.g. to test a refusal by size. */
  size?: number;
  mimetype?: string;
  /** 'hosted' unless told: 'external' for a link to another service, 'tombstone' when deleted. */
  mode?: string;
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
  /** Every request for a hosted file's bytes. */
  downloads: Recorder<FileDownload>;
  /**
   * Stores a file as if someone uploaded it to Slack: served at its url_private_download (only
   * with the bot token `token`, default 'xoxb-test'; otherwise Slack's sign-in page, as Slack
   * does) and by files.info. Returns the file object an event carries.
   */
  hostFile(options: HostFileOptions, token?: string): HostedFile;
  /** Block Kit violations the fake refused; a correct bot leaves this empty. */
  problems: string[];
  /** usergroups.users.list answers: group id → member ids. */
  usergroups: Map<string, string[]>;
  /** users.info answers: user id → fields of the user object (e.g. `{ is_admin: true, team_id: 'T0OTHER' }`). */
  users: Map<string, Record<string, unknown>>;
  socket: SocketModeFake;
  /** Bot token → workspace, for auth.test (filled by installs too). */
  workspaces: Map<string, FakeWorkspace>;
  /**
   * Grants an installation as Slack's consent screen would: returns the authorization code
   * that oauth.v2.access exchanges (once) for this workspace's bot token.
   */
  grantInstall(install: FakeInstall): string;
  /** The app's OAuth credentials; oauth.v2.access refuses others (invalid_client_id). */
  oauthApp: { clientId: string; clientSecret: string } | undefined;
  /** Tokens Slack no longer accepts: every call with one answers `token_revoked`. */
  revoked: Set<string>;
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
  const downloads = new Recorder<FileDownload>('file download');
  const fileTokens = new Map<string, string>();
  const problems: string[] = [];
  const usergroups = new Map<string, string[]>();
  const users = new Map<string, Record<string, unknown>>();
  const overrides = new Map<string, MethodHandler>();
  let counter = 0;
  let base = '';

  const revoked = new Set<string>();
  const state = {
    workspaces: new Map<string, FakeWorkspace>(),
    installs: new Map<string, FakeInstall>(),
    oauthApp: undefined as { clientId: string; clientSecret: string } | undefined,
    wsUrl: () => `${base.replace(/^http/, 'ws')}/link/?ticket=t${++counter}`,
    uploadUrl: (fileId: string) => `${base}/upload/${fileId}`,
    usergroups,
    users,
    problems,
    nextTs: () => `${1_700_000_000 + ++counter}.000100`,
    nextId: (prefix: string) => `${prefix}0${++counter}`,
    channels: new Map<string, PostedMessage[]>(),
    files: new Map<string, { file: HostedFile; bytes: Buffer }>(),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (api?.[1]) {
      const call = parseApiCall(api[1], req, raw);
      calls.push(call);
      if (call.token && revoked.has(call.token)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'token_revoked' }));
        return;
      }
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
    const download = /^\/files-pri\/T0FAKE-(\w+)\/(?:download\/)?[^/]+$/.exec(path);
    if (download?.[1] && req.method === 'GET') {
      const fileId = download[1];
      const hosted = state.files.get(fileId);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const served = Boolean(hosted) && token !== undefined && token === fileTokens.get(fileId);
      downloads.push({ fileId, token, served });
      if (!hosted) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('file not found');
        return;
      }
      if (!served) {
        // What Slack does for a private file without a usable token: its sign-in page, status 200.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><title>Sign in | Slack</title></html>');
        return;
      }
      res.writeHead(200, { 'content-type': hosted.file.mimetype, 'content-length': String(hosted.bytes.length) }).end(hosted.bytes);
      return;
    }
    if (path.startsWith('/upload/')) {
      uploads.push({ fileId: path.slice('/upload/'.length), bytes: raw, content: await uploadedContent(req, raw) });
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
    downloads,
    hostFile(options, token = 'xoxb-test') {
      const id = state.nextId('F');
      const name = options.name;
      const extension = /\.(\w+)$/.exec(name)?.[1]?.toLowerCase() ?? 'binary';
      const file: HostedFile = {
        id,
        name,
        title: name,
        size: options.size ?? options.bytes.length,
        mimetype: options.mimetype ?? (extension === 'csv' ? 'text/csv' : extension === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/octet-stream'),
        filetype: extension,
        mode: options.mode ?? 'hosted',
        url_private: `${base}/files-pri/T0FAKE-${id}/${encodeURIComponent(name)}`,
        url_private_download: `${base}/files-pri/T0FAKE-${id}/download/${encodeURIComponent(name)}`,
      };
      state.files.set(id, { file, bytes: options.bytes });
      fileTokens.set(id, token);
      return file;
    },
    problems,
    usergroups,
    users,
    socket,
    workspaces: state.workspaces,
    grantInstall(install) {
      const code = `code-${++counter}`;
      state.installs.set(code, install);
      return code;
    },
    get oauthApp() {
      return state.oauthApp;
    },
    set oauthApp(value) {
      state.oauthApp = value;
    },
    revoked,
    onMethod: (method, handler) => overrides.set(method, handler),
    responseUrl: () => `${base}/response/r${++counter}`,
    responseTo(url, index = 0) {
      // Counts this url's messages as they are looked at (those already here, then each new
      // one): one pass, where re-filtering every message for each one made a wait O(n²).
      let seen = 0;
      return responses.waitFor((r) => r.url === url && seen++ === index);
    },
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
