import { t, type Language, type Message, type MessageKey, type Params, type PluralKey } from './index.ts';

/**
 * An error whose message is a catalog entry: `.message` is English for logs, `text(language)`
 * is what the reader sees. It is itself a Message, so it can be a parameter of another one.
 */
export class LocalizedError extends Error implements Message {
  constructor(
    readonly key: MessageKey | PluralKey,
    readonly params: Params = {},
  ) {
    super(t('en', key, params));
  }

  /** The message in the reader's language. */
  text(language: Language): string {
    return t(language, this.key, this.params);
  }
}
