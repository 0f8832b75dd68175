import type { ErrorObject } from 'ajv';
import { COMMON_SCHEMA } from './builtinSchemas';
import type { SpecConfig } from './config';
import { joinList, message } from './messages';
import type { ParsedFile, RequirementDef } from './model';
import type { DocTypeInfo, SchemaSet } from './schemaSet';
import type { SectionSpec } from './sections';
import { headingMatches, headingParts, normalizeTitle, sectionNames } from './sections';
import { range } from './text';
import type { Locale, Range, SpecDiagnostic } from './types';
import { rankAllowed, vocabularyField } from './vocabulary';

/** Chinese names shown next to field names, so messages read well for both audiences. */
const LABELS: Record<string, string> = {
  type: '类型', id: '文档编号', title: '标题', stage: '阶段', status: '状态', owner: '负责人',
  version: '文档版本', release: '版本', product: '产品', updated: '更新日期', reviewers: '评审人', tags: '标签',
  priority: '优先级', traces: '追溯',
};

/**
 * Per-requirement results carried from one validation of a document to the next (the editor
 * re-validates on every keystroke): definitions the re-parse reused keep their diagnostics
 * instead of going through the schema again. `previous` is read, `next` filled.
 */
export interface RequirementChecks {
  readonly previous?: ReadonlyMap<RequirementDef, readonly SpecDiagnostic[]>;
  readonly next: Map<RequirementDef, readonly SpecDiagnostic[]>;
}

/**
 * Everything that can be said about one document on its own: front matter, type, sections and
 * requirement attributes. Cross-document problems (duplicates, unknown IDs) are the index's job.
 */
export function validateDoc(file: ParsedFile, schemas: SchemaSet, config: SpecConfig, locale: Locale, checks?: RequirementChecks): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  const fm = file.frontMatter;
  const push = (r: Range, code: SpecDiagnostic['code'], text: string, severity: SpecDiagnostic['severity'] = 'error', data?: SpecDiagnostic['data']) =>
    out.push({ path: file.path, range: r, severity, code, message: text, ...(data ? { data } : {}) });
  const fenceRange = range(0, 0, 0, 3);
  // A document the config's `types` gives a type needs no front matter: only its body is checked.
  if (fm?.data?.type === undefined && file.docType !== undefined) {
    const info = schemas.get(file.docType);
    if (info) checkBody(file, info, schemas, config, locale, push, checks, out, titleRange(file) ?? range(0, 0, 0, 0));
    return out;
  }
  if (!fm) return out;
  for (const p of fm.problems) push(p.range, 'frontmatter-syntax', p.message);
  if (fm.empty) push(fenceRange, 'frontmatter-syntax', message(locale, 'fm.empty'), 'warning');
  const data = fm.data;
  if (!data || data.type === undefined) return out;

  const typeField = fm.fields.get('type');
  if (data.type === null || data.type === '') {
    const types = schemas.types().map((t) => t.type);
    push(typeField?.keyRange ?? fenceRange, 'missing-field', message(locale, 'type.empty', { types: joinList(locale, types) }), 'error',
      { field: 'type', allowed: types });
    return out;
  }
  const info = typeof data.type === 'string' ? schemas.get(data.type) : undefined;
  if (!info) {
    const types = schemas.types().map((t) => t.type);
    push(typeField?.valueRange ?? fenceRange, 'unknown-type', message(locale, 'type.unknown', { type: String(data.type), types: joinList(locale, types) }), 'error',
      { field: 'type', value: String(data.type), allowed: types, suggestions: rankAllowed(undefined, String(data.type), types) });
    return out;
  }
  const docName = info.abbreviation ?? info.name[locale];
  const fieldRange = (field: string) => fm.fields.get(field)?.valueRange ?? fenceRange;

  for (const err of dedupe(schemas.validateFrontMatter(info.type, data))) {
    const field = fieldOf(err);
    if (err.keyword === 'required') {
      const missing = String(err.params.missingProperty);
      push(fenceRange, 'missing-field', message(locale, 'field.missing', { doc: docName, field: missing, label: LABELS[missing] ?? missing }), 'error',
        { field: missing, value: defaultFor(info, missing) });
      continue;
    }
    const written = String(valueAt(data, err) ?? '');
    const allowed = err.keyword === 'enum' ? (err.params.allowedValues as unknown[]).map(String) : undefined;
    push(fieldRange(field), 'invalid-value', valueMessage(err, field, valueAt(data, err), locale), 'error',
      { field, value: written, ...(allowed ? { allowed, suggestions: rankAllowed(vocabularyField(field, true), written, allowed) } : {}) });
  }
  checkBody(file, info, schemas, config, locale, push, checks, out, titleRange(file) ?? fenceRange);
  return out;
}

