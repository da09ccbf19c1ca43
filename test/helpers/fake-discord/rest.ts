/**
 * The REST half of the fake Discord: records every call, answers the routes a bot uses,
 * and can answer chosen routes with a 429 first. Bodies are parsed (JSON, or multipart with
 * `payload_json` and files) so tests can assert what the bot sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseBody, type SentFile } from './multipart.ts';

export type { SentFile } from './multipart.ts';

/** One request the bot made. */
export interface RestCall {
  method: string;
  /** The path after `/api/v10`, e.g. '/interactions/123/tok/callback'. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The JSON body, or a multipart body's `payload_json`; undefined when there is none. */
  body: unknown;
  files: SentFile[];
  /** performance.now() when the request was complete. */
  receivedAt: number;
  /** The status the fake answered with. */
  status: number;
}

export interface RateLimitRule {
  method?: string;
  path: RegExp | string;
  /** Seconds, sent as the Retry-After header. */
  retryAfter: number;
  /** How many matching requests get a 429 (default 1). */
  times?: number;
  global?: boolean;
}

export interface FailureRule {
  method?: string;
  path: RegExp | string;
  /** The HTTP status to answer with, e.g. 500 or 404. */
  status: number;
  /** Discord's JSON error code in the body, e.g. 10003 (Unknown Channel); 0 by default. */
  code?: number;
  times?: number;
}

/** What a route handler answers: a JSON body with a status, or 204 with nothing. */
export type RouteAnswer = { status: number; json?: unknown; raw?: { contentType: string; data: Buffer } };

export type RouteHandler = (call: RestCall, params: string[]) => RouteAnswer;

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
  /** Routes Discord serves without the bot token (interaction callbacks, webhooks, CDN). */
  open: boolean;
}

const API_PREFIX = '/api/v10';
const MAX_BODY = 30 * 1024 * 1024;

export class RestRecorder {
  readonly calls: RestCall[] = [];
  private readonly routes: Route[] = [];
  private readonly limits: (RateLimitRule & { left: number })[] = [];
  private readonly failures: (FailureRule & { left: number })[] = [];
  private readonly waiters: { match: (call: RestCall) => boolean; resolve: (call: RestCall) => void }[] = [];
  private readonly counters: { match: (call: RestCall) => boolean; count: number; resolve: (calls: RestCall[]) => void }[] = [];

  constructor(private readonly token: string) {}

  route(method: string, pattern: RegExp, handler: RouteHandler, open = false): void {
    this.routes.push({ method, pattern, handler, open });
  }

  rateLimit(rule: RateLimitRule): void {
    this.limits.push({ ...rule, left: rule.times ?? 1 });
  }

  fail(rule: FailureRule): void {
    this.failures.push({ ...rule, left: rule.times ?? 1 });
  }

  /** The first call (already made or still to come) that matches. */
  waitFor(match: (call: RestCall) => boolean): Promise<RestCall> {
    const done = this.calls.find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The first `count` matching calls, once that many have been made. */
  waitForMany(match: (call: RestCall) => boolean, count: number): Promise<RestCall[]> {
    const done = this.calls.filter(match);
    if (done.length >= count) return Promise.resolve(done.slice(0, count));
    return new Promise((resolve) => this.counters.push({ match, count, resolve }));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const inApi = url.pathname.startsWith(API_PREFIX);
    const pathname = inApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    // discord.js writes '@original' as '%40original'; attachment paths stay as served.
    const path = inApi ? decodeURIComponent(pathname) : pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const { body, files } = parseBody(req.headers['content-type'], raw);
    const call: RestCall = { method, path, query: url.searchParams, headers: req.headers, body, files, receivedAt: performance.now(), status: 0 };

    const answer = this.answer(call, req.headers.authorization, inApi);
    call.status = answer.status;
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
    for (const counter of [...this.counters]) {
      const done = this.calls.filter(counter.match);
      if (done.length >= counter.count) {
        this.counters.splice(this.counters.indexOf(counter), 1);
        counter.resolve(done.slice(0, counter.count));
      }
    }
    send(res, answer);
  }

  private answer(call: RestCall, authorization: string | undefined, inApi: boolean): RouteAnswer & { headers?: Record<string, string> } {
    const matches = (rule: { method?: string; path: RegExp | string; left: number }) =>
      rule.left > 0 && (!rule.method || rule.method === call.method) && (typeof rule.path === 'string' ? call.path === rule.path : rule.path.test(call.path));
    const failure = this.failures.find(matches);
    if (failure) {
      failure.left--;
      return { status: failure.status, json: { message: `${failure.status}: injected failure`, code: failure.code ?? 0 } };
    }
    const limit = this.limits.find(matches);
    if (limit) {
      limit.left--;
      return {
        status: 429,
        json: { message: 'You are being rate limited.', retry_after: limit.retryAfter, global: Boolean(limit.global) },
        headers: {
          'retry-after': String(limit.retryAfter),
          'x-ratelimit-scope': 'user',
          ...(limit.global ? { 'x-ratelimit-global': 'true' } : {}),
        },
      };
    }
    for (const route of this.routes) {
      if (route.method !== call.method) continue;
      const found = route.pattern.exec(call.path);
      if (!found || (!inApi && !route.open)) continue;
      if (!route.open && authorization !== `Bot ${this.token}`) return { status: 401, json: { message: '401: Unauthorized', code: 0 } };
      return route.handler(call, found.slice(1));
    }
    return { status: 404, json: { message: '404: Not Found', code: 0 } };
  }
}

function send(res: ServerResponse, answer: RouteAnswer & { headers?: Record<string, string> }): void {
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  if (answer.raw) {
    res.writeHead(answer.status, { 'content-type': answer.raw.contentType, 'content-length': answer.raw.data.length });
    res.end(answer.raw.data);
  } else if (answer.json === undefined) {
    // A 204 with `content-type: application/json` makes @discordjs/rest try to parse nothing.
    res.writeHead(answer.status);
    res.end();
  } else {
    const data = Buffer.from(JSON.stringify(answer.json));
    res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': data.length });
    res.end(data);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
