/** Block Kit limits (https://docs.slack.dev/reference/block-kit) this adapter stays within. */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  /** section text, context element text */
  text: 3000,
  sectionFields: 10,
  field: 2000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  /** the message's top-level `text`, used for notifications and screen readers */
  fallback: 3000,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts already-escaped Slack text to `max` characters without breaking a `<…>` token (link,
 * date), an `&…;` entity or a surrogate pair, and marks the cut with an ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const amp = cut.lastIndexOf('&');
  if (amp > cut.lastIndexOf(';')) cut = cut.slice(0, amp);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

/**
 * Joins lines with newlines into as few chunks of at most `max` characters as possible; a
 * line longer than `max` on its own is truncated. Empty lines are dropped.
 */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    if (!raw.trim()) continue;
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length <= max) {
      current += `\n${line}`;
    } else {
      if (current) chunks.push(current);
      current = line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Splits a list into groups of at most `size`. */
export function groupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
