import type { types } from '@slack/bolt';
import { chunkLines, groupsOf, LIMITS, truncate } from './limits.ts';

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;
export type Button = types.Button;

/**
 * A mrkdwn text object. `verbatim: true` turns off Slack's own parsing of bare URLs, channel
 * names and @-names: only the tokens this adapter writes (`<url|label>`, `<!date…>`) act.
 */
export const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

/** A plain_text object; `text` must already be escaped. */
export const plainText = (text: string): types.PlainTextElement => ({ type: 'plain_text', text });

export function header(escapedTitle: string): types.HeaderBlock {
  return { type: 'header', text: plainText(truncate(escapedTitle, LIMITS.header)) };
}

/** Lines of mrkdwn as section blocks of at most 3,000 characters each. */
export function textSections(lines: readonly string[]): SectionBlock[] {
  return chunkLines(lines, LIMITS.text).map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

/** Lines of mrkdwn as context blocks (small grey text): 3,000 per element, 10 per block. */
export function contextBlocks(lines: readonly string[]): ContextBlock[] {
  return groupsOf(chunkLines(lines, LIMITS.text), LIMITS.contextElements).map((group) => ({
    type: 'context',
    elements: group.map(mrkdwn),
  }));
}

/** Buttons as actions blocks of at most 25. */
export function actionsBlocks(buttons: readonly Button[]): ActionsBlock[] {
  return groupsOf(buttons, LIMITS.actionsElements).map((elements) => ({ type: 'actions', elements }));
}

export function button(actionId: string, escapedLabel: string, value: string): Button {
  return { type: 'button', action_id: actionId, text: plainText(truncate(escapedLabel, LIMITS.buttonText)), value };
}