/** Sections and requirement attributes, reusing the checks of definitions a re-parse kept. */
function checkBody(
  file: ParsedFile, info: DocTypeInfo, schemas: SchemaSet, config: SpecConfig, locale: Locale, push: Push,
  checks: RequirementChecks | undefined, out: SpecDiagnostic[], at: Range,
): void {
  checkSections(file, info, info.abbreviation ?? info.name[locale], locale, push, at);
  for (const def of file.requirements) {
    const known = checks?.previous?.get(def);
    const start = out.length;
    if (known) out.push(...known);
    else checkRequirement(def, info, schemas, config, locale, push);
    checks?.next.set(def, known ?? out.slice(start));
  }
}

type Push = (r: Range, code: SpecDiagnostic['code'], text: string, severity?: SpecDiagnostic['severity'], data?: SpecDiagnostic['data']) => void;

/** A few other headings that count for the section, in the message's language first. */
function aliasesFor(spec: SectionSpec, locale: Locale): string[] {
  const all = spec.aliases ?? [];
  const cjk = (a: string) => /[\u4e00-\u9fff]/.test(a);
  const ordered = locale === 'zh-cn' ? [...all.filter(cjk), ...all.filter((a) => !cjk(a))] : [...all.filter((a) => !cjk(a)), ...all.filter(cjk)];
  return ordered.slice(0, 4);
}

function checkSections(file: ParsedFile, info: DocTypeInfo, docName: string, locale: Locale, push: Push, at: Range): void {
  if (info.sections.length === 0) return;
  const titles = new Set(file.headings.filter((h) => !h.requirementId).map((h) => normalizeTitle(h.text)));
  let parts: { h: string; parts: string[] }[] | undefined;
  for (const spec of info.sections) {
    const names = sectionNames(spec);
    // A heading named exactly as the section is the common case; prefixes and parts only otherwise.
    let found = false;
    for (const name of names) if (titles.has(name)) { found = true; break; }
    if (found) continue;
    parts ??= [...titles].map((h) => ({ h, parts: headingParts(h) }));
    if (parts.some(({ h, parts: p }) => headingMatches(h, names, p))) continue;
    const required = spec.level === 'required';
    const others = aliasesFor(spec, locale).map((a) => `'${a}'`);
    const key = others.length ? (required ? 'section.missingAliases' : 'section.recommendedAliases') : required ? 'section.missing' : 'section.recommended';
    push(at, 'missing-section', message(locale, key,
      { doc: docName, title: spec.title.en, titleZh: spec.title['zh-cn'], aliases: joinList(locale, others, 'or') }), required ? 'error' : 'warning',
    { section: spec.id, sectionTitle: spec.title[locale] });
  }
}

function checkRequirement(def: RequirementDef, info: DocTypeInfo, schemas: SchemaSet, config: SpecConfig, locale: Locale, push: Push): void {
  const type = info.type;
  // `- Priority: ` with nothing after it is a missing priority, not an invalid one.
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(def.attributes)) if (value.trim() !== '') attrs[key] = value;
  const errors = schemas.validateRequirement(type, attrs) ?? [];
  // Statuses and priorities from the workspace config replace the schema's enums.
  const overrides: Record<string, readonly string[] | undefined> = { status: config.statuses, priority: config.priorities };
  for (const err of dedupe(errors)) {
    const field = err.keyword === 'required' ? String(err.params.missingProperty) : fieldOf(err);
    if (err.keyword === 'enum' && overrides[field]) continue;
    if (err.keyword === 'required') {
      const value = attributeDefault(info, field);
      push(def.idRange, 'missing-field', message(locale, 'req.missing', { id: def.id, field, label: LABELS[field] ?? field }), 'error',
        { field, id: def.id, ...(value === undefined ? {} : { value }) });
      continue;
    }
    const span = def.attributeSpans[field];
    const value = attrs[field] ?? '';
    const allowed = err.keyword === 'enum' ? (err.params.allowedValues as unknown[]).map(String) : undefined;
    push(span?.valueRange ?? def.idRange, 'invalid-value', allowed
      ? message(locale, 'req.enum', { id: def.id, field, value, allowed: joinList(locale, allowed) })
      : message(locale, 'req.invalid', { id: def.id, field, detail: err.message ?? err.keyword }), 'error',
    { field, value, id: def.id, ...(allowed ? { allowed, suggestions: rankAllowed(vocabularyField(field, false), value, allowed) } : {}) });
  }
  for (const [field, allowed] of Object.entries(overrides)) {
    const value = attrs[field];
    if (!allowed || value === undefined || allowed.includes(value)) continue;
    push(def.attributeSpans[field]?.valueRange ?? def.idRange, 'invalid-value',
      message(locale, 'req.enum', { id: def.id, field, value, allowed: joinList(locale, allowed) }), 'error',
      { field, value, id: def.id, allowed, suggestions: rankAllowed(vocabularyField(field, false), value, allowed) });
  }
}

