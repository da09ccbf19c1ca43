/**
 * Slack treats `&`, `<` and `>` as control characters: `<!channel>`, `<@U123>` and
 * `<url|label>` are only ever produced by this adapter, never by what someone typed or what
 * a dataset holds. Every piece of text that reaches a Slack text object goes through here.
 */

const SPECIAL_MENTION = /@(channel|here|everyone)\b/gi;
const WORD_JOINER = '\u2060';

/**
 * Escapes `&`, `<`, `>` so the text shows as typed and can never form a mention, a link or a
 * date token. Also puts an invisible word joiner after the `@` of `@channel`, `@here` and
 * `@everyone`: every mrkdwn object is sent with `verbatim: true`, which already stops Slack
 * from linking bare names, and this keeps the fallback text safe even if that ever changes.
 */
export function escapeText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(SPECIAL_MENTION, `@${WORD_JOINER}$1`);
}

/** Slack escapes `&`, `<`, `>` in slash-command text; this gives back what the user typed. */
export function unescapeSlackText(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * A URL for `<url|label>`: only http(s) and mailto (so it can never be `!channel` or `@U1`),
 * with the characters that would end the token percent-encoded. Undefined when unusable.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  // tel: makes a phone number tappable in Slack's clients.
  if (!/^(https?:\/\/|mailto:)\S+$/i.test(trimmed) && !/^tel:\+\d+(;ext=\d+)?$/.test(trimmed)) return undefined;
  return trimmed.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}
