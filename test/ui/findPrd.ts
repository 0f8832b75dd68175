import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/**
 * The workspace-relative path of the PRD scenes open: an English one if there is any (Latin text
 * reads best at screenshot size), and among those the one with the most requirement IDs, which
 * makes the fullest picture. Scenes stay independent of which workspace (examples or fixture) runs.
 */
export function findPrd(folder: string): string {
  const prds = markdownFiles(folder)
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter(({ text }) => /^---\r?\n[\s\S]*?^type:\s*prd\s*$/m.test(text))
    .map(({ path, text }) => ({
      path,
      english: (text.match(/[^\x00-\x7f]/g) ?? []).length < text.length / 50,
      requirements: (text.match(/\bREQ-[A-Z0-9]+-\d+/g) ?? []).length,
    }))
    .sort((a, b) => Number(b.english) - Number(a.english) || b.requirements - a.requirements || a.path.localeCompare(b.path));
  if (prds.length === 0) throw new Error(`no PRD (front matter "type: prd") under ${folder}`);
  return relative(folder, prds[0].path).split('\\').join('/');
}
