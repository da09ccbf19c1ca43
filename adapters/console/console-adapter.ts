import { languageFor } from '../../src/i18n/choose-language.ts';
import { t } from '../../src/i18n/index.ts';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { userInfo } from 'node:os';
import type { App } from '../../src/app.ts';
import { invocationText } from '../../src/framework/invocation-text.ts';
import { parseCommandLine } from '../../src/framework/parse.ts';
import { runInvocation, runLine, type RunContext } from '../../src/framework/run.ts';
import type { AttachedFile, Caller } from '../../src/framework/types.ts';
import { userError, type Choice, type Reply } from '../../src/reply.ts';
import { renderText } from './render.ts';
import { saveAttachments } from './save-attachments.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Show a prompt and a greeting (a terminal); otherwise answer line by line and stop at EOF. */
  interactive: boolean;
  /** Reply language, from `--lang`; the core falls back to English. */
  language?: string;
  /** Where files sent with replies (calendars) are written; the working directory by default. */
  filesDir?: string;
}

/** The operator of this installation: the console user edits the record and manages the channel. */
function operator(): Caller {
  let name = 'operator';
  try {
    name = userInfo().username;
  } catch {
    // Some containers have no passwd entry; the generic name is fine.
  }
  return { id: 'console:operator', platform: 'console', workspaceId: 'local', userId: 'operator', displayName: name, isEditor: true, isCommunityManager: true };
}

/**
 * In the terminal an 'attachment' option's text is a file path: read each into ctx.attachments
 * before the command runs. Returns an error reply when a file cannot be read.
 */
async function attachFiles(ctx: RunContext, line: string): Promise<Reply | undefined> {
  const files: Record<string, AttachedFile> = {};
  try {
    const { command, args } = parseCommandLine(ctx.registry, line);
    for (const option of command.options.filter((o) => o.type === 'attachment' && args[o.name] !== undefined)) {
      const path = String(args[option.name]);
      try {
        files[option.name] = { filename: basename(path), data: await readFile(path) };
      } catch (error) {
        const language = languageFor(ctx);
        return userError('bad_file', t(language, 'console.bad-file', { path }), [
          t(language, 'console.bad-file.hint', { error: error instanceof Error ? error.message : String(error) }),
        ]);
      }
    }
  } catch {
    // Not a valid command line: runLine reports it.
  }
  ctx.attachments = files;
  return undefined;
}

/** Runs the terminal chat until the input ends (or `quit`). Resolves when done. */
export async function runConsole(
  app: App,
  { input, output, interactive, language, filesDir = process.cwd() }: ConsoleOptions,
): Promise<void> {
  const ctx = app.contextFor(operator(), {
    conversation: { platform: 'console', workspaceId: 'local', channelId: 'console' },
    ...(language ? { locale: language } : {}),
  });
  const rl = createInterface({ input, terminal: interactive, ...(interactive ? { output } : {}) });
  const write = (textOut: string) => output.write(`${textOut}\n`);
  const commandLine = (invocation: Choice['invocation']) => invocationText(app.registry, invocation);
  let lastChoices: Choice[] = [];

  if (interactive) {
    write(t(languageFor(ctx), 'console.greeting'));
    rl.setPrompt('sheriff-watch> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const entry = raw.trim();
    if (entry === 'quit' || entry === 'exit') break;
    if (entry === '') {
      if (interactive) rl.prompt();
      continue;
    }
    const picked = /^\d+$/.test(entry) ? lastChoices[Number(entry) - 1] : undefined;
    if (picked) ctx.attachments = {};
    const unreadable = picked ? undefined : await attachFiles(ctx, entry);
    const reply = unreadable ?? (picked ? await runInvocation(ctx, picked.invocation) : await runLine(ctx, entry));
    lastChoices = reply.choices ?? [];
    const language = languageFor(ctx);
    write(renderText(reply, { commandLine, language }));
    for (const saved of saveAttachments(reply.attachments, filesDir, language)) write(saved);
    write('');
    if (interactive) rl.prompt();
  }
  rl.close();
}
