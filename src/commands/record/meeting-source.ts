// Linking a county to the calendar it publishes (Legistar, an .ics address): the first import
// runs at once, then daily. The token a source may need is kept out of every reply and log.
import { DEFAULT_LINK_BY } from '../../importers/meeting-sources-default.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { MEETING_SOURCES } from '../../meeting-sources/registry.ts';
import { sourceTitle, syncSource, type SyncReport } from '../../meeting-sources/sync.ts';
import { SourceError } from '../../meeting-sources/types.ts';
import { text, type Rich } from '../../reply.ts';
import type { MeetingSource } from '../../store/meeting-sources.ts';
import { UserError } from '../../user-error.ts';
import { placeName, placeQuery } from '../../present/format.ts';
import { resolveCounty } from './record-args.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';
import type { CommandDef } from '../../framework/types.ts';

const OFF = 'off';

/** At most this many of a source's bodies are offered when the one named is not there. */
const BODIES_OFFERED = 15;

function errorParams(report: SyncReport, body: string | null): { body: string; bodies: string } {
  const bodies = report.bodies ?? [];
  return { body: body ?? '', bodies: bodies.slice(0, BODIES_OFFERED).map((b) => `"${b}"`).join(', ') + (bodies.length > BODIES_OFFERED ? ', …' : '') };
}

function reportLine(report: SyncReport, language: 'en' | 'es', body: string | null): string {
  if (report.outcome !== 'ok') return t(language, `source.error.${report.outcome}`, errorParams(report, body));
  const { added, moved, changed, cancelled, deleted, unchanged, unreadable } = report;
  return t(language, 'source.report', { added, moved, changed, cancelled, deleted, unchanged, unreadable });
}

function sourceLine(source: MeetingSource, language: 'en' | 'es'): Rich {
  const last = source.lastReport ? (JSON.parse(source.lastReport) as SyncReport) : undefined;
  return [
    text(`#${source.id} ${sourceTitle(source)}`, 'bold'),
    text(source.body ? ` · ${source.body}` : ''),
    text(source.createdBy === DEFAULT_LINK_BY ? t(language, 'source.list.default') : ''),
    text(source.lastSyncAt ? t(language, 'source.last-sync', { at: source.lastSyncAt.slice(0, 16).replace('T', ' '), result: last ? reportLine(last, language, source.body) : '' }) : ''),
  ];
}

export const meetingSourceCommand: CommandDef = {
  name: 'meeting-source',
  options: [
    COUNTY_OPTION,
    STATE_OPTION,
    {
      name: 'kind',
      type: 'choice',
      required: false,
      choices: [...[...MEETING_SOURCES.keys()].map((kind) => ({ value: kind, label: kind })), { value: OFF, label: OFF }],
    },
    { name: 'where', type: 'text', required: false, pattern: /^\S+$/ },
    { name: 'body', type: 'text', required: false },
    { name: 'token', type: 'text', required: false },
  ],
  permission: 'editor',
  // Examples run in tests; linking reaches the county's server, so only the listing is one (the reply shows how to link).
  examples: ['meeting-source Cook, IL'],
  async handler(ctx, args) {
    const language = languageFor(ctx);
    const j = resolveCounty(ctx, 'meeting-source', args);
    const kind = args.kind === undefined ? undefined : String(args.kind);
    if (kind === undefined) {
      const sources = ctx.store.meetingSources.liveFor(j.fips);
      return {
        status: 'ok',
        title: t(language, 'source.list.title', { place: placeName(j) }),
        intro: [[text(sources.length ? t(language, 'source.list.intro') : t(language, 'source.list.none'))]],
        sections: sources.length ? [{ items: sources.map((s) => sourceLine(s, language)) }] : [],
        notes: [[text(t(language, 'source.list.how')), text('meeting-source Cook, IL legistar cook-county "Board of Commissioners"', 'code')]],
      };
    }
    if (kind === OFF) {
      const id = Number(String(args.where ?? '').replace(/^#/, ''));
      const source = ctx.store.meetingSources.liveFor(j.fips).find((s) => s.id === id);
      if (!source) throw new UserError('not_found', 'source.not-found', { id: String(args.where ?? '') }, [msg('source.not-found.help', { command: `meeting-source ${placeQuery(j)}` })]);
      ctx.store.meetingSources.retire(source.id, ctx.clock.now().toISOString());
      return { status: 'ok', title: t(language, 'source.off', { id: source.id, place: placeName(j) }), intro: [[text(t(language, 'source.off.kept'))]], sections: [], notes: [] };
    }
    const adapter = MEETING_SOURCES.get(kind)!;
    if (args.where === undefined) throw new UserError('missing_argument', 'source.where-needed', {}, [msg('source.where-needed.help')]);
    let locator: string;
    try {
      locator = adapter.checkLocator(String(args.where));
    } catch (error) {
      if (error instanceof SourceError) throw new UserError('bad_value', 'source.bad-where', { where: String(args.where) }, [msg('source.where-needed.help')]);
      throw error;
    }
    const body = args.body === undefined ? null : String(args.body).trim().replace(/^"(.*)"$/, '$1') || null;
    const token = args.token === undefined ? null : String(args.token).trim() || null;
    const existing = ctx.store.meetingSources.find(j.fips, kind, locator, body);
    const source = existing ?? ctx.store.meetingSources.add({ fips: j.fips, kind, locator, body, token, by: ctx.caller.id, at: ctx.clock.now().toISOString() });
    const report = await syncSource(ctx.store, ctx.clock, source);
    if (report.outcome !== 'ok' && !existing) {
      // A link that cannot be read is not kept: the editor fixes the name or the token and runs it again.
      ctx.store.meetingSources.retire(source.id, ctx.clock.now().toISOString());
      throw new UserError(`source_${report.outcome.replace('-', '_')}`, `source.error.${report.outcome}`, errorParams(report, body), [msg('source.error.nothing-kept')]);
    }
    return {
      status: 'ok',
      title: t(language, existing ? 'source.synced' : 'source.linked', { place: placeName(j), source: sourceTitle(source) }),
      intro: [[text(reportLine(report, language, body))]],
      sections: [],
      notes: [
        ...(token ? [[text(t(language, 'source.token-kept'))]] : []),
        [text(t(language, 'source.daily')), text(`meetings ${placeQuery(j)}`, 'code')],
      ],
    };
  },
};
