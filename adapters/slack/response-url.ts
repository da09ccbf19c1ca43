/**
 * Answers a slash command at its response_url. Bolt's respond() serializes the message and
 * sends it through fetch for every answer; a cached reply's message is the same object every
 * time (renderOncePerLanguage), so here its bytes are made once and posted over a kept-alive
 * connection — the same request, a fraction of the work (see the README's Slack latency note).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SlackMessage } from './render-blocks.ts';

export type ResponseType = 'in_channel' | 'ephemeral';

const encoded = new WeakMap<SlackMessage, Partial<Record<ResponseType, Buffer>>>();

/** The JSON body Bolt's respond() would send for `{ ...message, response_type }`, made once per message. */
export function answerBody(message: SlackMessage, responseType: ResponseType): Buffer {
  let bodies = encoded.get(message);
  if (!bodies) encoded.set(message, (bodies = {}));
  return (bodies[responseType] ??= Buffer.from(JSON.stringify({ ...message, response_type: responseType })));
}

/** Raised as Bolt's RespondError is: the response_url refused the answer (expired, rate limited). */
export class ResponseUrlError extends Error {
  override name = 'ResponseUrlError';
  constructor(readonly status: number) {
    super(`Failed to respond to the response_url: ${status}`);
  }
}

export type PostAnswer = (responseUrl: string, body: Buffer) => Promise<void>;

/** A poster with its own kept-alive connections; `destroy` closes them on shutdown. */
export function responseUrlPoster(): { post: PostAnswer; destroy(): void } {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const post: PostAnswer = (responseUrl, body) =>
    new Promise((resolve, reject) => {
      const url = new URL(responseUrl);
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:') {
        reject(new Error(`response_url is not http(s): ${url.protocol}`));
        return;
      }
      const send = secure ? httpsRequest : httpRequest;
      const attempt = (retried: boolean) => {
        const req = send(
          url,
          { method: 'POST', agent: secure ? agents.https : agents.http, headers: { 'content-type': 'application/json', 'content-length': body.length } },
          (res: IncomingMessage) => {
            res.resume(); // the body says nothing we use; reading it frees the connection
            res.on('end', () => ((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300 ? resolve() : reject(new ResponseUrlError(res.statusCode ?? 0))));
            res.on('error', reject);
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          // A kept-alive connection the server closed while idle, just as this request went out
          // on it: the request was never read, so it is sent once more on a new connection
          // (the case Node's documentation gives for req.reusedSocket). Seen under load.
          if (!retried && req.reusedSocket && error.code === 'ECONNRESET') attempt(true);
          else reject(error);
        });
        req.end(body);
      };
      attempt(false);
    });
  return { post, destroy: () => (agents.http.destroy(), agents.https.destroy()) };
}
