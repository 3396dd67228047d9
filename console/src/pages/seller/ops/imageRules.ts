import { sniffImageType as sniff } from '../../../../../domain/catalog/image-type';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_PRODUCT } from '../../../../../domain/catalog/product-image';

/** The catalog's own image rules (domain/catalog), checked in the browser before any upload. */
export const MAX_IMAGES = MAX_IMAGES_PER_PRODUCT;
export { MAX_IMAGE_BYTES };
export const IMAGE_RULES_TEXT = `최대 ${MAX_IMAGES}장, 장당 ${MAX_IMAGE_BYTES / 1024 / 1024}MB 이하, JPEG·PNG·WebP·GIF`;
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/** The type the server will read from the first bytes (it ignores the name and declared type). */
export const sniffImageType = (head: Uint8Array): string | null => sniff(head)?.contentType ?? null;

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
        reason: `${MAX_IMAGE_BYTES / 1024 / 1024}MB를 넘습니다 (${(file.size / 1024 / 1024).toFixed(1)}MB).`,
      });
    else if (alreadyThere + verdict.accepted.length >= MAX_IMAGES)
      verdict.refused.push({ name: file.name, reason: `이미지는 상품당 최대 ${MAX_IMAGES}장입니다.` });
    else verdict.accepted.push(file);
  }
  return verdict;
}
