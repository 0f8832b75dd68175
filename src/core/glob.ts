/**
 * A small glob matcher for workspace-relative posix paths (`**`, `*`, `?`, `{a,b}`, `[abc]`).
 * The core cannot use Node's path or minimatch-style packages that pull in `path`, and it needs only
 * this much. A pattern without '/' matches a file name at any depth, like .gitignore.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = glob.trim().replace(/^\.\//, '');
  if (!pattern.includes('/')) pattern = `**/${pattern}`;
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { inGroup++; re += '(?:'; }
    else if (c === '}' && inGroup) { inGroup--; re += ')'; }
    else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  // A pattern naming a folder (`docs/drafts` or `drafts/`) also covers everything inside it.
  const result = new RegExp(`^${re.replace(/\/$/, '')}(?:/.*)?$`);
  cache.set(glob, result);
  return result;
}

/** Compiles a list of globs into one predicate. */
export function globMatcher(globs: readonly string[]): (relPath: string) => boolean {
  const res = globs.map(globToRegExp);
  return (relPath) => res.some((r) => r.test(relPath));
}
