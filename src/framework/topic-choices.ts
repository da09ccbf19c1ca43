import { TOPICS } from '../domain/topics.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { OptionChoice } from './types.ts';

/** The topics as the choices of a 'topic' option; every command taking a topic uses these. */
export const TOPIC_CHOICES: OptionChoice[] = TOPICS.map((t) => ({ value: t.id, label: t.label, labelKey: `topic.${t.id}.name` as MessageKey, aliases: t.aliases }));
