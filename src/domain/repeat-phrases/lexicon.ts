// The words of repeats people type, English and Spanish (accents stripped), by what they mean.
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export type Unit = 'day' | 'week' | 'month' | 'year';

export const WEEKDAY_ORDER: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A word's meaning; the parser's grammar is over these kinds, not over the words. */
export type Word =
  | { kind: 'weekday'; day: Weekday }
  | { kind: 'weekdays' }
  | { kind: 'ordinal'; n: number }
  | { kind: 'number'; n: number }
  | { kind: 'unit'; unit: Unit }
  | { kind: 'freq'; unit: Unit; interval: number }
  | { kind: 'period'; pm: boolean }
  | { kind: 'noon'; hour: number }
  | { kind: 'every' | 'other' | 'and' | 'through' | 'a' | 'at' | 'until' | 'times' | 'filler' };

const entries: [string, Word][] = [];
const add = (words: string, word: Word) => words.split(' ').forEach((w) => entries.push([w, word]));

const DAY_WORDS: Record<Weekday, string> = {
  MO: 'monday mondays mon lunes',
  TU: 'tuesday tuesdays tue tues martes',
  WE: 'wednesday wednesdays wed miercoles',
  TH: 'thursday thursdays thu thur thurs jueves',
  FR: 'friday fridays fri viernes',
  SA: 'saturday saturdays sat sabado sabados',
  SU: 'sunday sundays sun domingo domingos',
};
for (const day of WEEKDAY_ORDER) add(DAY_WORDS[day], { kind: 'weekday', day });
add('weekday weekdays entresemana', { kind: 'weekdays' });

const ORDINALS = ['first primer primero primera', 'second segundo segunda', 'third tercer tercero tercera', 'fourth cuarto cuarta', 'fifth quinto quinta'];
ORDINALS.forEach((words, i) => add(words, { kind: 'ordinal', n: i + 1 }));
add('last ultimo ultima', { kind: 'ordinal', n: -1 });

const NUMBERS = ['one uno una un', 'two dos', 'three tres', 'four cuatro', 'five cinco', 'six seis', 'seven siete', 'eight ocho', 'nine nueve', 'ten diez', 'eleven once', 'twelve doce'];
NUMBERS.forEach((words, i) => add(words, { kind: 'number', n: i + 1 }));

add('day days dia dias', { kind: 'unit', unit: 'day' });
add('week weeks semana semanas', { kind: 'unit', unit: 'week' });
add('month months mes meses', { kind: 'unit', unit: 'month' });
add('year years ano anos', { kind: 'unit', unit: 'year' });

add('daily diario diaria diariamente', { kind: 'freq', unit: 'day', interval: 1 });
add('weekly semanal semanalmente', { kind: 'freq', unit: 'week', interval: 1 });
add('biweekly fortnightly quincenal quincenalmente', { kind: 'freq', unit: 'week', interval: 2 });
add('monthly mensual mensualmente', { kind: 'freq', unit: 'month', interval: 1 });
add('quarterly trimestral trimestralmente', { kind: 'freq', unit: 'month', interval: 3 });
add('yearly annually annual anual anualmente', { kind: 'freq', unit: 'year', interval: 1 });

add('morning manana madrugada', { kind: 'period', pm: false });
add('afternoon evening night tarde noche', { kind: 'period', pm: true });
add('noon midday mediodia', { kind: 'noon', hour: 12 });
add('midnight medianoche', { kind: 'noon', hour: 0 });

add('every each cada todos todas', { kind: 'every' });
add('other alternate pormedio', { kind: 'other' });
add('and y e plus , &', { kind: 'and' });
add('through thru to -', { kind: 'through' });
add('a', { kind: 'a' });
add('at @', { kind: 'at' });
add('until till hasta', { kind: 'until' });
add('times veces meetings reuniones occurrences', { kind: 'times' });
add("the of on in el la los las lo de del en al por h hrs horas o'clock oclock", { kind: 'filler' });

/** Every known word; the tokenizer looks words up here after lowercasing and stripping accents. */
export const LEXICON: ReadonlyMap<string, Word> = new Map(entries);

/** Several words that mean one thing, joined before lookup. */
export const MULTI_WORDS: readonly [RegExp, string][] = [
  [/\bpor medio\b/g, 'pormedio'],
  [/\bentre semana\b/g, 'entresemana'],
  [/\bdias (?:habiles|laborables)\b/g, 'entresemana'],
];
