/** Shared by the workers (the schedule) and the workflow: ids and shapes. */
export { NOTIFICATION_TASK_QUEUE as SELLER_DIGEST_TASK_QUEUE } from '../shared/task-queues';

/** The Temporal Schedule starting the digest every day at 09:00 Asia/Seoul. */
export const SELLER_DIGEST_SCHEDULE_ID = 'seller-daily-digest';

export interface SellerDigestInput {
  /** The Seoul date (YYYY-MM-DD) the digest is for; absent: the day the run starts in Seoul. */
  day?: string;
}

export interface SellerDigestReport {
  day: string;
  sellers: number;
  emails: number;
}
