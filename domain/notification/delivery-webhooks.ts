import type { AlimTalkDeliveryReport } from './alimtalk-sender';
import type { DeliveryEvent } from './delivery-event';

/**
 * The providers' delivery callbacks in their own formats, checked and read by their adapters. A
 * `read…` call throws when the body is not what the provider sends.
 */
export interface DeliveryWebhookReaders {
  /** NHN's header carries the static signature entered in its console. */
  nhnSignatureMatches(headers: Headers, expectedSignature: string): boolean;
  readNhn(rawBody: string): { hooksId: string; reports: AlimTalkDeliveryReport[] };
  /** SendGrid signs the timestamp and the raw body (ECDSA); a stale timestamp does not verify. */
  sendGridVerified(input: { rawBody: string; headers: Headers; publicKey: string; now: Date }): boolean;
  readSendGrid(rawBody: string): DeliveryEvent[];
}
