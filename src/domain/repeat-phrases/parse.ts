// Repeats as people type them ("every 2nd Tuesday at 9am", "el primer martes de cada mes a las
// 9") read by a small recursive-descent grammar over the tokens' kinds:
//
//   phrase   := item (AND? item)* END
//   item     := time | UNTIL date | number TIMES | schedule
//   time     := (AT | A)? (clock | number | noon) ampm? period?
//   schedule := EVERY? ( freq days? | OTHER (unit | weekdays) | number unit days?
//                      | number weekdays | unit days? | days OTHER? monthTail? )
//   days     := WEEKDAYS | ordinals (weekdays | DAY)? monthTail? | weekdays | DAY numbers
//   weekdays := weekday ((AND | THROUGH | A) weekday)*
//   ordinals := ordinal (AND ordinal)*
//   monthTail:= EVERY? MONTH | MONTHLY
//
// The result is an RFC 5545 rule (the stored form) and, when given, the local time.
import { DateTime } from 'luxon';
import { RepeatPhraseError } from './errors.ts';
import { WEEKDAY_ORDER, type Unit, type Weekday } from './lexicon.ts';
import { tokenize, type Token } from './tokenize.ts';

export { RepeatPhraseError };

/** What a typed repeat means: the rule, and the time of day when the phrase gave one ('HH:MM'). */
export interface ParsedRepeat {
  rrule: string;
  time?: string;
}

interface DayRef {
  day: Weekday;
  n?: number;
  raw: string;
}

/** The token of a kind (some word kinds share one shape, so Extract alone would miss them). */
type Narrow<K extends Token['kind']> = Token & { kind: K } & (Extract<Token, { kind: K }> extends never ? unknown : Extract<Token, { kind: K }>);

const FREQ: Record<Unit, string> = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' };
const WORKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

class Parser {
  private at = 0;
  private unit?: Unit;
  private interval = 1;
  private days: DayRef[] = [];
  private monthDays: { n: number; raw: string }[] = [];
  private time?: string;
  private until?: string;
  private count?: number;
  private scheduled = false;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(ahead = 0): Token | undefined {
    return this.tokens[this.at + ahead];
  }

  private is(kind: Token['kind'], ahead = 0): boolean {
    return this.peek(ahead)?.kind === kind;
  }

  private take<K extends Token['kind']>(kind: K): Narrow<K> | undefined {
    const token = this.peek();
    if (token?.kind !== kind) return undefined;
    this.at++;
    return token as Narrow<K>;
  }

  /** The text typed from token `from` up to the last one taken. */
  private rawFrom(from: number): string {
    const first = this.tokens[from];
    const last = this.tokens[Math.max(from, this.at - 1)];
    return first && last ? this.text.slice(first.start, last.end) : '';
  }

  phrase(): ParsedRepeat {
    if (this.tokens.length === 0) throw new RepeatPhraseError('repeat.empty');
    while (this.at < this.tokens.length) {
      if (this.at > 0 && this.take('and') && !this.peek()) throw new RepeatPhraseError('repeat.dangling', { word: this.tokens[this.at - 1]!.raw });
      this.item();
    }
    return this.finish();
  }

  private item(): void {
    if (this.startsTime()) return this.clockTime();
    if (this.take('until')) return this.untilDate();
    if (this.is('number') && this.is('times', 1)) {
      const n = this.take('number')!;
      this.at++;
      if (n.n < 1) throw new RepeatPhraseError('repeat.interval', { value: n.raw });
      this.count = n.n;
      return;
    }
    this.schedule();
  }

  startsTime(): boolean {
    const next = (ahead: number) => this.is('number', ahead) || this.is('clock', ahead) || this.is('noon', ahead);
    if (this.is('at') || this.is('clock') || this.is('noon')) return true;
    if (this.is('a')) return next(1);
    return this.is('number') && (this.is('ampm', 1) || this.is('period', 1) || (this.scheduled && !this.peek(1)));
  }

  /** time := (AT | A)? (clock | number | noon) ampm? period? */
  clockTime(): void {
    if (this.time) throw new RepeatPhraseError('repeat.time-twice');
    if (!this.take('at')) this.take('a');
    const from = this.at;
    const noon = this.take('noon');
    if (noon) {
      this.time = `${String(noon.hour).padStart(2, '0')}:00`;
      return;
    }
    const clock = this.take('clock') ?? this.take('number');
    if (!clock) throw new RepeatPhraseError('repeat.time', { time: this.peek()?.raw ?? '' });
    let hour = clock.kind === 'clock' ? clock.hour : clock.n;
    const minute = clock.kind === 'clock' ? clock.minute : 0;
    const ampm = this.take('ampm');
    const period = this.take('period');
    const raw = this.rawFrom(from);
    const half = ampm ?? period;
    if (minute > 59 || (half ? hour < 1 || hour > 12 : hour > 23)) throw new RepeatPhraseError('repeat.time', { time: raw });
    if (half) hour = (hour % 12) + (half.pm ? 12 : 0);
    this.time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }

