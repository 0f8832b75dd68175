// Keeps the runtime string bundles honest: extracts every vscode.l10n.t('...') literal from
// src/extension into l10n/bundle.l10n.json, and fails when the Simplified Chinese bundle or
// package.nls.zh-cn.json lacks a key. `node scripts/l10n.mjs --write` rewrites the English bundle.
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const write = process.argv.includes('--write');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) files.push(p);
  }
};
walk('src/extension');

const strings = new Set();
const call = /l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(call)) {
    if (m[1] === '`' && m[2].includes('${')) {
      console.error(`${file}: l10n.t must not take a template literal with \${}: use {0} placeholders`);
      process.exitCode = 1;
      continue;
    }
    strings.add(m[2].replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n'));
  }
}

const sorted = Object.fromEntries([...strings].sort().map((s) => [s, s]));
const enPath = 'l10n/bundle.l10n.json';
const zhPath = 'l10n/bundle.l10n.zh-cn.json';
if (write) writeFileSync(enPath, `${JSON.stringify(sorted, null, 2)}\n`);
const en = existsSync(enPath) ? JSON.parse(readFileSync(enPath, 'utf8')) : {};
const zh = existsSync(zhPath) ? JSON.parse(readFileSync(zhPath, 'utf8')) : {};
const problems = [];
for (const s of strings) {
  if (!(s in en)) problems.push(`${enPath} lacks: ${JSON.stringify(s)} (run node scripts/l10n.mjs --write)`);
  if (!(s in zh)) problems.push(`${zhPath} lacks: ${JSON.stringify(s)}`);
}
for (const s of Object.keys(zh)) if (!strings.has(s)) problems.push(`${zhPath} has an unused key: ${JSON.stringify(s)}`);
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8'));
const nlsZh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8'));
const manifest = readFileSync('package.json', 'utf8');
for (const m of manifest.matchAll(/"%([^%"]+)%"/g)) if (!(m[1] in nls)) problems.push(`package.nls.json lacks: ${m[1]}`);
for (const k of Object.keys(nls)) if (!(k in nlsZh)) problems.push(`package.nls.zh-cn.json lacks: ${k}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log(`l10n: ${strings.size} runtime strings and ${Object.keys(nls).length} manifest strings, all translated.`);
}
