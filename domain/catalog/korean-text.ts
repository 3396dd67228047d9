/**
 * Text analysis shared by every search implementation (docs/catalog.md#search-quality): one
 * normalisation for documents and queries, the space-free form compounds are matched in, 초성, and
 * the one-typo check.
 */

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
/** Syllables per initial consonant: 21 vowels × 28 finals. */
const SYLLABLES_PER_INITIAL = 588;
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const FINALS = 'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';

/**
 * NFKC turns the jamo people type (ㅂ, U+3142) into conjoining jamo (U+1107); this maps those back
 * so a typed 초성 query and the 초성 of a name use the same characters.
 */
function compatibilityJamo(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x1100 && code <= 0x1112) return INITIALS[code - 0x1100]!;
  if (code >= 0x1161 && code <= 0x1175) return VOWELS[code - 0x1161]!;
  if (code >= 0x11a8 && code <= 0x11c2) return FINALS[code - 0x11a8]!;
  return char;
}

/**
 * NFKC (full-width letters and digits become plain ones), lower case, and every run of characters
 * that is neither a letter, a mark nor a digit becomes one space.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u1100-\u11ff]/g, compatibilityJamo)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** The normalised text without spaces: 블루투스 이어폰 and 블루투스이어폰 are the same compact text. */
export function compact(text: string): string {
  return normaliseText(text).replace(/ /g, '');
}

/** The words of a text, normalised. */
export function wordsOf(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/**
 * The 초성 of each Hangul syllable (블루투스 → ㅂㄹㅌㅅ); other letters and digits stay as they are,
 * spaces go. Takes normalised or raw text.
 */
export function choseongOf(text: string): string {
  let out = '';
  for (const char of compact(text)) {
    const code = char.charCodeAt(0);
    out +=
      code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST
        ? INITIALS[Math.floor((code - SYLLABLE_FIRST) / SYLLABLES_PER_INITIAL)]!
        : char;
  }
  return out;
}

/** A term made only of typed consonants (ㅂㄹㅌㅅ): it is matched against names' 초성. */
export function isChoseongQuery(term: string): boolean {
  return /^[\u3131-\u314e]+$/u.test(term);
}

/** The distinct two-character pieces of a compact text (one piece for a text of one character). */
export function bigrams(compactText: string): string[] {
  if (compactText.length < 2) return compactText === '' ? [] : [compactText];
  const out = new Set<string>();
  for (let i = 0; i + 1 < compactText.length; i++) out.add(compactText.slice(i, i + 2));
  return [...out];
}

/**
 * At most one edit apart: one character substituted, inserted, deleted, or two neighbours swapped
 * (optimal-string-alignment distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const diff = a.length - b.length;
  if (diff > 1 || diff < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (diff === 0) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return diff > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Every string one deletion away (the SymSpell neighbourhood a vocabulary is keyed by). */
export function oneDeletions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/** Words this long or longer tolerate one typo. */
export const TYPO_MIN_LENGTH = 4;
