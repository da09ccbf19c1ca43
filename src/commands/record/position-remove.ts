import { msg, type Language } from '../../i18n/index.ts';
import { todayIn } from '../../clock.ts';
import { topicById } from '../../domain/topics.ts';
import { shownLabel } from '../../moderation/base.ts';
import { checkText, checkUrl, LIMITS } from '../../domain/validation.ts';
import { UserError } from '../../user-error.ts';
import { livePositions } from '../../moderation/base.ts';
import { checked, expectArg, rerun, resolveCounty } from './record-args.ts';
import { submitChange } from '../../moderation/submit.ts';
import type { CommandDef } from '../../framework/types.ts';
import { OPTIONAL_SOURCE_URL_OPTION, PLACE_OPTIONS, REVISION_OPTION, TOPIC_OPTION } from '../../framework/options.ts';

const MODELS = topicById('287g').values.filter((v) => v.value !== 'none');

export const positionRemoveCommand: CommandDef = {
  name: 'position-remove',
  options: [
    ...PLACE_OPTIONS,
    TOPIC_OPTION,
    {
      name: 'model',
      type: 'choice',
      required: false,
      choices: MODELS.map((m) => ({ value: m.value, label: m.label })),
    },
    OPTIONAL_SOURCE_URL_OPTION,
    REVISION_OPTION,
    { name: 'reason', type: 'text', required: true },
  ],
  // Everyone may propose; only an editor's change is applied at once (see submitChange).
  permission: 'everyone',
  examples: [
    'position remove Travis, TX detainers entered for the wrong county',
    "position-remove Autauga, AL 287g task-force https://www.ice.gov/identify-and-arrest/287g no longer on ICE's list",
  ],
  handler(ctx, args) {
    const j = resolveCounty(ctx, 'position-remove', args);
    const topic = topicById(String(args.topic));
    const reason = checked(checkText(String(args.reason ?? ''), 'reason', LIMITS.reason, true));
    const sourceUrl = args.source === undefined ? null : checked(checkUrl(String(args.source)));
    const live = livePositions(ctx.store, j.fips, topic.id);
    const model = args.model === undefined ? undefined : String(args.model);
    if (model && !topic.multi) {
      throw new UserError('bad_arguments', 'position-remove.no-models', { topic: topic.id }, [
        msg('position-remove.no-models.help', { model, command: `\`position-remove ${j.name}, ${j.state} ${topic.id} <reason>\`` }),
      ]);
    }
    const candidates = model ? live.filter((p) => p.slot === model) : live;
    if (candidates.length === 0) {
      throw new UserError('nothing_to_remove', 'position-remove.nothing', { topic: topic.id, place: `${j.name}, ${j.state}` }, [
        model ? msg('position-remove.no-entry', { value: (language: Language) => shownLabel(topic.id, model, language) }) : msg('position-remove.unknown'),
      ]);
    }
    if (candidates.length > 1) {
      throw new UserError(
        'which_entry',
        'position-remove.several',
        { place: `${j.name}, ${j.state}`, n: candidates.length, topic: topic.id },
        [msg('position-remove.which')],
        candidates.map((p) => ({ label: (language: Language) => shownLabel(topic.id, p.value, language), invocation: rerun('position-remove', { ...args, model: p.slot }, j) })),
      );
    }
    const position = candidates[0]!;
    return submitChange(ctx, {
      change: {
        kind: 'position_retire',
        fips: j.fips,
        topic: topic.id,
        slot: position.slot,
        sourceUrl,
        asOf: todayIn(ctx.clock, j.timeZone),
        reason,
      },
      invocation: rerun('position-remove', { ...args, ...(position.slot ? { model: position.slot } : {}) }, j),
      expect: expectArg(args),
    });
  },
};