  /** The whole text is one time of day. */
  timeOnly(): string {
    this.clockTime();
    if (this.peek() || !this.time) throw new RepeatPhraseError('repeat.time', { time: this.text.trim() });
    return this.time;
  }

  private untilDate(): void {
    const date = this.take('date');
    const raw = date?.raw ?? this.peek()?.raw ?? '';
    if (!date || !DateTime.fromISO(date.iso).isValid) throw new RepeatPhraseError('repeat.date', { date: raw });
    this.until = `${date.iso.replaceAll('-', '')}T235959Z`;
  }

  private setFreq(unit: Unit, interval: number, raw: string): void {
    if (interval < 1) throw new RepeatPhraseError('repeat.interval', { value: raw });
    if (this.unit && (this.unit !== unit || this.interval !== interval)) throw new RepeatPhraseError('repeat.twice', { word: raw });
    this.unit = unit;
    this.interval = interval;
  }

  private schedule(): void {
    if (this.scheduled) throw new RepeatPhraseError('repeat.unexpected', { word: this.peek()!.raw });
    this.scheduled = true;
    const from = this.at;
    this.take('every');
    const freq = this.take('freq');
    if (freq) {
      this.setFreq(freq.unit, freq.interval, freq.raw);
      if (this.startsDays()) this.days_(from);
      return;
    }
    if (this.take('other')) {
      const unit = this.take('unit');
      if (unit) return this.setFreq(unit.unit, 2, unit.raw);
      if (!this.is('weekday')) throw new RepeatPhraseError('repeat.weekday-needed', { after: this.rawFrom(from) });
      this.setFreq('week', 2, this.rawFrom(from));
      return this.weekdays();
    }
    if (this.is('number') && this.is('unit', 1)) {
      const n = this.take('number')!;
      this.setFreq(this.take('unit')!.unit, n.n, n.raw);
      if (this.startsDays()) this.days_(from);
      return;
    }
    if (this.is('number') && this.is('weekday', 1)) {
      const n = this.take('number')!;
      this.setFreq('week', n.n, n.raw);
      return this.weekdays();
    }
    if (this.is('unit') && !(this.peek()!.kind === 'unit' && (this.peek() as { unit: Unit }).unit === 'day' && this.is('number', 1))) {
      const unit = this.take('unit')!;
      this.setFreq(unit.unit, 1, unit.raw);
      if (this.startsDays()) this.days_(from);
      return;
    }
    if (!this.startsDays()) {
      const token = this.peek();
      if (!token) throw new RepeatPhraseError('repeat.dangling', { word: this.tokens[this.at - 1]!.raw });
      throw new RepeatPhraseError('repeat.unexpected', { word: token.raw });
    }
    this.days_(from);
    const other = this.take('other');
    if (other) this.setFreq('week', 2, other.raw);
    this.monthTail();
  }

  private startsDays(): boolean {
    return this.is('weekday') || this.is('weekdays') || this.is('ordinal') || (this.is('unit') && this.is('number', 1));
  }

  /** days := WEEKDAYS | ordinals (weekdays | DAY)? monthTail? | weekdays | DAY numbers */
  private days_(from: number): void {
    if (this.take('weekdays')) {
      WORKDAYS.forEach((day) => this.days.push({ day, raw: '' }));
      return;
    }
    if (this.is('ordinal')) {
      const ordinals = this.list('ordinal').map((t) => ({ n: t.n, raw: t.raw }));
      if (this.is('weekday')) {
        const plainDays = this.weekdayList();
        for (const day of plainDays) for (const o of ordinals) this.days.push({ day, n: o.n, raw: o.raw });
        this.monthTail();
        return;
      }
      const day = this.is('unit') && (this.peek() as { unit: Unit }).unit === 'day' ? this.take('unit') : undefined;
      const tail = this.monthTail();
      if (!day && !tail && this.unit !== 'month') throw new RepeatPhraseError('repeat.weekday-needed', { after: this.rawFrom(from) });
      this.monthDays.push(...ordinals);
      return;
    }
    if (this.is('weekday')) return this.weekdays();
    this.take('unit');
    this.monthDays.push(...this.list('number').map((t) => ({ n: t.n, raw: t.raw })));
    this.monthTail();
  }

