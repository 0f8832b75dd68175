import type { DocPlan } from './corpusPlan';
import {
  EN_NAMES, EN_NOUNS, EN_QUALIFIERS, EN_SENTENCES, EN_VERBS, NOISE, PRIORITIES, RELEASES, STATUSES,
  ZH_NAMES, ZH_NOUNS, ZH_QUALIFIERS, ZH_SENTENCES, ZH_VERBS,
} from './corpusWords';
import type { Random } from './random';

const PRD_SECTIONS = {
  en: ['Vision', 'Target market', 'Competitive analysis', 'Features', 'Use cases', 'System requirements', 'Performance requirements', 'Sales and support requirements'],
  zh: ['1. 产品愿景', '2. 目标市场', '3. 竞品分析', '4. 产品功能', '5. 产品用例', '6. 系统需求', '7. 性能需求', '8. 销售及支持需求'],
};
const BRD_SECTIONS = {
  en: ['Business opportunity', 'Market analysis', 'User needs', 'Competition', 'Product strategy', 'Business requirements', 'Success metrics', 'Risks'],
  zh: ['一、商业机会', '二、市场分析', '三、用户需求', '四、竞争分析', '五、产品战略', '六、业务需求', '七、成功指标', '八、风险'],
};
const FEATURES = 3;
const PERFORMANCE = 6;
const BUSINESS_REQUIREMENTS = 5;

