/**
 * The Discord twin of the console renderer: a neutral Reply → embeds, button rows and
 * files. Intro and leading prose sections form the description; label/value sections and
 * what follows them become fields; sources (links, dates) close the reply as a field and
 * plain notes go to the footer. A reply too big for one message (6,000 characters, 25
 * fields) continues in up to MAX_PARTS messages, then is cut with a note: never a failure.
 */
import { attachmentBytes, isImage, type Reply, type Rich } from '../../src/reply.ts';
import { renderOncePerLanguage } from '../../src/render-once.ts';
import { renderButtons, type ButtonRow } from './render-buttons.ts';
import type { CustomIds } from './custom-id.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import { chunkLines, fitPlain, plainLine, renderLine } from './render-markdown.ts';

export const LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000, altText: 1024 } as const;
/** At most this many messages for one reply. */
export const MAX_PARTS = 3;

const COLORS = { ok: 0x2f6f9f, user_error: 0xd9822b } as const;
const BLANK = '\u200b';
const cutNote = (language: Language): EmbedField => ({ name: BLANK, value: t(language, 'discord.cut') });

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
  /** An attached image shown in the embed: 'attachment://<file name>'. */
  image?: { url: string };
}

export interface OutgoingFile {
  name: string;
  data: Buffer;
  contentType: string;
  /** Alt text (Discord's attachment description). */
  description?: string;
}

export interface DiscordMessage {
  /** One embed per message: the first is the answer, any others continue it. */
  parts: Embed[];
  /** Buttons and files go with the first message. */
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

/** The description (intro and leading prose) and the fields, in reading order. */
function layout(reply: Reply, language: Language): { description: string[]; fields: EmbedField[] } {
  const description: string[] = (reply.intro ?? []).map((line) => renderLine(line, LIMITS.description));
  const fields: EmbedField[] = [];
  let prose = true;
  for (const section of reply.sections) {
    const lines = sectionLines(section);
    if (prose && !section.fields?.length) {
      const heading = section.heading ? [`**${renderLine([{ kind: 'text', text: section.heading }], 200)}**`] : [];
      const block = [...(description.length ? [''] : []), ...heading, ...lines];
      if ([...description, ...block].join('\n').length <= LIMITS.description) {
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
  if (sources.length) fields.push(...linesAsFields(t(language, sources.length === 1 ? 'format.source' : 'adapter.sources'), sources));
  return { description, fields };
}

export function renderReply(reply: Reply, customIds: CustomIds, language: Language = 'en'): DiscordMessage {
  const { description, fields } = layout(reply, language);
  const buttons = renderButtons(reply, customIds, language);
  if (buttons.overflow.length) fields.push(...linesAsFields(t(language, 'discord.more'), buttons.overflow));
  const footer = [
    ...reply.notes.filter((line) => !hasRich(line)).map(plainLine),
    ...(reply.paging ? [t(language, 'adapter.page-of', { page: reply.paging.page, pages: reply.paging.pages })] : []),
  ];
  const parts = pack(language, {
    title: fitPlain(reply.title, LIMITS.title) || BLANK,
    color: COLORS[reply.status],
    description: description.join('\n'),
    fields,
    footer: fitPlain(footer.join('\n'), LIMITS.footer),
  });
  const files = (reply.attachments ?? []).map(
    (a): OutgoingFile => ({ name: a.filename, data: attachmentBytes(a), contentType: a.contentType, ...(a.altText ? { description: fitPlain(a.altText, LIMITS.altText) } : {}) }),
  );
  // The first image shows inside the answer's embed rather than as a loose file under it.
  const image = reply.attachments?.find(isImage);
  if (image) parts[0]!.image = { url: `attachment://${image.filename}` };
  return {
    parts,
    components: buttons.rows,
    files,
    ephemeral: reply.status === 'user_error',
  };
}

/** renderReply for one bot, a cached reply rendered once per language (see renderOncePerLanguage). */
export function createRenderer(customIds: CustomIds): (reply: Reply, language?: Language) => DiscordMessage {
  return renderOncePerLanguage((reply, language) => renderReply(reply, customIds, language));
}

export const embedSize = (e: Embed) =>
  e.title.length + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);

interface Content {
  title: string;
  color: number;
  description: string;
  fields: EmbedField[];
  footer: string;
}

/** Fields into as few embeds as fit Discord's limits; the footer closes the last one. */
function pack(language: Language, content: Content): Embed[] {
  const note = cutNote(language);
  const reserve = content.footer.length + note.value.length + 1;
  const first: Embed = { title: content.title, color: content.color, fields: [] };
  if (content.description) first.description = fitDescription(content.description, LIMITS.total - content.title.length - reserve);
  const parts: Embed[] = [first];
  let cut = false;
  for (const field of content.fields) {
    let current = parts.at(-1)!;
    const full = current.fields.length >= LIMITS.fields - 1 || embedSize(current) + field.name.length + field.value.length + reserve > LIMITS.total;
    if (full) {
      if (parts.length === MAX_PARTS) {
        cut = true;
        break;
      }
      current = { title: fitPlain(`${content.title} (continued)`, LIMITS.title), color: content.color, fields: [] };
      parts.push(current);
    }
    current.fields.push(field);
  }
  const last = parts.at(-1)!;
  if (cut) last.fields.push(note);
  if (content.footer) last.footer = { text: content.footer };
  return parts;
}

/** The description within `room` characters, dropping whole lines from the end first. */
function fitDescription(description: string, room: number): string {
  const max = Math.min(LIMITS.description, room);
  if (description.length <= max) return description;
  const lines = description.split('\n');
  while (lines.length > 1 && lines.join('\n').length + 2 > max) lines.pop();
  const kept = lines.join('\n');
  return kept.length + 2 <= max ? `${kept}\n…` : fitPlain(kept, max);
}
