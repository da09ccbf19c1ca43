import type { Choice, Invocation, Paging, Reply, Section } from '../../src/reply.ts';
import { CHOICE_ACTION, encodeInvocation, PAGE_ACTION } from './actions.ts';
import {
  actionsBlocks, button, contextBlocks, header, mrkdwn, textSections, type Button, type KnownBlock,
} from './block-parts.ts';
import { escapeText } from './escape.ts';
import { groupsOf, LIMITS, truncate } from './limits.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import { richMrkdwn, richPlain } from './mrkdwn.ts';

/** A Slack message: Block Kit blocks and the plain-text fallback Slack requires with them. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface BlockRenderOptions {
  /** The text a user types to run an invocation, e.g. '/sheriff positions 287g TX page 2'. */
  commandLine(invocation: Invocation): string;
  /** 50 for messages (the default). */
  maxBlocks?: number;
  /** The language of the adapter's own words (buttons, page lines); English by default. */
  language?: Language;
}

/** At most this many blocks of choices and of notes, so content and paging keep their room. */
const MAX_CHOICE_BLOCKS = 2;
const MAX_NOTE_BLOCKS = 2;

const pageOf = (paging: Paging, page: number): Invocation => ({
  ...paging.invocation,
  args: { ...paging.invocation.args, page },
});

function titleBlocks(reply: Reply): KnownBlock[] {
  const title = escapeText(reply.title.trim() || 'Sheriff Watch');
  if (reply.status === 'ok') return [header(title)];
  return [{ type: 'section', text: mrkdwn(truncate(`:warning: *${title}*`, LIMITS.text)) }];
}

function sectionBlocks(section: Section): KnownBlock[] {
  const heading = section.heading ? `*${escapeText(section.heading)}*` : undefined;
  const fields = (section.fields ?? []).map((f) => mrkdwn(truncate(`*${escapeText(f.label)}*\n${richMrkdwn(f.value)}`, LIMITS.field)));
  const blocks: KnownBlock[] = groupsOf(fields, LIMITS.sectionFields).map((group, i) => ({
    type: 'section',
    ...(i === 0 && heading ? { text: mrkdwn(heading) } : {}),
    fields: group,
  }));
  const lines = [
    ...(heading && blocks.length === 0 ? [heading] : []),
    ...(section.items ?? []).map((item) => `• ${richMrkdwn(item)}`),
    ...(section.lines ?? []).map(richMrkdwn),
  ];
  return [...blocks, ...textSections(lines)];
}

function choiceBlocks(choices: readonly Choice[], options: BlockRenderOptions): KnownBlock[] {
  const buttons: Button[] = [];
  const typed: string[] = [];
  choices.forEach((choice, i) => {
    const value = encodeInvocation(choice.invocation);
    if (value) buttons.push(button(`${CHOICE_ACTION}${i}`, escapeText(choice.label), value));
    else typed.push(`• ${escapeText(choice.label)}: \`${escapeText(options.commandLine(choice.invocation))}\``);
  });
  return [...actionsBlocks(buttons).slice(0, MAX_CHOICE_BLOCKS), ...textSections(typed).slice(0, 1)];
}

function pagingBlocks(paging: Paging, options: BlockRenderOptions): KnownBlock[] {
  const { page, pages } = paging;
  const moves: [string, string, number][] = [];
  const language = options.language ?? 'en';
  if (page > 1) moves.push([`${PAGE_ACTION}prev`, t(language, 'adapter.previous'), page - 1]);
  if (page < pages) moves.push([`${PAGE_ACTION}next`, t(language, 'adapter.next'), page + 1]);
  const buttons = moves.flatMap(([actionId, label, target]) => {
    const value = encodeInvocation(pageOf(paging, target));
    return value ? [button(actionId, label, value)] : [];
  });
  const typed = page < pages ? t(language, 'slack.or-type', { command: escapeText(options.commandLine(pageOf(paging, page + 1))) }) : '';
  return [...contextBlocks([`${t(language, 'adapter.page-of', { page, pages })}${typed}`]), ...actionsBlocks(buttons)];
}

/** The neutral reply as Block Kit, within Slack's limits whatever its size. Never throws. */
export function renderBlocks(reply: Reply, options: BlockRenderOptions): SlackMessage {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const content: KnownBlock[] = [
    ...titleBlocks(reply),
    ...textSections((reply.intro ?? []).map(richMrkdwn)),
    ...reply.sections.flatMap(sectionBlocks),
  ];
  const tail: KnownBlock[] = [
    ...choiceBlocks(reply.choices ?? [], options),
    ...contextBlocks(reply.notes.map(richMrkdwn)).slice(0, MAX_NOTE_BLOCKS),
    ...(reply.paging ? pagingBlocks(reply.paging, options) : []),
  ];
  let blocks = [...content, ...tail];
  if (blocks.length > maxBlocks) {
    const kept = Math.max(1, maxBlocks - tail.length - 1);
    const notice = contextBlocks([t(options.language ?? 'en', 'slack.shortened', { count: content.length - kept })]);
    blocks = [...content.slice(0, kept), ...notice, ...tail].slice(0, maxBlocks);
  }
  return { text: fallbackText(reply, options), blocks };
}

/** The reply as plain lines: what notifications and screen readers get. */
export function fallbackText(reply: Reply, options: Pick<BlockRenderOptions, 'commandLine' | 'language'>): string {
  const language = options.language ?? 'en';
  const lines: string[] = [escapeText(reply.title.trim() || 'Sheriff Watch'), ...(reply.intro ?? []).map(richPlain)];
  for (const section of reply.sections) {
    if (section.heading) lines.push(escapeText(section.heading));
    for (const field of section.fields ?? []) lines.push(`${escapeText(field.label)}: ${richPlain(field.value)}`);
    for (const item of section.items ?? []) lines.push(`• ${richPlain(item)}`);
    for (const line of section.lines ?? []) lines.push(richPlain(line));
  }
  for (const choice of reply.choices ?? []) {
    lines.push(`• ${escapeText(choice.label)}: ${escapeText(options.commandLine(choice.invocation))}`);
  }
  if (reply.paging) {
    const { page, pages } = reply.paging;
    const next = page < pages ? t(language, 'adapter.next-line', { command: escapeText(options.commandLine(pageOf(reply.paging, page + 1))) }) : '';
    lines.push(`${t(language, 'adapter.page-of', { page, pages })}${next}`);
  }
  lines.push(...reply.notes.map(richPlain));
  return truncate(lines.filter((line) => line.trim()).join('\n'), LIMITS.fallback);
}
