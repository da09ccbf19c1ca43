import { renderText } from '../../adapters/console/render.ts';
import { createRegistry } from '../../src/commands/index.ts';
import { invocationText } from '../../src/framework/invocation-text.ts';
import { runLine, type RunContext } from '../../src/framework/run.ts';
import type { Conversation } from '../../src/framework/types.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { testCaller } from './caller.ts';
import { loadedStore, testClock } from './store.ts';

export interface Answer {
  reply: Reply;
  /** The reply as the console shows it. */
  text: string;
}

/** A recording chat: a line in, the reply out — the way a user sees it in the console. */
export function conversation(
  options: { store?: Store; moderator?: boolean; manager?: boolean; locale?: string; conversation?: Conversation } = {},
) {
  const registry = createRegistry();
  const ctx: RunContext = {
    store: options.store ?? loadedStore(),
    clock: testClock,
    registry,
    logger: silentLogger,
    caller: testCaller('test:user', { displayName: 'tester', moderator: options.moderator ?? false, manager: options.manager ?? false }),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.conversation ? { conversation: options.conversation } : {}),
  };
  return {
    ctx,
    async ask(line: string): Promise<Answer> {
      const reply = await runLine(ctx, line);
      return { reply, text: renderText(reply, { commandLine: (inv) => invocationText(registry, inv) }) };
    },
  };
}
