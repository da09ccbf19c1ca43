import { render, type Language, type LocalizedText, type Message, type MessageKey, type Param, type Params, type PluralKey } from './i18n/index.ts';
import { LocalizedError } from './i18n/localized-error.ts';
import { userError, type Reply } from './reply.ts';

/** A hint line: a catalog message, or text a domain error words itself in the reader's language. */
export type Hint = Message | LocalizedText;

/**
 * A runnable alternative offered with an error. Its label is a literal (a place name) or a
 * message; arguments that are messages (a default reason) are written in the reader's language.
 */
export interface ErrorChoice {
  label: string | Message | LocalizedText;
  invocation: { command: string; args: Readonly<Record<string, Param>> };
}

/**
 * An error meant for the user: a stable code, a message that says what was wrong and hints
 * that say what to do, as catalog keys with parameters. Handlers throw it; the runner
 * translates it once, into the reader's language, when it turns it into a private reply.
 */
export class UserError extends LocalizedError {
  override name = 'UserError';
  /** Set when the command itself decides the reply language (`language es` outside a channel). */
  private fixedLanguage: Language | undefined;

  constructor(
    readonly code: string,
    key: MessageKey | PluralKey,
    params: Params = {},
    readonly hints: readonly Hint[] = [],
    readonly choices: readonly ErrorChoice[] = [],
  ) {
    super(key, params);
  }

  /** The same error offering other choices (e.g. re-running a whole command instead of a lookup). */
  withChoices(choices: readonly ErrorChoice[]): UserError {
    const copy = new UserError(this.code, this.key, this.params, this.hints, choices);
    copy.fixedLanguage = this.fixedLanguage;
    return copy;
  }

  /** The same error with other hints (e.g. usage lines in the caller's platform's syntax). */
  withHints(hints: readonly Hint[]): UserError {
    const copy = new UserError(this.code, this.key, this.params, hints, this.choices);
    copy.fixedLanguage = this.fixedLanguage;
    return copy;
  }

  /** The same error, always written in `language` whoever reads it. */
  writtenIn(language: Language): this {
    this.fixedLanguage = language;
    return this;
  }

  /** The reply in the reader's language. */
  toReply(reader: Language): Reply {
    const language = this.fixedLanguage ?? reader;
    return userError(
      this.code,
      this.text(language),
      this.hints.map((hint) => render(language, hint)),
      this.choices.map((choice) => ({
        label: render(language, choice.label),
        invocation: {
          command: choice.invocation.command,
          args: Object.fromEntries(Object.entries(choice.invocation.args).map(([name, value]) => [name, typeof value === 'number' ? value : render(language, value)])),
        },
      })),
    );
  }
}
