/**
 * Options several commands share, each defined once with one catalog entry (`option.<name>`)
 * for its description and, for fixed choices, `option.<name>.choice.<value>`.
 */
import { TOPIC_CHOICES } from './topic-choices.ts';
import type { OptionDef } from './types.ts';

export const COUNTY_OPTION: OptionDef = { name: 'county', descriptionKey: 'option.county', type: 'county', required: true };

/** The county option of commands that also take a whole state ('calendar Texas'). */
export const COUNTY_OR_STATE_OPTION: OptionDef = { ...COUNTY_OPTION, descriptionKey: 'option.county-or-state' };

export const STATE_OPTION: OptionDef = { name: 'state', descriptionKey: 'option.state', type: 'state', required: false };

export const PLACE_OPTIONS: OptionDef[] = [COUNTY_OPTION, STATE_OPTION];

/** The page of a paged reply; the free-text grammar reads it as `page <n>` at the end. */
export const PAGE_OPTION: OptionDef = { name: 'page', descriptionKey: 'option.page', type: 'integer', required: false, min: 1 };

/** The required topic of the moderator commands that write one topic. */
export const TOPIC_OPTION: OptionDef = { name: 'topic', descriptionKey: 'option.topic', type: 'choice', required: true, choices: TOPIC_CHOICES };

/** Where a moderator's change to the record is documented. */
export const SOURCE_URL_OPTION: OptionDef = {
  name: 'source',
  descriptionKey: 'option.source',
  type: 'text',
  required: true,
  pattern: /^<?https?:\/\//i,
};

export const OPTIONAL_SOURCE_URL_OPTION: OptionDef = { ...SOURCE_URL_OPTION, required: false };

/** Where an election or a meeting is stated. */
export const EVENT_SOURCE_OPTION: OptionDef = { name: 'source', descriptionKey: 'option.source.event', type: 'text', required: true };

export const AS_OF_OPTION: OptionDef = {
  name: 'as-of',
  descriptionKey: 'option.as-of',
  type: 'text',
  required: false,
  pattern: /^\d{4}-\d{2}-\d{2}$/,
};

/** The revision of the record a moderator saw, '#57' as the confirmation shows it. */
export const REVISION_OPTION: OptionDef = {
  name: 'revision',
  descriptionKey: 'option.revision',
  type: 'text',
  required: false,
  pattern: /^#\d+$/,
};

/** The revision of an election or meeting a moderator saw, as a number. */
export const EVENT_REVISION_OPTION: OptionDef = { name: 'revision', descriptionKey: 'option.revision.event', type: 'integer', required: false, min: 1 };

export const NOTE_OPTION: OptionDef = { name: 'note', descriptionKey: 'option.note', type: 'text', required: false };
