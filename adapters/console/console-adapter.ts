import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { userInfo } from 'node:os';
import type { App } from '../../src/app.ts';
import { invocationText } from '../../src/commands/invocation-text.ts';
import { runInvocation, runLine } from '../../src/commands/run.ts';
import type { Caller } from '../../src/commands/types.ts';
import type { Choice } from '../../src/reply.ts';
import { renderText } from './render.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Show a prompt and a greeting (a terminal); otherwise answer line by line and stop at EOF. */
  interactive: boolean;
  /** Reply language, from `--lang`; the core falls back to English. */
  language?: string;
}

/** The operator of this installation: the console user holds moderator rights. */
function operator(): Caller {
  let name = 'operator';
  try {
    name = userInfo().username;
  } catch {
    // Some containers have no passwd entry; the generic name is fine.
  }
  return { id: 'console:operator', displayName: name, isModerator: true };
}

/** Runs the terminal chat until the input ends (or `quit`). Resolves when done. */
export async function runConsole(app: App, { input, output, interactive, language }: ConsoleOptions): Promise<void> {
  const ctx = app.contextFor(operator(), {
    conversation: { platform: 'console', workspaceId: 'local', channelId: 'console', callerCanManageChannel: true },
    ...(language ? { locale: language } : {}),
  });
  const rl = createInterface({ input, terminal: interactive, ...(interactive ? { output } : {}) });
  const write = (textOut: string) => output.write(`${textOut}\n`);
  const commandLine = (invocation: Choice['invocation']) => invocationText(app.registry, invocation);
  let lastChoices: Choice[] = [];

  if (interactive) {
    write('Sheriff Watch — type a county (e.g. "Travis, TX"), "help", or "quit".');
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
    const reply = picked ? await runInvocation(ctx, picked.invocation) : await runLine(ctx, entry);
    lastChoices = reply.choices ?? [];
    write(renderText(reply, { commandLine }));
    write('');
    if (interactive) rl.prompt();
  }
  rl.close();
}
