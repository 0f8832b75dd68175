import { prefixOf } from '../ids';
import type { AgentTool } from './agentTool';
import { toolMessage } from './toolMessages';

export interface NextFreeIdInput {
  readonly stem: string;
}

/** `next_free_id`: the ID a new requirement of a stem should take (`REQ-CHK-` → `REQ-CHK-005`). */
export const nextFreeIdTool: AgentTool<NextFreeIdInput> = {
  name: 'next_free_id',
  description: (locale) => toolMessage(locale, 'desc.next_free_id'),
  inputSchema: {
    type: 'object',
    properties: {
      stem: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*-?$', maxLength: 100, description: 'The ID without its final number, e.g. REQ-CHK- (the trailing dash may be left out)' },
    },
    required: ['stem'],
    additionalProperties: false,
  },
  async run(input, context) {
    const { index } = context.specs;
    const upper = input.stem.toUpperCase();
    // `REQ-CHK` means the stem `REQ-CHK-` unless IDs such as `FR12` define the dashless stem.
    const stem = upper.endsWith('-') || index.stemsOf(prefixOf(upper)).includes(upper) ? upper : `${upper}-`;
    const id = index.nextFreeId(stem);
    return { text: toolMessage(context.locale, 'nextFreeId', { stem, id }), structured: { stem, id } };
  },
};
