import { languageFor } from '../i18n/choose-language.ts';
import { todayIn } from '../clock.ts';
import { topicById } from '../domain/topics.ts';
import { checkIsoDate, checkText, checkTopicValue, checkUrl, LIMITS } from '../domain/validation.ts';
import { AS_OF_OPTION, checked, expectArg, EXPECT_OPTION, PLACE_OPTIONS, rerun, resolveCounty, SOURCE_URL_OPTION } from './moderation-args.ts';
import { submitChange } from './moderation-submit.ts';
import type { CommandDef, OptionChoice } from './types.ts';
import { TOPIC_CHOICES } from './topic-choices.ts';

/** Every value any topic takes; the handler checks the value against the topic. */
const VALUE_CHOICES: OptionChoice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'partial', label: 'Partly / with conditions' },
  { value: 'unknown', label: 'Unknown (checked, no answer)' },
  { value: 'jail-enforcement', label: '287(g) Jail Enforcement Model', aliases: ['jem', 'jail'] },
  { value: 'task-force', label: '287(g) Task Force Model', aliases: ['tfm'] },
  { value: 'warrant-service-officer', label: '287(g) Warrant Service Officer', aliases: ['wso', 'warrant'] },
  { value: 'none', label: 'No 287(g) agreement' },
];

export const positionSetCommand: CommandDef = {
  name: 'position-set',
  description: "Record a sheriff's position on a topic, with the source that documents it",
  options: [
    ...PLACE_OPTIONS,
    {
      name: 'topic',
      description: 'The topic',
      type: 'choice',
      required: true,
      choices: TOPIC_CHOICES,
    },
    { name: 'value', description: 'yes / no / partial / unknown; for 287g a model or none', type: 'choice', required: true, choices: VALUE_CHOICES },
    SOURCE_URL_OPTION,
    AS_OF_OPTION,
    EXPECT_OPTION,
    { name: 'note', description: 'A short note shown with the position (at most 500 characters)', type: 'text', required: false },
  ],
  permission: 'moderator',
  examples: [
    'position set Travis, TX detainers no https://www.kut.org/news policy memo of March 2025',
    'position-set Harris, TX jail-access partial https://www.houstonchronicle.com/news 2025-03-01 interviews by appointment',
    'position-set Autauga, AL 287g none https://www.ice.gov/identify-and-arrest/287g',
  ],
  handler(ctx, args) {
    const j = resolveCounty(ctx, 'position-set', args);
    const language = languageFor(ctx);
    const topic = topicById(String(args.topic));
    const value = checked(checkTopicValue(topic, String(args.value)), language);
    const sourceUrl = checked(checkUrl(String(args.source ?? '')), language);
    const today = todayIn(ctx.clock, j.timeZone);
    const asOf = args['as-of'] === undefined ? today : checked(checkIsoDate(String(args['as-of']), 'as-of date', today), language);
    const note = args.note === undefined ? null : checked(checkText(String(args.note), 'note', LIMITS.note), language);
    return submitChange(ctx, {
      change: { kind: 'position_set', fips: j.fips, topic: topic.id, value, sourceUrl, asOf, note },
      invocation: rerun('position-set', args, j),
      expect: expectArg(args, language),
    });
  },
};
