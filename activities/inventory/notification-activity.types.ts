/**
 * The notification context's activity as the inventory workflows call it (on the `notification`
 * task queue). Declared here by shape so the workflow does not depend on that context's code.
 */
export interface SendNotificationInput {
  templateCode: string;
  recipientUserId: string;
  variables: Record<string, string | number>;
  /** The same key never sends twice (activity retries, workflow replays). */
  dedupeKey: string;
}

export interface NotificationActivities {
  sendNotification(input: SendNotificationInput): Promise<unknown>;
}
