/** The catalog's image rules (docs/catalog.md, Images): checked in the browser before any upload. */
export const MAX_IMAGES = 10;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_RULES_TEXT = `최대 ${MAX_IMAGES}장, 장당 5MB 이하, JPEG·PNG·WebP·GIF`;
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/** The type the server will read from the first bytes (it ignores the name and declared type). */
export function sniffImageType(head: Uint8Array): string | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  return null;
}

export interface ImageVerdict<F> {
  accepted: F[];
  refused: { name: string; reason: string }[];
}

/**
 * Which of the chosen files may be uploaded, given how many the product already has; `head` is the
 * file's first 12 bytes. Files past the tenth are refused with the count, not silently dropped.
 */
export function judgeImages<F extends { name: string; size: number }>(
  files: { file: F; head: Uint8Array }[],
  alreadyThere: number,
): ImageVerdict<F> {
  const verdict: ImageVerdict<F> = { accepted: [], refused: [] };
  for (const { file, head } of files) {
    if (!sniffImageType(head))
      verdict.refused.push({ name: file.name, reason: 'JPEG, PNG, WebP, GIF 이미지만 올릴 수 있습니다.' });
    else if (file.size > MAX_IMAGE_BYTES)
      verdict.refused.push({
        name: file.name,
        reason: `5MB를 넘습니다 (${(file.size / 1024 / 1024).toFixed(1)}MB).`,
      });
    else if (alreadyThere + verdict.accepted.length >= MAX_IMAGES)
      verdict.refused.push({ name: file.name, reason: `이미지는 상품당 최대 ${MAX_IMAGES}장입니다.` });
    else verdict.accepted.push(file);
  }
  return verdict;
}
