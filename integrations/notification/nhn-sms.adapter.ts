import { maskPhone, type SendResult, type SmsSender, type SmsSendRequest } from '../../domain/notification';
import { classifySmsApiCode } from './nhn-result-codes';
import { nhnRecipientResults } from './nhn-recipient-results';
import { requestJson, retryAfterFrom } from './vendor-http';

export interface NhnSmsConfig {
  /** e.g. https://api-sms.cloud.toast.com, or the simulator's URL. */
  baseUrl: string;
  appKey: string;
  secretKey: string;
  /** Sender number registered (and verified) in the NHN console. */
  sendNo: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

interface NhnSmsResponse {
  header?: { isSuccessful?: boolean; resultCode?: number; resultMessage?: string };
  body?: {
    data?: {
      requestId?: string;
      sendResultList?: Array<{
        recipientNo: string;
        resultCode: number;
        resultMessage: string;
        recipientSeq: number;
        recipientGroupingKey?: string | null;
      }>;
    };
  };
}

/**
 * NHN Cloud SMS API v3.0 (docs/vendors/nhn-bizmessage.md#sms-api-v30): SMS on /sender/sms, LMS on
 * /sender/mms.
 */
export function createNhnSmsSender(config: NhnSmsConfig): SmsSender {
  const fetchImpl = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const now = config.now ?? (() => new Date());
  const base = `${config.baseUrl.replace(/\/$/, '')}/sms/v3.0/appKeys/${encodeURIComponent(config.appKey)}`;

  const channelOf = (request: SmsSendRequest) => request.type;

  function failure(
    request: SmsSendRequest,
    outcome: Omit<SendResult, 'provider' | 'channel' | 'recipients'>,
  ): SendResult {
    return {
      provider: 'nhn-sms',
      channel: channelOf(request),
      ...outcome,
      recipients: request.recipients.map((r, index) => ({
        index,
        maskedRecipient: maskPhone(r.phone),
        ...(r.correlationKey && { correlationKey: r.correlationKey }),
        classification: outcome.classification,
        ...(outcome.reason && { reason: outcome.reason }),
      })),
    };
  }

  return {
    async send(request) {
      const body = {
        body: request.body,
        ...(request.type === 'LMS' && { title: request.title ?? '' }),
        sendNo: config.sendNo,
        ...(request.correlationKey && { senderGroupingKey: request.correlationKey }),
        recipientList: request.recipients.map((r) => ({
          recipientNo: r.phone.replace(/[^\d]/g, ''),
          ...(r.correlationKey && { recipientGroupingKey: r.correlationKey }),
        })),
      };
      const path = request.type === 'SMS' ? '/sender/sms' : '/sender/mms';
      const outcome = await requestJson(fetchImpl, `${base}${path}`, {
        method: 'POST',
        headers: { 'X-Secret-Key': config.secretKey },
        body,
        timeoutMs,
      });
      if (outcome.kind === 'network-error')
        return failure(request, {
          classification: 'transient',
          reason: 'NETWORK_ERROR',
          providerMessage: outcome.message,
        });
      if (outcome.status === 429) {
        return failure(request, {
          classification: 'transient',
          reason: 'RATE_LIMITED',
          providerCode: 'HTTP_429',
          retryAfter: retryAfterFrom(outcome.headers, now()),
        });
      }
      const response = outcome.json as NhnSmsResponse | undefined;
      const code = response?.header?.resultCode;
      if (typeof code !== 'number') {
        return failure(
          request,
          outcome.status >= 500
            ? {
                classification: 'transient',
                reason: 'PROVIDER_ERROR',
                providerCode: `HTTP_${outcome.status}`,
              }
            : {
                classification: 'final',
                reason: 'PROVIDER_ERROR',
                providerCode: `HTTP_${outcome.status}`,
                alert: true,
              },
        );
      }
      const data = response?.body?.data;
      if (code !== 0 || !data?.requestId) {
        const classified = classifySmsApiCode(code);
        return failure(request, {
          classification: classified.classification === 'ok' ? 'final' : classified.classification,
          reason: classified.reason ?? 'PROVIDER_ERROR',
          providerCode: String(code),
          providerMessage: response?.header?.resultMessage,
          ...(classified.alert && { alert: true }),
        });
      }
      const recipients = nhnRecipientResults(
        request.recipients,
        data.sendResultList,
        data.requestId,
        classifySmsApiCode,
      );
      const anyAccepted = recipients.some((r) => r.classification === 'ok');
      const firstFailure = recipients.find((r) => r.classification !== 'ok');
      return {
        provider: 'nhn-sms',
        channel: channelOf(request),
        classification: anyAccepted ? 'ok' : firstFailure!.classification,
        ...(!anyAccepted && { reason: firstFailure!.reason }),
        providerCode: String(code),
        providerMessage: response?.header?.resultMessage,
        providerMessageId: data.requestId,
        recipients,
      };
    },
  };
}
