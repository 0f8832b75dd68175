import { setAttribute } from '../edits/setAttribute';
import { checkTransition, prioritiesOf, statusesOf } from '../transitions';
import { defaultVocabulary } from '../vocabulary';
import { ToolError, type AgentTool, type ToolContext } from './agentTool';
import { definitionOf } from './toolLookups';
import { toolMessage } from './toolMessages';

export interface SetRequirementAttributeInput {
  readonly id: string;
  readonly key: 'status' | 'priority' | 'release' | 'owner';
  readonly value: string;
  /** The value the caller last saw (null: none); the edit is refused when the file holds another. */
  readonly expected?: string | null;
  readonly file?: string;
}

/**
 * `set_requirement_attribute`: the board's card move for agents. The same checks (configured
 * values, transition rules) and the same minimal edit, computed by setAttribute against the
 * file's current text, which refuses anything but that one value changing; the adapter's write
 * refuses again if the file changed between reading and writing.
 */
export const setRequirementAttribute: AgentTool<SetRequirementAttributeInput> = {
  name: 'set_requirement_attribute',
  writes: true,
  description: (locale) => toolMessage(locale, 'desc.set_requirement_attribute'),
  inputSchema: {
    type: 'object',
    properties: {
      id: { type: 'string', minLength: 1, maxLength: 200, description: 'The requirement ID' },
      key: { type: 'string', enum: ['status', 'priority', 'release', 'owner'] },
      value: { type: 'string', minLength: 1, maxLength: 200, description: 'The new value, e.g. in-progress or P1' },
      expected: { type: ['string', 'null'], maxLength: 200, description: 'The current value as you last read it (null when unset); refused if the file now says otherwise' },
      file: { type: 'string', maxLength: 1000, description: 'The defining document, when the ID is defined in several features' },
    },
    required: ['id', 'key', 'value'],
    additionalProperties: false,
  },
  async run(input, context) {
    const { locale, specs } = context;
    const refuse = (reason: string, message: string): never => {
      throw new ToolError(message, { applied: false, reason });
    };
    if (!context.write) refuse('readOnly', toolMessage(locale, 'readOnly'));
    const def = definitionOf(context, input.id, input.file);
    const file = context.displayPath(def.path);
    const current = def.attributes[input.key];
    if (input.expected !== undefined && (input.expected ?? undefined) !== current) {
      refuse('stale', toolMessage(locale, 'stale', { id: def.id, file }));
    }
    const value = canonical(context, def.path, input.key, input.value.trim());
    checkValue(context, def.path, def.id, input.key, current, value);
    const before = await context.readText(def.path);
    if (before === undefined) return refuse('unreadable', toolMessage(locale, 'unreadable', { file }));
    const options = specs.projectFor(def.path)?.parseOptions(def.path);
    const result = setAttribute(before, { id: def.id, key: input.key, value, expected: { line: def.line, value: current } }, options);
    if (!result.ok) {
      const message = result.reason === 'stale' ? toolMessage(locale, 'stale', { id: def.id, file })
        : result.reason === 'invalidValue' ? toolMessage(locale, 'invalidValue', { value })
        : toolMessage(locale, result.reason, { id: def.id, key: input.key });
      return refuse(result.reason, message);
    }
    const facts = { id: def.id, key: input.key, from: current ?? null, to: value, file, line: def.line + 1 };
    if (!result.edit) return { text: toolMessage(locale, 'unchanged', { id: def.id, key: input.key, value }), structured: { applied: false, unchanged: true, ...facts } };
    const outcome = await context.write!(def.path, before, result.edit);
    if (outcome === 'stale') refuse('stale', toolMessage(locale, 'stale', { id: def.id, file }));
    if (outcome === 'failed') refuse('writeFailed', toolMessage(locale, 'writeFailed', { file }));
    return { text: toolMessage(locale, 'applied', { id: def.id, key: input.key, value, file, line: def.line + 1 }), structured: { applied: true, ...facts } };
  },
};

/** A status or priority as the workspace's vocabulary reads it (`进行中` → `in-progress`); others as given. */
function canonical(context: ToolContext, path: string, key: string, value: string): string {
  if (key !== 'status' && key !== 'priority') return value;
  const vocabulary = context.specs.projectFor(path)?.parseOptions(path).vocabulary ?? defaultVocabulary;
  return vocabulary(key, value);
}

/** The board's checks: configured statuses and priorities, and the config's transition rules. */
function checkValue(context: ToolContext, path: string, id: string, key: string, from: string | undefined, to: string): void {
  const { locale, specs } = context;
  const config = specs.projectFor(path)?.config;
  if (key === 'status') {
    const allowed = statusesOf(config);
    if (!allowed.includes(to)) throw new ToolError(toolMessage(locale, 'notStatus', { value: to, allowed: allowed.join(', ') }), { applied: false, reason: 'invalidValue' });
    const check = checkTransition(config, from, to);
    if (!check.allowed) {
      throw new ToolError(toolMessage(locale, 'transition', { id, from: from ?? toolMessage(locale, 'noStatus'), to, allowed: check.allowedFrom.join(', ') }), { applied: false, reason: 'transition' });
    }
  }
  if (key === 'priority') {
    const allowed = prioritiesOf(config);
    if (!allowed.includes(to)) throw new ToolError(toolMessage(locale, 'notPriority', { value: to, allowed: allowed.join(', ') }), { applied: false, reason: 'invalidValue' });
  }
}
