import { usableGlobMap, usableGlobs, type GlobContext } from './configGlobs';
import { message, type MessageKey } from './messages';
import type { Locale, SpecDiagnostic } from './types';
import { RULE_SETTINGS, ruleInfo, RULES, type RuleSetting, type RuleSettings } from './rules';
import { range } from './text';
import type { Aliases } from './vocabulary';

/**
 * Where a requirement ID is unique: the whole workspace, the folder of its document, or its
 * document. `auto` scopes IDs to spec-kit feature folders (`specs/001-x/`) and Kiro specs
 * (`.kiro/specs/x/`), where every feature numbers its own FR-001, and to the workspace elsewhere.
 */
export type IdScope = 'auto' | 'workspace' | 'folder' | 'document';

/** The format's options, read from `.specboard/config.json` so the CLI and the editor agree. */
export interface SpecConfig {
  readonly prefixes: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly sources: readonly string[];
  readonly statuses?: readonly string[];
  readonly priorities?: readonly string[];
  readonly transitions: Readonly<Record<string, readonly string[]>>;
  readonly deliverables?: Readonly<Record<string, readonly string[]>>;
  readonly language?: Locale;
  readonly maxFileSize: number;
  /** Status and priority words of the team, mapped to allowed values (`"doing": "in-progress"`). */
  readonly aliases?: Aliases;
  readonly scope: IdScope;
  /** Glob → document type, for documents without front matter (spec-kit specs as `spec`, say). */
  readonly types?: Readonly<Record<string, string>>;
  /** Per-rule severity (`"unknown-id": "warning"`, `"missing-section": "off"`), keyed by diagnostic code. */
  readonly rules: RuleSettings;
}

export const CONFIG_PATH = '.specboard/config.json';
export const SCHEMAS_DIR = '.specboard/schemas';

/** Folders never worth reading: dependencies, VCS data and build output. */
export const ALWAYS_EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'target', 'coverage', '.next', '.nuxt',
  '.vscode-test', '.vscode-test-web', '__pycache__', '.venv', 'venv', '.tox', '.gradle', '.idea', 'bower_components',
]);

export const DEFAULT_SOURCES = [
  '**/*.{ts,tsx,js,jsx,mjs,cjs,vue,svelte}',
  '**/*.{py,java,kt,kts,scala,go,rs,c,h,cc,cpp,cxx,hpp,cs,fs,rb,php,swift,m,mm,dart,lua,sh,sql}',
  '**/*.feature',
];

export const DEFAULT_CONFIG: SpecConfig = {
  prefixes: [],
  include: ['**/*.md', '**/*.markdown'],
  exclude: [],
  sources: DEFAULT_SOURCES,
  transitions: {},
  maxFileSize: 2_000_000,
  scope: 'auto',
  rules: {},
};

type Shape = 'stringList' | 'globList' | 'stringListMap' | 'number' | 'language' | 'aliases' | 'scope' | 'stringMap' | 'globMap' | 'rules';
const SHAPES: Record<string, Shape> = {
  prefixes: 'stringList', include: 'globList', exclude: 'globList', sources: 'globList',
  statuses: 'stringList', priorities: 'stringList', transitions: 'stringListMap', deliverables: 'stringListMap',
  language: 'language', maxFileSize: 'number', aliases: 'aliases', scope: 'scope', types: 'globMap', rules: 'rules',
};
const ALIAS_FIELDS = new Set(['status', 'priority', 'doc.status', 'doc.stage']);

export interface ConfigResult {
  readonly config: SpecConfig;
  readonly diagnostics: SpecDiagnostic[];
}

/**
 * Parses a config file. Any problem yields one `config-error` naming the file and the defaults stay
 * in force for the broken option, so one typo never stops validation of the whole workspace.
 */
