import { languageFor } from '../../i18n/choose-language.ts';
import { en } from '../../i18n/en.ts';
import { todayIn } from '../../clock.ts';
import { topicById } from '../../domain/topics.ts';
import { checkIsoDate, checkText, checkTopicValue, checkUrl, LIMITS, type Checked } from '../../domain/validation.ts';
import type { Language } from '../../i18n/index.ts';
import { choiceText } from '../../framework/usage.ts';
import { checked, expectArg, rerun, resolveCounty } from './record-args.ts';
import { submitChange } from '../../moderation/submit.ts';
import type { CommandDef, OptionChoice } from '../../framework/types.ts';
import { AS_OF_OPTION, PLACE_OPTIONS, REVISION_OPTION, SOURCE_URL_OPTION, TOPIC_OPTION } from '../../framework/options.ts';

/** Every value any topic takes; the handler checks the value against the topic. Labels are the catalog's. */
const VALUES = [
  { value: 'yes' },
  { value: 'no' },
  { value: 'partial' },
  { value: 'unknown' },
  { value: 'jail-enforcement', aliases: ['jem', 'jail'] },
  { value: 'task-force', aliases: ['tfm'] },
  { value: 'warrant-service-officer', aliases: ['wso', 'warrant'] },
  { value: 'none' },
] as const;
const VALUE_CHOICES: OptionChoice[] = VALUES.map((v) => ({
  value: v.value,
  label: en[`command.position-set.option.value.choice.${v.value}`],
  ...('aliases' in v ? { aliases: [...v.aliases] } : {}),
}));

/** A refused topic value lists the allowed values; outside English each with its label (they are English words). */
function labelledValues<T>(result: Checked<T>, language: Language): Checked<T> {
  if (result.ok || language === 'en' || typeof result.params.allowed !== 'string') return result;
  const option = positionSetCommand.options.find((o) => o.name === 'value')!;
  const allowed = result.params.allowed
    .split(', ')
    .map((value) => {
      const choice = VALUE_CHOICES.find((c) => c.value === value);
      return choice ? choiceText(language, positionSetCommand, option, choice) : value;
    })
    .join(', ');
  return { ...result, params: { ...result.params, allowed } };
}

export const positionSetCommand: CommandDef = {
  name: 'position-set',
  options: [
    ...PLACE_OPTIONS,
    TOPIC_OPTION,
    { name: 'value', type: 'choice', required: true, choices: VALUE_CHOICES },
    SOURCE_URL_OPTION,
    AS_OF_OPTION,
    REVISION_OPTION,
    { name: 'note', type: 'text', required: false },
  ],
  // Everyone may propose; only an editor's change is applied at once (see submitChange).
  permission: 'everyone',
  examples: [
    'position set Travis, TX detainers no https://www.kut.org/news policy memo of March 2025',
    'position-set Harris, TX jail-access partial https://www.houstonchronicle.com/news 2025-03-01 interviews by appointment',
    'position-set Autauga, AL 287g none https://www.ice.gov/identify-and-arrest/287g',
  ],
  handler(ctx, args) {
    const j = resolveCounty(ctx, 'position-set', args);
    const language = languageFor(ctx);
    const topic = topicById(String(args.topic));
    const value = checked(labelledValues(checkTopicValue(topic, String(args.value)), language));
    const sourceUrl = checked(checkUrl(String(args.source ?? '')));
    const today = todayIn(ctx.clock, j.timeZone);
    const asOf = args['as-of'] === undefined ? today : checked(checkIsoDate(String(args['as-of']), 'as-of date', today));
    const note = args.note === undefined ? null : checked(checkText(String(args.note), 'note', LIMITS.note, true));
    return submitChange(ctx, {
      change: { kind: 'position_set', fips: j.fips, topic: topic.id, value, sourceUrl, asOf, note },
      invocation: rerun('position-set', args, j),
      expect: expectArg(args),
    });
  },
};
