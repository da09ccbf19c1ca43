import { t, type Language, type MessageKey, type Params } from './index.ts';

/**
 * An error whose message is a catalog entry: `.message` is English for logs, `text(language)`
 * is what the reader sees.
 */
export class LocalizedError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(t('en', key, params));
  }

  /** The message in the reader's language. */
  text(language: Language): string {
    return t(language, this.key, this.params);
  }
}