export function parseConfig(text: string, path: string, displayName: string, locale: Locale): ConfigResult {
  const diagnostics: SpecDiagnostic[] = [];
  const fail = (msg: string, line = 0, character = 0, length = 1) =>
    diagnostics.push({ path, range: range(line, character, line, character + length), severity: 'error', code: 'config-error', message: msg });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(detail);
    const offset = at ? Number(at[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    fail(message(locale, 'config.json', { file: displayName, detail }), before.length - 1, before[before.length - 1].length);
    return { config: DEFAULT_CONFIG, diagnostics };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    fail(message(locale, 'config.notObject', { file: displayName }));
    return { config: DEFAULT_CONFIG, diagnostics };
  }
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  const globs: GlobContext = { text, displayName, locale, report: (msg, spot) => fail(msg, spot.line, spot.character, spot.length) };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const shape = SHAPES[key];
    const line = lineOfKey(text, key);
    if (!shape) {
      if (key !== '$schema') fail(message(locale, 'config.unknownKey', { file: displayName, key }), line);
      continue;
    }
    const problem = checkShape(shape, value);
    if (problem) fail(message(locale, problem, { file: displayName, key }), line);
    else if (shape === 'globList') config[key] = usableGlobs(key, value as unknown[], globs);
    else if (shape === 'globMap') config[key] = usableGlobMap(key, value as Record<string, string>, globs);
    else if (shape === 'rules') config[key] = usableRules(value as Record<string, unknown>, text, displayName, locale, fail);
    else config[key] = key === 'prefixes' ? (value as string[]).map((p) => p.toUpperCase()) : value;
  }
  return { config: config as unknown as SpecConfig, diagnostics };
}

/** The catalog key of what is wrong with an option's value, or undefined when its shape is right. */
function checkShape(shape: Shape, value: unknown): MessageKey | undefined {
  const isStringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const isStringMap = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string');
  switch (shape) {
    case 'stringList':
      return isStringList(value) ? undefined : 'config.shape.stringList';
    case 'globList':
      // Entries are checked one by one (configGlobs.ts), so one bad pattern leaves the others in force.
      return Array.isArray(value) ? undefined : 'config.shape.stringList';
    case 'stringListMap':
      return value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isStringList)
        ? undefined : 'config.shape.stringListMap';
    case 'number':
      return typeof value === 'number' && value > 0 ? undefined : 'config.shape.number';
    case 'language':
      return value === 'en' || value === 'zh-cn' ? undefined : 'config.shape.language';
    case 'scope':
      return ['auto', 'workspace', 'folder', 'document'].includes(value as string) ? undefined : 'config.shape.scope';
    case 'stringMap':
    case 'globMap':
      return isStringMap(value) ? undefined : 'config.shape.stringMap';
    case 'rules':
      // Entries are checked one by one (usableRules), so one bad rule leaves the others in force.
      return value && typeof value === 'object' && !Array.isArray(value) ? undefined : 'config.shape.rules';
    case 'aliases':
      return !value || typeof value !== 'object' || Array.isArray(value) || !Object.entries(value).every(([k, v]) => ALIAS_FIELDS.has(k) && isStringMap(v))
        ? 'config.shape.aliases' : undefined;
  }
}

/**
 * The entries of `rules` that name a configurable rule and a setting; each other entry is one
 * config-error naming it, and is ignored.
 */
function usableRules(value: Record<string, unknown>, text: string, file: string, locale: Locale, fail: (msg: string, line: number) => void): RuleSettings {
  const out: Partial<Record<string, RuleSetting>> = {};
  const after = text.indexOf('"rules"');
  for (const [rule, setting] of Object.entries(value)) {
    const line = lineOfKey(text, rule, after);
    const info = ruleInfo(rule);
    if (!info) {
      const rules = RULES.filter((r) => r.configurable).map((r) => r.code).join(', ');
      fail(message(locale, 'config.unknownRule', { file, rule, rules }), line);
    } else if (!info.configurable) {
      fail(message(locale, 'config.ruleFixed', { file, rule }), line);
    } else if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
      fail(message(locale, 'config.ruleSetting', { file, rule, value: JSON.stringify(setting) ?? String(setting) }), line);
    } else {
      out[rule] = setting as RuleSetting;
    }
  }
  return out;
}

function lineOfKey(text: string, key: string, from = 0): number {
  const found = text.indexOf(`"${key}"`, Math.max(0, from));
  const idx = found < 0 && from > 0 ? text.indexOf(`"${key}"`) : found;
  return idx < 0 ? 0 : text.slice(0, idx).split('\n').length - 1;
}
