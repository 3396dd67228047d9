import { postApiV1SellerProductsByIdImages } from '../../../api/generated';
import { problemText } from '../../../format/problem';

/** Uploads one by one (the server counts to ten under a lock); the names of files it refused, with why. */
export async function uploadImages(productId: string, files: File[]): Promise<string[]> {
  const failures: string[] = [];
  for (const file of files) {
    try {
      await postApiV1SellerProductsByIdImages({
        path: { id: productId },
        body: { file },
        throwOnError: true,
      });
    } catch (error) {
      failures.push(`${file.name}: ${problemText(error)}`);
    }
  }
  return failures;
}
