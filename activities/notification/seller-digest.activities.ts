import type { DigestPage, SellerDigests } from '../../application/notification/send-seller-digests';

/** Sellers per activity call: each page is a short, retryable step (sends are deduplicated per day). */
export const DIGEST_PAGE_SIZE = 100;

export function createSellerDigestActivities(digests: SellerDigests) {
  return {
    /** The digests of the next page of sellers with waiting work, after `after` (null: from the first). */
    async sendSellerDigestPage(input: { day: string; after: string | null }): Promise<DigestPage> {
      return digests.sendPage({ ...input, limit: DIGEST_PAGE_SIZE });
    },
  };
}

export type SellerDigestActivities = ReturnType<typeof createSellerDigestActivities>;