/** Writes one PRD or BRD the way PMs do: front matter, numbered or plain sections, both requirement forms. */
export function docText(doc: DocPlan, rng: Random): string {
  const zh = doc.zh;
  const out: string[] = [];
  const sections = (doc.type === 'prd' ? PRD_SECTIONS : BRD_SECTIONS)[zh ? 'zh' : 'en'];
  const owner = rng.pick(zh ? ZH_NAMES : EN_NAMES);
  const title = zh ? `${doc.product.name} ${doc.type === 'prd' ? '产品需求文档' : '商业需求文档'}` : `${doc.product.name} ${doc.type === 'prd' ? 'product requirements' : 'business case'}`;
  out.push('---', `type: ${doc.type}`, `id: ${doc.type.toUpperCase()}-${doc.product.code}-${docNumber(doc.rel)}`, `title: ${title}`,
    `product: ${doc.product.name}`, `stage: ${doc.type === 'prd' ? 'productization' : 'concept'}`, `status: ${rng.pick(['draft', 'review', 'approved'])}`,
    `owner: ${owner}`, `version: "${rng.int(0, 3)}.${rng.int(0, 9)}"`, `release: "${rng.pick(RELEASES)}"`, `updated: 2025-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
    `reviewers: [${rng.sample(zh ? ZH_NAMES : EN_NAMES, 3).join(', ')}]`, `tags: [${doc.product.code.toLowerCase()}, ${doc.type}]`, '---',
    `# ${title}`, '', paragraph(rng, zh, doc), '');
  const defs = doc.ids.filter((id) => !id.startsWith('NFR-'));
  const nfrs = doc.ids.filter((id) => id.startsWith('NFR-'));
  sections.forEach((section, i) => {
    if (doc.problem === 'missing-section' && i === 4) return;
    out.push(`## ${section}`, '');
    const holds = doc.type === 'prd' ? i === FEATURES : i === BUSINESS_REQUIREMENTS;
    if (holds) {
      writeRequirements(out, doc, defs, rng);
      if (doc.duplicateOf) out.push(...headingRequirement(doc, doc.duplicateOf, rng));
    } else if (doc.type === 'prd' && i === PERFORMANCE && nfrs.length) {
      for (const id of nfrs) out.push(...headingRequirement(doc, id, rng));
    } else if (i === 2) {
      out.push(...comparisonTable(rng, zh), '', paragraph(rng, zh, doc), '');
    } else if (doc.type === 'prd' && i === 5) {
      for (let b = 0; b < 3; b++) out.push(`- ${sentence(rng, zh)} ${zh ? '字符集' : 'Encoding:'} ${rng.pick(NOISE)}.`);
      out.push('');
    } else {
      out.push(paragraph(rng, zh, doc), '');
    }
  });
  return out.join('\n');
}

function writeRequirements(out: string[], doc: DocPlan, ids: readonly string[], rng: Random): void {
  const split = doc.form === 'heading' ? ids.length : doc.form === 'table' ? 0 : Math.ceil(ids.length / 2);
  for (const id of ids.slice(0, split)) out.push(...headingRequirement(doc, id, rng));
  if (split < ids.length) out.push(...tableRequirements(doc, ids.slice(split), rng));
}

function headingRequirement(doc: DocPlan, id: string, rng: Random): string[] {
  const zh = doc.zh;
  const sep = zh ? '：' : ': ';
  const attrs: [string, string][] = [[zh ? '优先级' : 'Priority', rng.pick(PRIORITIES)]];
  if (doc.type === 'prd') {
    attrs.push([zh ? '状态' : 'Status', doc.problem === 'bad-status' && rng.chance(0.3) ? 'doing' : rng.pick(STATUSES)]);
    attrs.push([zh ? '版本' : 'Release', rng.pick(RELEASES)], [zh ? '负责人' : 'Owner', rng.pick(zh ? ZH_NAMES : EN_NAMES)]);
    const traces = tracesFor(doc, rng);
    if (traces) attrs.push([zh ? '追溯' : 'Traces', traces]);
  }
  const lines = [`### ${id}${sep}${reqTitle(rng, zh)}`, ...attrs.map(([k, v]) => `- ${k}${sep}${v}`), '', paragraph(rng, zh, doc), ''];
  if (!zh && rng.chance(0.3)) lines.push('Acceptance criteria', '', `- ${sentence(rng, zh)}`, `- ${sentence(rng, zh)}`, '');
  return lines;
}

function tableRequirements(doc: DocPlan, ids: readonly string[], rng: Random): string[] {
  const zh = doc.zh;
  const prd = doc.type === 'prd';
  const header = zh
    ? (prd ? ['需求编号', '需求名称', '优先级', '状态', '版本', '负责人', '追溯'] : ['需求编号', '需求名称', '优先级', '负责人'])
    : (prd ? ['ID', 'Title', 'Priority', 'Status', 'Release', 'Owner', 'Traces'] : ['ID', 'Title', 'Priority', 'Owner']);
  const lines = [row(header), row(header.map(() => '---'))];
  const notes: string[] = [];
  for (const id of ids) {
    const title = reqTitle(rng, zh);
    const owner = rng.pick(zh ? ZH_NAMES : EN_NAMES);
    const cells = prd
      ? [id, title, rng.pick(PRIORITIES), doc.problem === 'bad-status' && rng.chance(0.3) ? 'doing' : rng.pick(STATUSES), rng.pick(RELEASES), owner, tracesFor(doc, rng)]
      : [id, title, rng.pick(PRIORITIES), owner];
    lines.push(row(cells));
    if (rng.chance(0.5)) notes.push(`**${id} ${title}${zh ? '。' : '.'}** ${sentence(rng, zh)} ${sentence(rng, zh)}`, '');
  }
  return [...lines, '', ...notes];
}

function tracesFor(doc: DocPlan, rng: Random): string {
  const brs = doc.product.brIds;
  if (doc.problem === 'unknown-trace' && rng.chance(0.2)) return `BR-${doc.product.code}-999`;
  if (brs.length === 0) return '';
  return rng.sample(brs, rng.int(1, 2)).join(', ');
}

function comparisonTable(rng: Random, zh: boolean): string[] {
  const cols = zh ? ['能力', '我们', 'A 公司', 'B 集团'] : ['', 'Us', 'Competitor A', 'Competitor B'];
  const lines = [row(cols), row(cols.map(() => '---'))];
  for (let r = 0; r < 4; r++) lines.push(row([reqTitle(rng, zh), ...cols.slice(1).map(() => rng.pick(zh ? ['支持', '不支持', '部分支持'] : ['Yes', 'No', 'Partly']))]));
  return lines;
}

/** A paragraph that mentions other requirements now and then, and ID-shaped noise like UTF-8. */
function paragraph(rng: Random, zh: boolean, doc: DocPlan): string {
  const parts = [sentence(rng, zh), sentence(rng, zh)];
  if (rng.chance(0.3)) {
    const pool = doc.type === 'prd' ? doc.product.reqIds : doc.product.brIds;
    if (pool.length) parts.push(zh ? `参见 ${rng.pick(pool)}。` : `See ${rng.pick(pool)}.`);
  }
  if (rng.chance(0.2)) parts.push(zh ? `接口使用 ${rng.pick(NOISE)}。` : `It uses ${rng.pick(NOISE)}.`);
  return parts.join(zh ? '' : ' ');
}

function sentence(rng: Random, zh: boolean): string {
  return rng.pick(zh ? ZH_SENTENCES : EN_SENTENCES);
}

export function reqTitle(rng: Random, zh: boolean): string {
  return zh
    ? `${rng.pick(ZH_VERBS)}${rng.pick(ZH_NOUNS)}${rng.chance(0.5) ? rng.pick(ZH_QUALIFIERS) : ''}`
    : `${rng.pick(EN_VERBS)} ${rng.pick(EN_NOUNS)}${rng.chance(0.5) ? ` ${rng.pick(EN_QUALIFIERS)}` : ''}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function docNumber(rel: string): string {
  return /-(\d+)(?:-[^/]*)?\.md$/.exec(rel)?.[1] ?? '1';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