function valueMessage(err: ErrorObject, field: string, value: unknown, locale: Locale): string {
  const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (err.keyword) {
    case 'enum':
      return message(locale, 'field.enum', { field, value: shown, allowed: joinList(locale, (err.params.allowedValues as unknown[]).map(String)) });
    case 'type':
      return message(locale, 'field.type', { field, expected: typeName(String(err.params.type), locale), actual: typeName(jsonType(value), locale) });
    case 'minLength':
      return message(locale, 'field.empty', { field });
    case 'pattern':
      if (field === 'id') return message(locale, 'field.pattern.id', { value: shown });
      if (/\\d\{4\}/.test(String(err.params.pattern))) return message(locale, 'field.pattern.date', { field, value: shown });
      return message(locale, 'field.pattern', { field, value: shown });
    case 'const':
      return message(locale, 'field.const', { field, expected: String(err.params.allowedValue) });
    default:
      return message(locale, 'field.invalid', { field, detail: err.message ?? err.keyword });
  }
}

/** The top-level front-matter field an error concerns (`/tags/2` → `tags`). */
function fieldOf(err: ErrorObject): string {
  return err.instancePath.split('/')[1] ?? '';
}

function valueAt(data: Record<string, unknown>, err: ErrorObject): unknown {
  let v: unknown = data;
  for (const part of err.instancePath.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[part];
  return v;
}

/** allErrors reports `type` and `enum` for one value, and allOf repeats errors: keep the first per path. */
function dedupe(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = e.keyword === 'required' ? `required:${String(e.params.missingProperty)}` : e.instancePath;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function typeName(t: string, locale: Locale): string {
  const key = ({ array: 'type.list', string: 'type.text', number: 'type.number', integer: 'type.number', object: 'type.mapping', boolean: 'type.boolean', null: 'type.nothing' } as const)[t.split(',')[0]];
  return key ? message(locale, key) : t;
}

/** A sensible default for a missing field, from the schema's `default` (used by quick fixes). */
export function defaultFor(info: DocTypeInfo, field: string): string | undefined {
  const own = (info.schema.properties as Record<string, { default?: unknown }> | undefined)?.[field]?.default;
  if (own !== undefined) return String(own);
  if (field === 'type') return info.type;
  const common = (COMMON_SCHEMA as { properties: Record<string, { default?: unknown }> }).properties[field]?.default;
  return common === undefined ? undefined : String(common);
}

/**
 * A missing requirement attribute's default: the type's requirement schema's, else the common
 * requirement definition's (status starts as `proposed`; a priority has none, it is a judgement).
 */
export function attributeDefault(info: DocTypeInfo, field: string): string | undefined {
  const requirement = (info.schema['x-specboard'] as { requirement?: { properties?: Record<string, { default?: unknown }> } } | undefined)?.requirement;
  const own = requirement?.properties?.[field]?.default;
  if (own !== undefined) return String(own);
  const common = (COMMON_SCHEMA as { definitions: { requirement: { properties: Record<string, { default?: unknown }> } } }).definitions.requirement.properties[field]?.default;
  return common === undefined ? undefined : String(common);
}

/** Where "document-level" problems point: the first H1, else the `title` field. */
function titleRange(file: ParsedFile): Range | undefined {
  const h1 = file.headings.find((h) => h.level === 1);
  return h1?.range ?? file.frontMatter?.fields.get('title')?.valueRange;
}
