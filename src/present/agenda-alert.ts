// The agenda watch alert: the meeting, the matched items (capped, with the agenda for the rest),
// the public-comment note where the source gives one, and the agenda link.
import { t, type Language } from '../i18n/index.ts';
import { link, text, time, type Reply, type Rich } from '../reply.ts';
import type { AgendaAlert } from '../store/agenda-alerts.ts';
import { actionLine, sheriffLine, type RenderContext } from './reminder.ts';

/** Items listed at most; the rest are behind the agenda link. */
export const AGENDA_ITEMS_SHOWN = 5;

export function renderAgendaAlert(ctx: RenderContext, alert: AgendaAlert, options: { late: boolean; language: Language }): Reply | undefined {
  const { language } = options;
  const series = ctx.store.meetings.byId(alert.meetingId);
  const j = ctx.store.jurisdictions.byFips(alert.fips);
  if (!series || !j || series.retiredAt) return undefined;
  const items: Rich[] = alert.matches.slice(0, AGENDA_ITEMS_SHOWN).map((m) => [text(m.number ? `${m.number} ` : ''), text(m.title), text(` (${m.keywords.join(', ')})`, 'italic')]);
  const more = alert.matches.length - AGENDA_ITEMS_SHOWN;
  const agenda = alert.agendaUrl ?? series.agendaUrl;
  if (more > 0) items.push(agenda ? [text(t(language, 'agenda.more', { n: more })), link(t(language, 'agenda.link'), agenda)] : [text(t(language, 'agenda.more.no-link', { n: more }))]);
  const lines: Rich[] = [[text(t(language, 'agenda.when')), time(series.startsAt, series.timeZone), text(series.location ? ` · ${series.location}` : '')]];
  if (alert.publicComment ?? series.publicComment) lines.push([text(t(language, 'agenda.comment')), text((alert.publicComment ?? series.publicComment)!)]);
  if (agenda) lines.push([text(t(language, 'agenda.agenda')), link(agenda, agenda)]);
  lines.push(sheriffLine(ctx.store, j, language), actionLine(ctx, j, language));
  return {
    status: 'ok',
    title: t(language, 'agenda.title', { body: series.body, place: `${j.name}, ${j.state}` }),
    intro: [[text(t(language, alert.matches.length === 1 ? 'agenda.intro.one' : 'agenda.intro', { n: alert.matches.length, total: alert.itemCount }))]],
    sections: [{ items }, { lines }],
    notes: options.late ? [[text(t(language, 'agenda.late'))]] : [],
  };
}
