import { Random } from './random';

/** An edit a person makes to a file: the text before and after. */
export interface FileEdit {
  readonly kind: string;
  readonly after: string;
}

const ID = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\b/g;

/**
 * Realistic saves of a product doc, rotating through: reword a paragraph, change a status,
 * cite another requirement, and renumber a requirement (which changes what other files see).
 */
export function docEdit(text: string, n: number, rng: Random): FileEdit {
  const lines = text.split('\n');
  switch (n % 4) {
    case 0: {
      const i = lines.findIndex((l, k) => k > 20 && /^[A-Z\u4e00-\u9fff]/.test(l));
      if (i >= 0) lines[i] = `${lines[i]} Reviewed with legal in week ${rng.int(1, 52)}.`;
      return { kind: 'reword', after: lines.join('\n') };
    }
    case 1: {
      const i = lines.findIndex((l) => /^- (Status|状态)[:：]/.test(l) || /^\| [A-Z]+-[A-Z]+-\d+ \|/.test(l));
      if (i >= 0) lines[i] = lines[i].replace(/(proposed|approved|in-progress|done|verified|deferred)/, (s) => (s === 'done' ? 'verified' : 'done'));
      return { kind: 'status', after: lines.join('\n') };
    }
    case 2: {
      const ids = text.match(ID) ?? [];
      return { kind: 'cite', after: `${text}\nSee also ${rng.pick(ids.length ? ids : ['REQ-1'])}.\n` };
    }
    default: {
      const i = lines.findIndex((l) => /^### [A-Z]+-[A-Z]+-\d+/.test(l) || /^\| [A-Z]+-[A-Z]+-\d+ \|/.test(l));
      if (i >= 0) lines[i] = lines[i].replace(/(-\d+)(\s*[:：|])/, (_m, num: string, sep: string) => `${num}9${sep}`);
      return { kind: 'renumber', after: lines.join('\n') };
    }
  }
}

/** Saves of a source file: a new comment citing a requirement, or one citing an unknown ID. */
export function sourceEdit(text: string, n: number, knownId: string, comment: string): FileEdit {
  return n % 2 === 0
    ? { kind: 'cite', after: `${text}${comment} Implements ${knownId}.\n` }
    : { kind: 'cite-unknown', after: `${text}${comment} TODO ${knownId.replace(/-\d+$/, '-9999')}.\n` };
}

export function commentFor(path: string): string {
  return /\.py$/.test(path) ? '#' : '//';
}
