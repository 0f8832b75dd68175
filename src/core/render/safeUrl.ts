/** Schemes a rendered document may link to. Everything else (javascript:, data:, vbscript:, file:...) is refused. */
const SAFE_SCHEMES = /^(?:https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Browsers ignore these inside a URL, so `java\tscript:` must be judged without them.
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/**
 * Whether a link target from a document may become an href. Relative paths and fragments are
 * fine; a scheme must be http(s) or mailto. Protocol-relative `//host` is refused because it would
 * make an exported page fetch from the network.
 */
export function isSafeLink(url: string): boolean {
  const u = decodeEntities(url).replace(IGNORED, '');
  if (u.startsWith('//') || u.startsWith('\\\\') || u.startsWith('/\\')) return false;
  if (ANY_SCHEME.test(u)) return SAFE_SCHEMES.test(u);
  // `%6a avascript:` style tricks decode to a scheme only after percent-decoding.
  try {
    const decoded = decodeURIComponent(u).replace(IGNORED, '');
    if (ANY_SCHEME.test(decoded)) return SAFE_SCHEMES.test(decoded);
  } catch {
    return false;
  }
  return true;
}

/** True for links that leave the document set: http(s) and mailto. */
export function isExternalLink(url: string): boolean {
  return SAFE_SCHEMES.test(url.trim());
}

function decodeEntities(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, n: string) => {
    const code = n[0].toLowerCase() === 'x' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  }).replace(/&colon;?/gi, ':').replace(/&tab;?/gi, '\t').replace(/&newline;?/gi, '\n');
}
