/** Messages of the city / ZIP code reading of county text, state typos, greetings and platform hints. */
export const places = {
  'places.city-in': '{place} is in {county}.',
  'places.city-also': 'Parts of it are in {counties} too: pick one below if that is where you are.',
  'places.zip-in': 'ZIP code {zip} ({postOffice}) is in {county}.',
  'places.zip-in.bare': 'ZIP code {zip} is in {county}.',
  'places.zip-also': 'Some of its addresses are in {counties}: pick one below if yours is.',
  'places.zip-cross': 'ZIP codes can cross county lines; if you live near one, check your county.',
  'places.other-readings': 'Meant something else? Pick it below.',
  'places.county-chosen': 'This is {place}. A city of the same name is offered below.',
  'places.zip-unknown': 'No ZIP code {zip} in the list',
  'places.zip-unknown.hint': 'Check the five digits, or type your city or county instead, e.g. `{example}`.',
  'places.cities-ambiguous': 'Which one? Pick one below, or add the state, e.g. `{example}`.',
  'places.state-typo': 'Did you mean {state}?',
  'places.check-spelling.state-given': 'Check the spelling of the county or city, e.g. `{example}`.',
  'places.hello.title': 'Hello!',
  'places.hello.ask': 'Ask about any county, city or ZIP code, e.g. `{county}`, `{city}` or `{zip}`.',
  'places.hello.more': 'For everything else I can do: `{help}`.',
} as const;
