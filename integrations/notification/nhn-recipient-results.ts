import { maskPhone, type RecipientResult } from '../../domain/notification';
import type { Classified } from './nhn-result-codes';

export interface NhnSendResultEntry {
  recipientSeq: number;
  resultCode: number;
  resultMessage?: string;
}

/**
 * Per-recipient results of an NHN send (AlimTalk and SMS answer alike): NHN numbers recipients from
 * 1 in request order; a recipient it does not report on is a final provider error.
 */
export function nhnRecipientResults(
  recipients: ReadonlyArray<{ phone: string; correlationKey?: string }>,
  sendResults: readonly NhnSendResultEntry[] | undefined,
  requestId: string,
  classify: (code: number) => Classified,
): RecipientResult[] {
  return recipients.map((r, index) => {
    const sent = sendResults?.find((s) => s.recipientSeq === index + 1);
    const classified = sent
      ? classify(sent.resultCode)
      : { classification: 'final' as const, reason: 'PROVIDER_ERROR' as const };
    return {
      index,
      maskedRecipient: maskPhone(r.phone),
      ...(r.correlationKey && { correlationKey: r.correlationKey }),
      classification: classified.classification,
      ...(classified.reason && { reason: classified.reason }),
      ...(sent && {
        providerCode: String(sent.resultCode),
        providerMessage: sent.resultMessage,
        recipientSeq: sent.recipientSeq,
      }),
      ...(sent &&
        classified.classification === 'ok' && { providerMessageId: `${requestId}:${sent.recipientSeq}` }),
    };
  });
}
