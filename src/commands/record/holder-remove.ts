import { msg } from '../../i18n/index.ts';
import { todayIn } from '../../clock.ts';
import { checkText, checkUrl, checkVersion, LIMITS } from '../../domain/validation.ts';
import { UserError } from '../../user-error.ts';
import { holderRecords } from '../../moderation/base.ts';
import { checked, rerun, resolveCounty } from './record-args.ts';
import { submitChange } from '../../moderation/submit.ts';
import type { CommandDef } from '../../framework/types.ts';
import { OPTIONAL_SOURCE_URL_OPTION, PLACE_OPTIONS } from '../../framework/options.ts';

export const holderRemoveCommand: CommandDef = {
  name: 'holder-remove',
  options: [
    ...PLACE_OPTIONS,
    {
      name: 'record',
      type: 'text',
      required: true,
      pattern: /^(#\d+|current)$/i,
    },
    OPTIONAL_SOURCE_URL_OPTION,
    { name: 'reason', type: 'text', required: true },
  ],
  // Everyone may propose; only an editor's change is applied at once (see submitChange).
  permission: 'everyone',
  examples: ['holder remove Travis, TX current this is the 2016 election winner, not the sheriff'],
  handler(ctx, args) {
    const j = resolveCounty(ctx, 'holder-remove', args);
    const current = /^current$/i.test(String(args.record ?? ''));
    const records = holderRecords(ctx.store, j.fips);
    const holderId = current ? (records[0]?.id ?? 0) : checked(checkVersion(String(args.record ?? '')));
    const reason = checked(checkText(String(args.reason ?? ''), 'reason', LIMITS.reason, true));
    const sourceUrl = args.source === undefined ? null : checked(checkUrl(String(args.source)));
    if (!records.some((r) => r.id === holderId)) {
      throw new UserError('no_such_record', 'holder-remove.no-record', { place: `${j.name}, ${j.state}`, id: holderId }, [
        records.length
          ? msg('holder-remove.records', { records: { items: records.map((r) => msg('holder-remove.record', { id: r.id, name: r.name, source: r.source.title })), separator: '; ' } })
          : msg('holder-remove.none'),
      ]);
    }
    return submitChange(ctx, {
      change: { kind: 'holder_retire', fips: j.fips, holderId, sourceUrl, asOf: todayIn(ctx.clock, j.timeZone), reason },
      invocation: rerun('holder-remove', { ...args, record: `#${holderId}` }, j),
      // "current" asks to confirm what the card shows; a number is what the moderator saw.
      expect: current ? undefined : holderId,
    });
  },
};
