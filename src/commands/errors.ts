import { render, type Language, type Message, type MessageKey, type Params, type PluralKey } from '../i18n/index.ts';
import { LocalizedError } from '../i18n/localized-error.ts';
import { userError, type Invocation, type Reply } from '../reply.ts';

/** A runnable alternative offered with an error; its label is a literal (a place name) or a message. */
export interface ErrorChoice {
  label: string | Message;
  invocation: Invocation;
}

/**
 * An error meant for the user: a stable code, a message that says what was wrong and hints
 * that say what to do, as catalog keys with parameters. Handlers throw it; the runner
 * translates it once, into the reader's language, when it turns it into a private reply.
 */
export class UserError extends LocalizedError {
  override name = 'UserError';
  constructor(
    readonly code: string,
    key: MessageKey | PluralKey,
    params: Params = {},
    readonly hints: readonly Message[] = [],
    readonly choices: readonly ErrorChoice[] = [],
  ) {
    super(key, params);
  }

  /** The same error offering other choices (e.g. re-running a whole command instead of a lookup). */
  withChoices(choices: readonly ErrorChoice[]): UserError {
    return new UserError(this.code, this.key, this.params, this.hints, choices);
  }

  /** The reply in the reader's language. */
  toReply(language: Language): Reply {
    return userError(
      this.code,
      this.text(language),
      this.hints.map((hint) => render(language, hint)),
      this.choices.map((choice) => ({ label: render(language, choice.label), invocation: choice.invocation })),
    );
  }
}

/**
 * TEMPORARY, until every site passes keys (issue 11): an error whose text was translated
 * where it was thrown. Do not use in new code.
 */
export class LegacyUserError extends UserError {
  constructor(
    code: string,
    readonly title: string,
    readonly lines: string[],
    choices: readonly ErrorChoice[] = [],
  ) {
    super(code, 'parse.help', {}, [], choices);
    this.message = `${code}: ${title}`;
  }

  override withChoices(choices: readonly ErrorChoice[]): UserError {
    return new LegacyUserError(this.code, this.title, this.lines, choices);
  }

  override toReply(language: Language): Reply {
    return userError(this.code, this.title, this.lines, this.choices.map((choice) => ({ label: render(language, choice.label), invocation: choice.invocation })));
  }
}
