import { MeetingRuleError } from '../meeting-rules.ts';

/**
 * A repeat or time as typed that cannot be read; the message quotes it and gives an example.
 * A kind of MeetingRuleError, so every command that turns rule errors into answers handles it.
 */
export class RepeatPhraseError extends MeetingRuleError {
  override name = 'RepeatPhraseError';
}
