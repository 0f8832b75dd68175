import { pinyinLibrary } from './libraries';

const HAN = /[\u3400-\u9fff]/;

/** True when `text` holds a Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** The initials of the pinyin of each Chinese character, upper case (`会员积分` → `HYJF`); other characters are dropped. */
export function pinyinInitials(text: string): string {
  const han = [...text].filter((c) => HAN.test(c)).join('');
  if (!han) return '';
  return pinyinLibrary().pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toUpperCase();
}

/**
 * Whether `query` (Latin letters, as typed on a keyboard without a Chinese input method) matches
 * the Chinese in `text` by pinyin: full syllables or initials, from any character on (`zf`,
 * `zhifu` and `fu` all find 支付).
 */
export function matchesPinyin(text: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!/^[a-z]+$/.test(q) || !HAN.test(text)) return false;
  return pinyinLibrary().match(text, q, { continuous: true }) !== null;
}

const keysCache = new Map<string, string>();
const KEYS_CACHE_LIMIT = 20_000;

/**
 * What a search box compares typed Latin letters with for a Chinese text: its Chinese in full
 * pinyin and in initials, separated by a space (`支付宝退款` → `zhifubaotuikuan zfbtk`). Cached:
 * the board asks for every requirement title on each refresh.
 */
export function pinyinKeys(text: string): string {
  const known = keysCache.get(text);
  if (known !== undefined) return known;
  const han = [...text].filter((c) => HAN.test(c)).join('');
  const keys = han ? `${pinyinLibrary().pinyin(han, { toneType: 'none', type: 'array' }).join('')} ${pinyinLibrary().pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('')}` : '';
  if (keysCache.size >= KEYS_CACHE_LIMIT) keysCache.clear();
  keysCache.set(text, keys);
  return keys;
}
