import { dataStamp } from '../db/data-stamp.ts';
import type { Db } from '../db/open.ts';
import { languageFor } from '../i18n/choose-language.ts';
import type { Reply } from '../reply.ts';
import type { Args, CommandContext, CommandDef } from './types.ts';

/** Replies kept per connection; the oldest go first past this. */
const MAX_ENTRIES = 2_000;
/** Replies mention "today" (elections, as-of dates): none outlives this slice of time. */
const TIME_SLICE_MS = 15 * 60_000;

interface Cache {
  stamp: string;
  replies: Map<string, Reply>;
}

const caches = new WeakMap<Db, Cache>();

function cacheFor(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { stamp: '', replies: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Runs a read-only command through a cache of its replies. A reply depends only on the
 * arguments, the reader's language and roles, the time slice and the data;
 * any write clears the cache.
 */
export async function cachedReply(command: CommandDef, ctx: CommandContext, args: Args): Promise<Reply> {
  if (!command.cacheable) return command.handler(ctx, args);
  const cache = cacheFor(ctx.store.db);
  const stamp = dataStamp(ctx.store.db);
  if (stamp !== cache.stamp) {
    cache.replies.clear();
    cache.stamp = stamp;
  }
  const slice = Math.floor(ctx.clock.now().getTime() / TIME_SLICE_MS);
  const key = `${command.name}\u0000${JSON.stringify(args)}\u0000${languageFor(ctx)}\u0000${ctx.caller.isEditor}${ctx.caller.isCommunityManager}\u0000${slice}`;
  const hit = cache.replies.get(key);
  if (hit) return hit;
  const reply = await command.handler(ctx, args);
  // The handler may have written (it should not, being cacheable): re-check before keeping.
  if (dataStamp(ctx.store.db) !== stamp) return reply;
  if (cache.replies.size >= MAX_ENTRIES) cache.replies.delete(cache.replies.keys().next().value!);
  cache.replies.set(key, Object.freeze(reply));
  return reply;
}
