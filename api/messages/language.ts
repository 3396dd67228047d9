/** The languages people-facing texts are written in; Korean unless the client prefers English. */
export type MessageLanguage = 'ko' | 'en';

/**
 * Reads `Accept-Language` (RFC 9110 §12.5.4): the highest-weighted of `ko`/`en` (and their regional
 * variants) wins; ties go to the first listed; anything else, or no header, is Korean.
 */
export function preferredLanguage(acceptLanguage: string | undefined): MessageLanguage {
  let best: { language: MessageLanguage; weight: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    if (primary !== 'ko' && primary !== 'en') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (!Number.isFinite(weight) || weight <= 0) continue;
    if (!best || weight > best.weight) best = { language: primary, weight };
  }
  return best?.language ?? 'ko';
}
