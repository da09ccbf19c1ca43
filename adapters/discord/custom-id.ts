/**
 * Button custom ids that carry the whole invocation, so buttons keep working after a restart:
 *
 *   sw1:<action>:<tag>:<command>|<name>=<value>|…
 *
 * `action` is 'r' (run it as a new reply: a choice) or 'p' (page: replace the message).
 * `tag` is an HMAC of the rest, keyed by a secret derived from the bot token, so an id the
 * bot did not make (edited by a modified client, or from an older token) is refused instead
 * of run. Discord caps custom ids at 100 characters: encode() gives undefined past that and
 * the renderer falls back to text.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Invocation } from '../../src/reply.ts';

export const MAX_CUSTOM_ID = 100;
const PREFIX = 'sw1';
const TAG_LENGTH = 10;

export type ButtonAction = 'run' | 'page';

export type DecodedId =
  | { ok: true; action: ButtonAction; invocation: Invocation }
  /** 'foreign': not ours (another bot's or a disabled placeholder); the others look like ours but are not valid. */
  | { ok: false; reason: 'foreign' | 'oversized' | 'malformed' | 'tampered' };

export interface CustomIds {
  encode(action: ButtonAction, invocation: Invocation): string | undefined;
  decode(customId: string): DecodedId;
}

const escape = (value: string) => value.replace(/[%|=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function unescape(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The HMAC key: stable for a token, so ids survive restarts but not a token reset. */
export function customIdSecret(token: string): Buffer {
  return createHash('sha256').update('sheriff-watch custom ids v1\0').update(token).digest();
}

export function createCustomIds(secret: Buffer): CustomIds {
  const tagOf = (signed: string) => createHmac('sha256', secret).update(signed).digest('base64url').slice(0, TAG_LENGTH);

  return {
    encode(action, invocation) {
      const parts = [invocation.command];
      for (const [name, value] of Object.entries(invocation.args)) {
        if (value === undefined || value === '') continue;
        parts.push(`${escape(name)}=${escape(String(value))}`);
      }
      const body = parts.join('|');
      const actionChar = action === 'run' ? 'r' : 'p';
      const id = `${PREFIX}:${actionChar}:${tagOf(`${actionChar}:${body}`)}:${body}`;
      return id.length <= MAX_CUSTOM_ID ? id : undefined;
    },

    decode(customId) {
      if (typeof customId !== 'string' || !customId.startsWith(`${PREFIX}:`)) return { ok: false, reason: 'foreign' };
      if (customId.length > MAX_CUSTOM_ID) return { ok: false, reason: 'oversized' };
      const match = /^sw1:([rp]):([A-Za-z0-9_-]+):(.+)$/s.exec(customId);
      if (!match) return { ok: false, reason: 'malformed' };
      const [, actionChar, tag, body] = match as unknown as [string, 'r' | 'p', string, string];
      const expected = Buffer.from(tagOf(`${actionChar}:${body}`));
      const given = Buffer.from(tag);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'tampered' };
      const [command = '', ...pairs] = body.split('|');
      const args: Invocation['args'] = {};
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        const name = eq > 0 ? unescape(pair.slice(0, eq)) : undefined;
        const value = eq > 0 ? unescape(pair.slice(eq + 1)) : undefined;
        if (name === undefined || value === undefined) return { ok: false, reason: 'malformed' };
        args[name] = value;
      }
      if (!/^[a-z][a-z0-9-]{0,31}$/.test(command)) return { ok: false, reason: 'malformed' };
      return { ok: true, action: actionChar === 'r' ? 'run' : 'page', invocation: { command, args } };
    },
  };
}
