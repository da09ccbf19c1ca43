import { randomUUID } from 'node:crypto';
import { languageFor } from '../i18n/choose-language.ts';
import { msg, t } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { text, type Invocation, type Reply } from '../reply.ts';
import { UserError } from '../user-error.ts';
import { inPlatformSyntax, validateArgs } from './parse.ts';
import { parseLine } from './parse-cache.ts';
import { placeStep } from './place-note.ts';
import { greetingLanguage } from './command-words.ts';
import { greetingReply } from './greeting.ts';
import { preflight, refusal, type Preflight } from './preflight.ts';
import { cachedReply } from './reply-cache.ts';
import type { CommandRegistry } from './registry.ts';
import type { Args, CommandContext, CommandDef } from './types.ts';
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
    const command = allowedCommand(ctx, preflight(ctx.registry, { command: invocation.command }, ctx.caller));
    if (!command) throw new UserError('unknown_command', 'parse.unknown', { name: invocation.command }, [msg('parse.help')]);
    // A city or ZIP code in the county option becomes its county; the answer says so.
    const place = placeStep(ctx, command, validateArgs(command, invocation.args));
    return place.finish(await cachedReply(command, ctx, place.args));
  } catch (error) {
    return toReply(ctx, error, invocation.command);
  }
}

/** Parses and runs a line of free text (console, Slack). Never throws. */
export async function runLine(ctx: RunContext, line: string): Promise<Reply> {
  const wait = commandWait(ctx);
  if (wait) return limitedReply(ctx, wait, line.slice(0, 40));
  try {
    // "hola" is answered in Spanish wherever it is typed; "hi" in the channel's language.
    const greeting = greetingLanguage(line);
    if (greeting) return greetingReply(greeting === 'es' ? 'es' : languageFor(ctx), ctx.conversation?.platform);
    // A caller who may not run the command hears that, not what is wrong with its arguments.
    allowedCommand(ctx, preflight(ctx.registry, { line }, ctx.caller));
    const { command, args } = parseLine(ctx.registry, line);
    return await runCounted(ctx, { command: command.name, args });
  } catch (caught) {
    const error = caught instanceof UserError ? inPlatformSyntax(caught, ctx.conversation?.platform) : caught;
    // A secret typed as token:… never reaches the log.
    return toReply(ctx, error, line.replace(/\btoken:\S+/gi, 'token:…').slice(0, 40));
  }
}

/** The preflight's command, or its refusal (logged) thrown when the caller may not run it. */
function allowedCommand(ctx: RunContext, checked: Preflight): CommandDef | undefined {
  if (checked.command && !checked.allowed) {
    ctx.logger.warn({ caller: ctx.caller.id, command: checked.command.name, needs: checked.command.permission }, 'refused: command above the caller\'s roles');
    throw refusal(checked.command);
  }
  return checked.command;
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
