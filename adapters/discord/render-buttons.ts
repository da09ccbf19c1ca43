/**
 * Choices and paging → button rows (at most 5 rows of 5). Each button's custom id carries
 * its invocation; a choice whose id would be too long, or that finds no room, is listed as
 * the slash command to type instead.
 */
import type { Invocation, Reply } from '../../src/reply.ts';
import type { CustomIds } from './custom-id.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import { escapeText, fitPlain } from './render-markdown.ts';

export interface Button {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface ButtonRow {
  type: 1;
  components: Button[];
}

const MAX_ROWS = 5;
const PER_ROW = 5;
const LABEL = 80;

/** `/sheriff county:Fairfax city state:VA`: what to type when there is no button. */
export function slashLine(invocation: Invocation): string {
  const args = Object.entries(invocation.args).map(([name, value]) => `${name}:${String(value)}`);
  return `/${[invocation.command, ...args].join(' ')}`.replace(/`/g, 'ˋ');
}

export function renderButtons(reply: Reply, customIds: CustomIds, language: Language = 'en'): { rows: ButtonRow[]; overflow: string[] } {
  const rows: ButtonRow[] = [];
  const used = new Set<string>();
  const overflow: string[] = [];
  const pagingRow = reply.paging ? pagingButtons(reply.paging, customIds, overflow, language) : undefined;
  const room = (MAX_ROWS - (pagingRow ? 1 : 0)) * PER_ROW;
  const choiceButtons: Button[] = [];
  for (const choice of reply.choices ?? []) {
    const id = customIds.encode('run', choice.invocation);
    if (id && !used.has(id) && choiceButtons.length < room) {
      used.add(id);
      choiceButtons.push({ type: 2, style: 2, label: fitPlain(choice.label, LABEL) || '…', custom_id: id });
    } else if (!id || !used.has(id)) {
      overflow.push(`• ${escapeText(choice.label)} — \`${slashLine(choice.invocation)}\``);
    }
  }
  for (let i = 0; i < choiceButtons.length; i += PER_ROW) rows.push({ type: 1, components: choiceButtons.slice(i, i + PER_ROW) });
  if (pagingRow) rows.push(pagingRow);
  return { rows, overflow };
}

function pagingButtons(paging: NonNullable<Reply['paging']>, customIds: CustomIds, overflow: string[], language: Language): ButtonRow {
  const move = (page: number) => {
    const invocation = { ...paging.invocation, args: { ...paging.invocation.args, page } };
    const id = customIds.encode('page', invocation);
    if (!id) overflow.push(t(language, 'adapter.page-line', { page, command: slashLine(invocation) }));
    return id;
  };
  const previous = paging.page > 1 ? move(paging.page - 1) : undefined;
  const next = paging.page < paging.pages ? move(paging.page + 1) : undefined;
  return {
    type: 1,
    components: [
      { type: 2, style: 2, label: t(language, 'adapter.previous'), custom_id: previous ?? 'sw-off:previous', disabled: !previous },
      { type: 2, style: 1, label: t(language, 'adapter.next'), custom_id: next ?? 'sw-off:next', disabled: !next },
    ],
  };
}
