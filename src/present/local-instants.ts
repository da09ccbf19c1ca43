import { text, time, type Rich } from '../reply.ts';

/** A UTC instant as the store writes it into texts: '2026-12-09T16:00:00.000Z'. */
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z/g;

/**
 * A line with every UTC instant in it turned into a time in the county's zone, so that each
 * adapter shows it as local time ('2026-12-09 10:00 CST', a Discord timestamp) rather than UTC.
 */
export function withLocalTimes(line: string, timeZone: string, style?: 'bold'): Rich {
  const out: Rich = [];
  let at = 0;
  for (const match of line.matchAll(INSTANT)) {
    if (match.index > at) out.push(text(line.slice(at, match.index), style));
    out.push(time(new Date(match[0]).toISOString(), timeZone));
    at = match.index + match[0].length;
  }
  if (at < line.length || out.length === 0) out.push(text(line.slice(at), style));
  return out;
}
