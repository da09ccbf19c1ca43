/**
 * What a county is filled with: the sheriff's office's record on the topic, reduced to one
 * category, and each category's colour. The colours are Okabe & Ito's set for colour-blind
 * readers (distinct under protanopia, deuteranopia and tritanopia), on a light card so the
 * picture reads the same in Discord's dark and light themes.
 */
import type { MessageKey } from '../i18n/index.ts';

export type AgreementCategory = 'jail-enforcement' | 'task-force' | 'warrant-service-officer' | 'several' | 'none' | 'not-listed' | 'unknown';
export type PolicyCategory = 'yes' | 'partial' | 'no' | 'unknown';
export type MapCategory = AgreementCategory | PolicyCategory | 'no-sheriff';

/** Legend order for each kind of topic; categories with no county are left out of the legend. */
export const AGREEMENT_ORDER: readonly MapCategory[] = [
  'jail-enforcement',
  'task-force',
  'warrant-service-officer',
  'several',
  'none',
  'not-listed',
  'unknown',
  'no-sheriff',
];
export const POLICY_ORDER: readonly MapCategory[] = ['yes', 'partial', 'no', 'unknown', 'no-sheriff'];

export const FILL: Readonly<Record<MapCategory, string>> = {
  'jail-enforcement': '#0072B2', // blue
  'task-force': '#D55E00', // vermillion
  'warrant-service-officer': '#E69F00', // orange
  several: '#CC79A7', // reddish purple
  none: '#56B4E9', // sky blue
  'not-listed': '#F2F2F2',
  unknown: '#D9D9D9',
  yes: '#D55E00',
  partial: '#E69F00',
  no: '#56B4E9',
  'no-sheriff': '#8C8C8C',
};

/** The legend's wording; 'not-listed' takes the list's {date}. */
export const LABEL: Readonly<Record<MapCategory, MessageKey>> = {
  'jail-enforcement': 'model.jail-enforcement',
  'task-force': 'model.task-force',
  'warrant-service-officer': 'model.warrant-service-officer',
  several: 'map.legend.several',
  none: 'map.legend.none',
  'not-listed': 'map.legend.not-listed',
  unknown: 'map.legend.unknown',
  yes: 'map.legend.yes',
  partial: 'map.legend.partial',
  no: 'map.legend.no',
  'no-sheriff': 'map.legend.no-sheriff',
};

/** Categories that mean the office does what the topic asks about: what neighbour lines count. */
export const ENGAGED: ReadonlySet<MapCategory> = new Set(['jail-enforcement', 'task-force', 'warrant-service-officer', 'several', 'yes', 'partial']);
