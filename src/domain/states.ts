/** The 50 states and DC, by USPS code. */
export const STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
  MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
} as const;

export type StateCode = keyof typeof STATES;

export const STATE_CODES = Object.keys(STATES) as StateCode[];

const BY_NAME = new Map<string, StateCode>(
  STATE_CODES.flatMap((code) => [
    [code.toLowerCase(), code],
    [STATES[code].toLowerCase(), code],
  ]),
);
BY_NAME.set('washington dc', 'DC');
BY_NAME.set('washington d c', 'DC');
BY_NAME.set('d c', 'DC');

/** 'tx', 'Texas', 'TEXAS', 'new  mexico' → the code; anything else → undefined. */
export function parseState(text: string): StateCode | undefined {
  const key = text.toLowerCase().replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  return BY_NAME.get(key);
}

export function stateName(code: StateCode): string {
  return STATES[code];
}

export function isStateCode(text: string): text is StateCode {
  return Object.hasOwn(STATES, text);
}
