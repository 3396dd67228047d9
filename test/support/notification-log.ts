import assert from 'node:assert/strict';
import type { TestAccount } from './identity';
import type { TestApp } from './test-app';

/** A notification as the operators' send log (`GET /admin/notifications`) shows it. */
export interface LoggedNotice {
  templateCode: string;
  status: string;
  deliveredVia: string | null;
  attempts: Array<{
    id: string;
    channel: string;
    status: string;
    maskedRecipient: string;
    fallbackOf: string | null;
    tries: number;
    failureReason: string | null;
  }>;
}

/** The send log of one order, read through the API by an admin. */
export async function sendLogOf(app: TestApp, admin: TestAccount, orderId: string): Promise<LoggedNotice[]> {
  const response = await app.request(`/api/v1/admin/notifications?orderId=${orderId}`, {
    headers: admin.auth,
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { items: LoggedNotice[] }).items;
}
