/**
 * The Block Kit limits real Slack enforces (it answers `invalid_blocks`), checked by the fake
 * on every message and view it receives, so a renderer that breaks one fails its test.
 */
type Json = Record<string, unknown>;

export interface BlockKitLimits {
  maxBlocks: number;
}

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const textOf = (value: unknown): string | undefined => {
  const text = asObject(value).text;
  return typeof text === 'string' ? text : undefined;
};

function checkText(problems: string[], where: string, object: unknown, max: number, types: readonly string[] = ['plain_text', 'mrkdwn']): void {
  const o = asObject(object);
  const text = textOf(o);
  if (!types.includes(String(o.type))) problems.push(`${where}: text type ${String(o.type)} not allowed`);
  if (text === undefined || text.length === 0) problems.push(`${where}: empty text`);
  else if (text.length > max) problems.push(`${where}: ${text.length} characters (max ${max})`);
}

/** Every limit violation in `blocks`; empty when Slack would accept them. */
export function blockKitProblems(blocks: unknown, { maxBlocks }: BlockKitLimits): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  const actionIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const block = asObject(raw);
    const where = `block ${i} (${String(block.type)})`;
    switch (block.type) {
      case 'header':
        checkText(problems, where, block.text, 150, ['plain_text']);
        break;
      case 'section': {
        const fields = Array.isArray(block.fields) ? block.fields : undefined;
        if (block.text === undefined && !fields) problems.push(`${where}: neither text nor fields`);
        if (block.text !== undefined) checkText(problems, where, block.text, 3000);
        if (fields && (fields.length === 0 || fields.length > 10)) problems.push(`${where}: ${fields.length} fields (1-10)`);
        fields?.forEach((field, f) => checkText(problems, `${where} field ${f}`, field, 2000));
        break;
      }
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > 10) problems.push(`${where}: ${elements.length} elements (1-10)`);
        elements.forEach((element, e) => checkText(problems, `${where} element ${e}`, element, 3000));
        break;
      }
      case 'actions': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > 25) problems.push(`${where}: ${elements.length} elements (1-25)`);
        elements.forEach((raw, e) => {
          const element = asObject(raw);
          const id = String(element.action_id ?? '');
          if (!id || id.length > 255) problems.push(`${where} element ${e}: bad action_id`);
          if (actionIds.has(id)) problems.push(`${where} element ${e}: duplicate action_id ${id}`);
          actionIds.add(id);
          checkText(problems, `${where} element ${e}`, element.text, 75, ['plain_text']);
          if (typeof element.value === 'string' && element.value.length > 2000) problems.push(`${where} element ${e}: value over 2000`);
        });
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: block type not checked by the fake`);
    }
  });
  return problems;
}