  private weekdays(): void {
    this.weekdayList().forEach((day) => this.days.push({ day, raw: '' }));
  }

  /** weekdays := weekday ((AND | THROUGH | A) weekday)* — "Monday through Friday" is every day between. */
  private weekdayList(): Weekday[] {
    const days: Weekday[] = [this.take('weekday')!.day];
    for (;;) {
      if ((this.is('through') || this.is('a')) && this.is('weekday', 1)) {
        this.at++;
        const last = this.take('weekday')!.day;
        const first = WEEKDAY_ORDER.indexOf(days.at(-1)!);
        for (let i = first + 1; i <= first + 7 && WEEKDAY_ORDER[(i - 1) % 7] !== last; i++) days.push(WEEKDAY_ORDER[i % 7]!);
        continue;
      }
      if (!this.is('and')) return days;
      if (!this.peek(1)) throw new RepeatPhraseError('repeat.dangling', { word: this.peek()!.raw });
      if (!this.is('weekday', 1)) return days;
      this.at++;
      days.push(this.take('weekday')!.day);
    }
  }

  /** ordinals := ordinal (AND ordinal)*, and the same for numbers. */
  private list<K extends 'ordinal' | 'number'>(kind: K): Narrow<K>[] {
    const items = [this.take(kind)!];
    while (this.is('and') && this.is(kind, 1)) {
      this.at++;
      items.push(this.take(kind)!);
    }
    if (this.is('and') && !this.peek(1)) throw new RepeatPhraseError('repeat.dangling', { word: this.peek()!.raw });
    return items;
  }

  /** monthTail := EVERY? MONTH | MONTHLY — "of the month", "de cada mes". */
  private monthTail(): boolean {
    const month = (ahead: number) => {
      const token = this.peek(ahead);
      return (token?.kind === 'unit' || token?.kind === 'freq') && token.unit === 'month' && (token.kind === 'unit' || token.interval === 1);
    };
    if (month(0) || (this.is('every') && month(1))) {
      this.at += month(0) ? 1 : 2;
      if (this.unit && this.unit !== 'month') throw new RepeatPhraseError('repeat.ordinal-weeks');
      this.unit = 'month';
      return true;
    }
    return false;
  }

  private finish(): ParsedRepeat {
    if (!this.scheduled) throw new RepeatPhraseError('repeat.schedule-needed');
    const counted = this.days.some((d) => d.n !== undefined) || this.monthDays.length > 0;
    if (counted && this.unit && this.unit !== 'month') throw new RepeatPhraseError('repeat.ordinal-weeks');
    for (const d of this.days) if (d.n !== undefined && (d.n === 0 || d.n > 5)) throw new RepeatPhraseError('repeat.ordinal', { value: d.raw });
    for (const d of this.monthDays) if (d.n === 0 || d.n > 31) throw new RepeatPhraseError('repeat.monthday', { value: d.raw });
    const unit = this.unit ?? (counted ? 'month' : 'week');
    const parts = [`FREQ=${FREQ[unit]}`];
    if (this.interval > 1) parts.push(`INTERVAL=${this.interval}`);
    const days = [...new Set(this.days.map((d) => `${d.n ?? ''}${d.day}`))];
    if (days.length) parts.push(`BYDAY=${days.join(',')}`);
    if (this.monthDays.length) parts.push(`BYMONTHDAY=${[...new Set(this.monthDays.map((d) => d.n))].join(',')}`);
    if (this.until) parts.push(`UNTIL=${this.until}`);
    if (this.count) parts.push(`COUNT=${this.count}`);
    return { rrule: parts.join(';'), ...(this.time ? { time: this.time } : {}) };
  }
}

/** A typed repeat → its RFC 5545 rule and time of day; refused with what is wrong and an example. */
export function parseRepeat(text: string): ParsedRepeat {
  return new Parser(text, tokenize(text)).phrase();
}

/** A time of day as people write it ('2pm', '14:00', '9 a.m.', 'a las 6 de la tarde') → 'HH:MM'. */
export function parseClockTime(text: string): string {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    throw new RepeatPhraseError('repeat.time', { time: text.trim() });
  }
  if (tokens.length === 0) throw new RepeatPhraseError('repeat.time', { time: text.trim() });
  return new Parser(text, tokens).timeOnly();
}
