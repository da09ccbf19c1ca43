import { randomUUID } from 'node:crypto';
import { languageFor } from '../i18n/choose-language.ts';
import { msg, t } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { text, type Invocation, type Reply } from '../reply.ts';
import { UserError } from './errors.ts';
import { parseCommandLine, validateArgs } from './parse.ts';
import { cachedReply } from './reply-cache.ts';
import type { CommandRegistry } from './registry.ts';
import type { Args, CommandContext } from './types.ts';
import { commandWait } from '../trust/limit-check.ts';
import { rateLimitedError } from '../trust/errors.ts';

export interface RunContext extends CommandContext {
  registry: CommandRegistry;
  logger: Logger;
}

/** Runs a typed invocation (from a slash command or a button). Never throws. */
export async function runInvocation(ctx: RunContext, invocation: Invocation | { command: string; args: Args }): Promise<Reply> {
  const wait = commandWait(ctx);
  if (wait) return limitedReply(ctx, wait, invocation.command);
  return runCounted(ctx, invocation);
}

/** The caller went over the per-user limit: a private "try again in N s", logged once per refusal. */
function limitedReply(ctx: RunContext, seconds: number, what: string): Reply {
  ctx.logger.warn({ caller: ctx.caller.id, workspace: ctx.conversation?.workspaceId, what, seconds }, 'refused: per-user limit');
  return toReply(ctx, rateLimitedError(seconds), what);
}

async function runCounted(ctx: RunContext, invocation: Invocation | { command: string; args: Args }): Promise<Reply> {
  try {
    const command = ctx.registry.get(invocation.command);
    if (!command) throw new UserError('unknown_command', 'parse.unknown', { name: invocation.command }, [msg('parse.help')]);
    if (command.permission === 'moderator' && !ctx.caller.isModerator) {
      ctx.logger.warn({ caller: ctx.caller.id, command: command.name }, 'refused: moderator command by non-moderator');
      throw new UserError('forbidden', 'run.moderators-only', {}, [msg('run.moderators-only.hint', { command: command.name })]);
    }
    const args = validateArgs(command, invocation.args);
    return await cachedReply(command, ctx, args);
  } catch (error) {
    return toReply(ctx, error, invocation.command);
  }
}

/** Parses and runs a line of free text (console, Slack). Never throws. */
export async function runLine(ctx: RunContext, line: string): Promise<Reply> {
  const wait = commandWait(ctx);
  if (wait) return limitedReply(ctx, wait, line.slice(0, 40));
  try {
    const { command, args } = parseCommandLine(ctx.registry, line);
    return await runCounted(ctx, { command: command.name, args });
  } catch (error) {
    return toReply(ctx, error, line.slice(0, 40));
  }
}

function toReply(ctx: RunContext, error: unknown, what: string): Reply {
  if (error instanceof UserError) return error.toReply(safeLanguage(ctx));
  const reference = randomUUID().slice(0, 8);
  ctx.logger.error({ err: error, reference, what, caller: ctx.caller.id }, 'command failed');
  const language = safeLanguage(ctx);
  return {
    status: 'user_error',
    errorCode: 'internal_error',
    title: t(language, 'run.internal'),
    intro: [[text(t(language, 'run.internal.hint', { reference }))]],
    sections: [],
    notes: [],
  };
}

/** The reply language, or English when even that cannot be read (the store itself may be the failure). */
function safeLanguage(ctx: RunContext) {
  try {
    return languageFor(ctx);
  } catch {
    return 'en' as const;
  }
}
