import type { DocTypeInfo } from './schemaSet';
import type { Locale } from './types';
import { trimEndChars } from './trimChars';

export interface TemplateOptions {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly product?: string;
  readonly locale: Locale;
  /** First requirement ID to use in the example requirement (types that hold requirements). */
  readonly firstRequirementId?: string;
  /** Today's date, YYYY-MM-DD (passed in so output is deterministic in tests). */
  readonly date?: string;
}

const PLACEHOLDER: Record<Locale, { section: string; requirement: string; reqText: string }> = {
  en: { section: 'TODO: write this section.', requirement: 'First requirement', reqText: 'Describe what the product must do and why.' },
  'zh-cn': { section: '待补充：请填写本节内容。', requirement: '第一条需求', reqText: '描述产品必须做什么以及原因。' },
};

/**
 * A new document of a type, built from its schema: every required field, every section in schema
 * order (headings in the chosen language), and one example requirement where the type holds
 * requirements. The result passes its own schema, which the unit tests check for every type.
 */
export function renderTemplate(info: DocTypeInfo, o: TemplateOptions): string {
  const text = PLACEHOLDER[o.locale];
  const needs = requiredAttributes(info);
  const lines = [
    '---',
    `type: ${info.type}`,
    `id: ${o.id}`,
    `title: ${yamlString(o.title)}`,
    `stage: ${info.stage ?? 'concept'}`,
    'status: draft',
    `owner: ${yamlString(o.owner)}`,
    ...(o.product ? [`product: ${yamlString(o.product)}`] : []),
    'version: "0.1"',
    ...(o.date ? [`updated: ${o.date}`] : []),
    '---',
    '',
    `# ${o.title}`,
    '',
  ];
  const holder = info.sections.find((s) => s.holdsRequirements);
  for (const section of info.sections) {
    lines.push(`## ${section.title[o.locale]}`, '', text.section, '');
    if (section === holder && o.firstRequirementId) {
      lines.push(`### ${o.firstRequirementId}: ${text.requirement}`, '');
      if (needs.has('priority')) lines.push(o.locale === 'zh-cn' ? '- 优先级：P1' : '- Priority: P1');
      // A Chinese document says its values in Chinese too; they read as the canonical ones (vocabulary.ts).
      if (needs.has('status')) lines.push(o.locale === 'zh-cn' ? '- 状态：已提出' : '- Status: proposed');
      if (needs.size) lines.push('');
      lines.push(text.reqText, '');
    }
  }
  return `${trimEndChars(lines.join('\n'), '\n')}\n`;
}

function requiredAttributes(info: DocTypeInfo): Set<string> {
  const req = (info.schema['x-specboard'] as { requirement?: { required?: string[] } } | undefined)?.requirement;
  return new Set(req?.required ?? []);
}

/** Quotes a YAML scalar only when it needs it (colons, leading symbols, numbers-as-text). */
function yamlString(value: string): string {
  return /^[\w\u4e00-\u9fff][\w\u4e00-\u9fff .()（）/-]*$/.test(value) && !/^\d/.test(value) ? value : JSON.stringify(value);
}
