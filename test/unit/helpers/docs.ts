/** Builders for product-doc fixtures, so each test states only what it is about. */

export type Fields = Record<string, string | undefined>;

/** YAML front matter from fields; a field set to undefined is left out. */
export function frontMatter(fields: Fields): string {
  const lines = Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** The six common fields for a document of `type`, overridable. */
export function commonFields(type: string, overrides: Fields = {}): Fields {
  return { type, id: `${type.toUpperCase()}-TEST`, title: 'Test document', stage: 'productization', status: 'draft', owner: 'Alice', ...overrides };
}

/** Every PRD section, required and recommended, as H2 headings. */
export const PRD_SECTIONS = [
  '## Vision', '## Target market', '## Competitive analysis', '## Features', '## Use cases',
  '## System requirements', '## Performance requirements', '## Sales and support requirements',
].join('\n\n');

/** A complete, valid PRD whose Features section holds `features`. */
export function prd(features = '', overrides: Fields = {}): string {
  return `${frontMatter(commonFields('prd', overrides))}# Test PRD\n\n${PRD_SECTIONS.replace('## Features', `## Features\n\n${features}`)}\n`;
}

/** A document of a type without required sections (design), so only `body` can raise errors. */
export function designDoc(body = '', overrides: Fields = {}): string {
  return `${frontMatter(commonFields('design', overrides))}# Test design\n\n${body}\n`;
}

/** A BRD with all its required sections; `requirements` goes under Business requirements. */
export function brd(requirements = '', overrides: Fields = {}): string {
  const sections = ['## Business opportunity', '## Market analysis', '## User needs', '## Competition', '## Product strategy',
    `## Business requirements\n\n${requirements}`, '## Success metrics', '## Risks'];
  return `${frontMatter(commonFields('brd', { stage: 'concept', ...overrides }))}# Test BRD\n\n${sections.join('\n\n')}\n`;
}
