import { t, type Language } from '../../src/i18n/index.ts';
import { localTimeText, type Reply, type Rich, type Span } from '../../src/reply.ts';

export interface TextRenderOptions {
  /** Turns an invocation into the line a user types, for choices and paging. */
  commandLine(invocation: NonNullable<Reply['paging']>['invocation']): string;
  /** The language of the console's own words (page lines); English by default. */
  language?: Language;
}

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' });

function span(s: Span): string {
  switch (s.kind) {
    case 'text':
      return s.style === 'code' ? `\`${s.text}\`` : s.text;
    case 'link':
      // A terminal cannot dial: a phone number's tel: address is left out.
      if (s.url.startsWith('tel:')) return s.text;
      return s.text === s.url ? s.url : `${s.text} <${s.url}>`;
    case 'date':
      return `${s.date} (${WEEKDAY.format(new Date(`${s.date}T12:00:00Z`))})`;
    case 'time':
      // In the zone where it happens: the console has no reader zone.
      return localTimeText(s.at, s.timeZone);
  }
}

const line = (rich: Rich): string => rich.map(span).join('');

/** The console's one renderer: a reply as plain text lines. */
export function renderText(reply: Reply, options: TextRenderOptions): string {
  const out: string[] = [];
  out.push(reply.status === 'user_error' ? `! ${reply.title}` : `== ${reply.title} ==`);
  for (const rich of reply.intro ?? []) out.push(line(rich));
  for (const section of reply.sections) {
    out.push('');
    if (section.heading) out.push(`-- ${section.heading}`);
    for (const field of section.fields ?? []) out.push(`${field.label}: ${line(field.value)}`);
    for (const rich of section.items ?? []) out.push(`  • ${line(rich)}`);
    for (const rich of section.lines ?? []) out.push(line(rich));
  }
  if (reply.choices?.length) {
    out.push('');
    reply.choices.forEach((choice, i) => out.push(`  ${i + 1}. ${choice.label}  →  ${options.commandLine(choice.invocation)}`));
  }
  if (reply.paging) {
    const { page, pages, invocation } = reply.paging;
    const language = options.language ?? 'en';
    const moves = [
      page > 1 ? t(language, 'console.previous', { command: options.commandLine({ ...invocation, args: { ...invocation.args, page: page - 1 } }) }) : '',
      page < pages ? t(language, 'console.next', { command: options.commandLine({ ...invocation, args: { ...invocation.args, page: page + 1 } }) }) : '',
    ].filter(Boolean);
    out.push('', `${t(language, 'adapter.page-of', { page, pages })}${moves.length ? ` — ${moves.join(' · ')}` : ''}`);
  }
  if (reply.notes.length) {
    out.push('');
    for (const rich of reply.notes) out.push(line(rich));
  }
  return out.join('\n');
}
