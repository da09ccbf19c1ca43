// What is stored from free text (names, notes, a sheet's cells). One rule for every source:
// - line ends are normalized: CR LF and a lone CR become LF; a tab becomes a space;
// - LF is kept only in multi-line fields (notes, reasons, instructions); elsewhere it is refused
//   (typed) or becomes a space (a sheet's cell);
// - every other control character — C0, DEL, C1, the bidirectional overrides and isolates that
//   can reorder what a reader sees, the Unicode line and paragraph separators — is refused when
//   typed (the moderator is told which) and stripped from a sheet's cells;
// - what remains is stored verbatim (markup, mentions, emoji): rendering it safely is each
//   adapter's job. Length limits are the fields' own.

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** The forbidden characters of a text, as U+XXXX codes (empty when there are none). */
export function forbiddenIn(text: string): string[] {
  return [...new Set(text.match(FORBIDDEN) ?? [])].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

function normalizeBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

export type Cleaned = { ok: true; value: string } | { ok: false; problem: 'control'; which: string } | { ok: false; problem: 'newline' };

/** Text a person typed: normalized, or why it is refused. */
export function cleanTyped(raw: string, options: { multiline: boolean }): Cleaned {
  const text = normalizeBreaks(raw);
  const bad = forbiddenIn(text);
  if (bad.length) return { ok: false, problem: 'control', which: bad.slice(0, 3).join(', ') };
  if (!options.multiline && text.trim().includes('\n')) return { ok: false, problem: 'newline' };
  return { ok: true, value: text };
}

/** Text read from a file: forbidden characters dropped, line breaks kept only in multi-line fields. */
export function cleanRead(raw: string, options: { multiline: boolean } = { multiline: false }): string {
  const text = normalizeBreaks(raw).replace(FORBIDDEN, '');
  return options.multiline ? text : text.replace(/\n+/g, ' ');
}
