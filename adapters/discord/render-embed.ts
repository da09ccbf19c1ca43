/**
 * The Discord twin of the console renderer: a neutral Reply → one embed, button rows and
 * files. Intro and leading prose sections form the description; label/value sections and
 * what follows them become fields; sources (links, dates) close the embed as a field and
 * plain notes go to the footer. Every Discord limit is respected by cutting, never failing.
 */
import type { Reply, Rich } from '../../src/reply.ts';
import { renderButtons, type ButtonRow } from './render-buttons.ts';
import type { CustomIds } from './custom-id.ts';
import { chunkLines, fitPlain, plainLine, renderLine } from './render-markdown.ts';

export const LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 } as const;

const COLORS = { ok: 0x2f6f9f, user_error: 0xd9822b } as const;
const BLANK = '\u200b';

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title: string;
  description?: string;
  color: number;
  fields: EmbedField[];
  footer?: { text: string };
}

export interface OutgoingFile {
  name: string;
  data: Buffer;
  contentType: string;
}

export interface DiscordMessage {
  embed: Embed;
  components: ButtonRow[];
  files: OutgoingFile[];
  /** user_error replies are shown only to the person who asked. */
  ephemeral: boolean;
}

const hasRich = (rich: Rich) => rich.some((s) => s.kind === 'link' || s.kind === 'date' || s.kind === 'time');

function sectionLines(section: Reply['sections'][number]): string[] {
  return [
    ...(section.items ?? []).map((item) => `• ${renderLine(item, LIMITS.fieldValue - 2)}`),
    ...(section.lines ?? []).map((line) => renderLine(line, LIMITS.fieldValue)),
  ];
}

/** One block of lines as fields: the first named `name`, continuations unnamed. */
function linesAsFields(name: string | undefined, lines: string[]): EmbedField[] {
  return chunkLines(lines, LIMITS.fieldValue).map((value, i) => ({ name: i === 0 && name ? fitPlain(name, LIMITS.fieldName) : BLANK, value }));
}

export function renderReply(reply: Reply, customIds: CustomIds): DiscordMessage {
  const description: string[] = (reply.intro ?? []).map((line) => renderLine(line, LIMITS.description));
  const fields: EmbedField[] = [];
  let prose = true;
  for (const section of reply.sections) {
    const lines = sectionLines(section);
    if (prose && !section.fields?.length) {
      const block = [...(section.heading ? [`**${renderLine([{ kind: 'text', text: section.heading }], 200)}**`] : []), ...lines];
      const next = [...description, ...(description.length ? [''] : []), ...block].join('\n');
      if (next.length <= LIMITS.description) {
        if (description.length) description.push('');
        description.push(...block);
        continue;
      }
    }
    prose = false;
    for (const field of section.fields ?? []) {
      const value = renderLine(field.value, LIMITS.fieldValue) || BLANK;
      fields.push({ name: fitPlain(field.label, LIMITS.fieldName) || BLANK, value, inline: value.length <= 40 && !value.includes('\n') });
    }
    if (lines.length) fields.push(...linesAsFields(section.heading, lines));
  }

  const sources = reply.notes.filter(hasRich).map((line) => renderLine(line, LIMITS.fieldValue));
  if (sources.length) fields.push(...linesAsFields(sources.length === 1 ? 'Source' : 'Sources', sources));
  const footer = [
    ...reply.notes.filter((line) => !hasRich(line)).map(plainLine),
    ...(reply.paging ? [`Page ${reply.paging.page} of ${reply.paging.pages}`] : []),
  ];

  const buttons = renderButtons(reply, customIds);
  if (buttons.overflow.length) fields.push(...linesAsFields('More — type the command', buttons.overflow));

  const embed: Embed = {
    title: fitPlain(reply.title, LIMITS.title) || BLANK,
    color: COLORS[reply.status],
    fields,
    ...(description.length ? { description: description.join('\n') } : {}),
    ...(footer.length ? { footer: { text: fitPlain(footer.join('\n'), LIMITS.footer) } } : {}),
  };
  return {
    embed: withinLimits(embed),
    components: buttons.rows,
    files: (reply.attachments ?? []).map((a) => ({ name: a.filename, data: Buffer.from(a.content, 'utf8'), contentType: a.contentType })),
    ephemeral: reply.status === 'user_error',
  };
}

const size = (e: Embed) =>
  e.title.length + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);

/** At most 25 fields and 6,000 characters: drop fields from the end, then shorten the description. */
export function withinLimits(embed: Embed): Embed {
  const out: Embed = { ...embed, fields: [...embed.fields] };
  if (out.description && out.description.length > LIMITS.description) out.description = fitPlain(out.description, LIMITS.description);
  const note = { name: BLANK, value: '*…shortened to fit Discord; ask for less (a state, a page) to see the rest.*' };
  let cut = false;
  if (out.fields.length > LIMITS.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields - 1);
    cut = true;
  }
  while (size(out) + (cut ? note.name.length + note.value.length : 0) > LIMITS.total && out.fields.length > 0) {
    out.fields.pop();
    cut = true;
  }
  if (cut) out.fields.push(note);
  if (out.description && size(out) > LIMITS.total) {
    const room = out.description.length - (size(out) - LIMITS.total);
    const lines = out.description.split('\n');
    while (lines.length > 1 && lines.join('\n').length + 2 > room) lines.pop();
    const kept = lines.join('\n');
    out.description = kept.length + 2 <= room ? `${kept}\n…` : fitPlain(kept, Math.max(1, room));
  }
  return out;
}
