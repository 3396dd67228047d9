import {
  maskPhone,
  type AlimTalkDeliveryReport,
  type AlimTalkSender,
  type AlimTalkSendRequest,
  type LookupFailure,
  type SendResult,
} from '../../domain/notification';
import {
  classifyAlimTalkApiCode,
  classifyKakaoDeliveryCode,
  formatNhnDate,
  parseNhnDate,
  providerFallbackFrom,
} from './nhn-result-codes';
import { nhnRecipientResults } from './nhn-recipient-results';
import { requestJson, retryAfterFrom, type HttpOutcome } from './vendor-http';

export interface NhnAlimTalkConfig {
  /** e.g. https://kakaotalk-bizmessage.api.nhncloudservice.com, or the simulator's URL. */
  baseUrl: string;
  appKey: string;
  secretKey: string;
  /** 40-character sender profile key (발신 프로필). */
  senderKey: string;
  /** Registered NHN SMS sender number used for provider-side fallback (resendSendNo). */
  fallbackSendNo?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

interface NhnHeader {
  isSuccessful?: boolean;
  resultCode?: number;
  resultMessage?: string;
}

interface NhnSendResponse {
  header?: NhnHeader;
  message?: {
    requestId?: string;
    sendResults?: Array<{
      recipientSeq: number;
      recipientNo: string;
      resultCode: number;
      resultMessage: string;
      recipientGroupingKey?: string | null;
    }>;
  };
}

interface NhnLookupMessage {
  requestId: string;
  recipientSeq: number;
  recipientNo: string;
  messageStatus?: string;
  resultCode?: string | number | null;
  resultCodeName?: string | null;
  resendStatus?: string | null;
  resendResultCode?: string | null;
  receiveDate?: string | null;
  recipientGroupingKey?: string | null;
}

const normalisePhone = (phone: string): string =>
  phone.replace(/[^\d]/g, '').replace(/^82(1\d{8,9})$/, '0$1');

/** Maps one look-up/webhook record of an AlimTalk message into the domain's delivery report. */
export function toAlimTalkDeliveryReport(message: NhnLookupMessage): AlimTalkDeliveryReport {
  const status = message.messageStatus;
  const code =
    message.resultCode === null || message.resultCode === undefined || message.resultCode === ''
      ? undefined
      : String(message.resultCode);
  const delivery: AlimTalkDeliveryReport['delivery'] =
    status === 'CANCEL'
      ? 'CANCELLED'
      : code === '1000'
        ? 'DELIVERED'
        : code !== undefined && status !== 'READY'
          ? 'FAILED'
          : 'ACCEPTED';
  const classified =
    delivery === 'ACCEPTED' || delivery === 'CANCELLED'
      ? { classification: 'ok' as const }
      : classifyKakaoDeliveryCode(code);
  return {
    providerMessageId: `${message.requestId}:${message.recipientSeq}`,
    requestId: message.requestId,
    recipientSeq: Number(message.recipientSeq),
    maskedRecipient: maskPhone(message.recipientNo ?? ''),
    ...(message.recipientGroupingKey ? { correlationKey: message.recipientGroupingKey } : {}),
    delivery,
    classification: classified.classification,
    ...(classified.reason && { reason: classified.reason }),
    ...(code !== undefined && { providerCode: code }),
    ...(message.resultCodeName ? { providerMessage: message.resultCodeName } : {}),
    providerFallback: providerFallbackFrom(message.resendStatus),
    ...(message.resendResultCode ? { providerFallbackCode: String(message.resendResultCode) } : {}),
    ...(parseNhnDate(message.receiveDate) && { receivedAt: parseNhnDate(message.receiveDate) }),
  };
}

/** NHN Cloud KakaoTalk Bizmessage AlimTalk API v2.3 (docs/vendors/nhn-bizmessage.md#alimtalk). */
export function createNhnAlimTalkSender(config: NhnAlimTalkConfig): AlimTalkSender {
  const fetchImpl = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const now = config.now ?? (() => new Date());
  const base = `${config.baseUrl.replace(/\/$/, '')}/alimtalk/v2.3/appkeys/${encodeURIComponent(config.appKey)}`;
  const authHeaders = { 'X-Secret-Key': config.secretKey };

  function failureResult(
    request: AlimTalkSendRequest,
    outcome: Omit<SendResult, 'provider' | 'channel' | 'recipients'>,
  ): SendResult {
    return {
      provider: 'nhn-alimtalk',
      channel: 'ALIMTALK',
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

  /** Non-success HTTP outcomes shared by send and look-up. */
  function transportFailure(
    outcome: HttpOutcome,
  ): Omit<SendResult, 'provider' | 'channel' | 'recipients'> | undefined {
    if (outcome.kind === 'network-error')
      return { classification: 'transient', reason: 'NETWORK_ERROR', providerMessage: outcome.message };
    if (outcome.status === 429) {
      return {
        classification: 'transient',
        reason: 'RATE_LIMITED',
        providerCode: 'HTTP_429',
        retryAfter: retryAfterFrom(outcome.headers, now()),
      };
    }
    const header = (outcome.json as { header?: NhnHeader } | undefined)?.header;
    if (!header || typeof header.resultCode !== 'number') {
      return outcome.status >= 500
        ? { classification: 'transient', reason: 'PROVIDER_ERROR', providerCode: `HTTP_${outcome.status}` }
        : {
            classification: 'final',
            reason: 'PROVIDER_ERROR',
            providerCode: `HTTP_${outcome.status}`,
            alert: true,
          };
    }
    return undefined;
  }

  /** After -1005 (same idempotency key within 10 minutes) the first request's id is found by senderGroupingKey. */
  async function recoverDuplicate(request: AlimTalkSendRequest): Promise<SendResult> {
    const duplicate = {
      classification: 'ok' as const,
      duplicate: true,
      providerCode: '-1005',
      providerMessage: 'Duplicated request',
    };
    if (!request.correlationKey) return failureResult(request, duplicate);
    const at = now();
    const query = new URLSearchParams({
      senderGroupingKey: request.correlationKey,
      startRequestDate: formatNhnDate(new Date(at.getTime() - 24 * 3600 * 1000)).slice(0, 16),
      endRequestDate: formatNhnDate(new Date(at.getTime() + 60 * 1000)).slice(0, 16),
      pageSize: '1000',
    });
    const outcome = await requestJson(fetchImpl, `${base}/messages?${query}`, {
      method: 'GET',
      headers: authHeaders,
      timeoutMs,
    });
    const messages =
      outcome.kind === 'response'
        ? ((outcome.json as { messageSearchResultResponse?: { messages?: NhnLookupMessage[] } } | undefined)
            ?.messageSearchResultResponse?.messages ?? [])
        : [];
    const first = messages[0];
    if (!first) return failureResult(request, duplicate);
    return {
      provider: 'nhn-alimtalk',
      channel: 'ALIMTALK',
      ...duplicate,
      providerMessageId: first.requestId,
      recipients: request.recipients.map((r, index) => {
        const found = messages.find((m) => m.requestId === first.requestId && m.recipientSeq === index + 1);
        return {
          index,
          maskedRecipient: maskPhone(r.phone),
          ...(r.correlationKey && { correlationKey: r.correlationKey }),
          classification: found ? 'ok' : 'final',
          ...(!found && { reason: 'INVALID_RECIPIENT' as const }),
          ...(found && {
            providerMessageId: `${found.requestId}:${found.recipientSeq}`,
            recipientSeq: found.recipientSeq,
          }),
        };
      }),
    };
  }

  return {
    async send(request) {
      const body = {
        senderKey: config.senderKey,
        templateCode: request.templateCode,
        ...(request.correlationKey && { senderGroupingKey: request.correlationKey }),
        recipientList: request.recipients.map((r) => ({
          recipientNo: normalisePhone(r.phone),
          templateParameter: r.variables,
          ...(r.correlationKey && { recipientGroupingKey: r.correlationKey }),
          resendParameter: r.smsFallback
            ? {
                isResend: true,
                resendType: r.smsFallback.type,
                resendContent: r.smsFallback.content,
                ...(r.smsFallback.title && { resendTitle: r.smsFallback.title }),
                ...(config.fallbackSendNo && { resendSendNo: config.fallbackSendNo }),
              }
            : { isResend: false },
        })),
      };
      const headers: Record<string, string> = {
        ...authHeaders,
        ...(request.idempotencyKey && { 'X-NC-API-IDEMPOTENCY-KEY': request.idempotencyKey }),
      };
      const outcome = await requestJson(fetchImpl, `${base}/messages`, {
        method: 'POST',
        headers,
        body,
        timeoutMs,
      });
      const failure = transportFailure(outcome);
      if (failure || outcome.kind !== 'response') return failureResult(request, failure!);

      const response = outcome.json as NhnSendResponse;
      const code = response.header!.resultCode!;
      const classified = classifyAlimTalkApiCode(code);
      if (classified.duplicate) return recoverDuplicate(request);
      if (code !== 0 || !response.message?.requestId) {
        return failureResult(request, {
          classification: classified.classification === 'ok' ? 'final' : classified.classification,
          reason: classified.reason ?? 'PROVIDER_ERROR',
          providerCode: String(code),
          providerMessage: response.header?.resultMessage,
          ...(classified.alert && { alert: true }),
        });
      }
      const requestId = response.message.requestId;
      const recipients = nhnRecipientResults(
        request.recipients,
        response.message.sendResults,
        requestId,
        classifyAlimTalkApiCode,
      );
      const anyAccepted = recipients.some((r) => r.classification === 'ok');
      const firstFailure = recipients.find((r) => r.classification !== 'ok');
      return {
        provider: 'nhn-alimtalk',
        channel: 'ALIMTALK',
        classification: anyAccepted ? 'ok' : firstFailure!.classification,
        ...(!anyAccepted && { reason: firstFailure!.reason }),
        providerCode: String(code),
        providerMessage: response.header?.resultMessage,
        providerMessageId: requestId,
        recipients,
      };
    },

    async getDeliveryReport(requestId, recipientSeq): Promise<AlimTalkDeliveryReport | LookupFailure> {
      const outcome = await requestJson(
        fetchImpl,
        `${base}/messages/${encodeURIComponent(requestId)}/${recipientSeq}`,
        {
          method: 'GET',
          headers: authHeaders,
          timeoutMs,
        },
      );
      const failure = transportFailure(outcome);
      if (failure || outcome.kind !== 'response') {
        return {
          classification: failure!.classification === 'transient' ? 'transient' : 'final',
          reason: failure!.reason!,
          providerCode: failure!.providerCode,
          providerMessage: failure!.providerMessage,
        };
      }
      const response = outcome.json as { header: NhnHeader; message?: NhnLookupMessage };
      if (response.header.resultCode !== 0 || !response.message) {
        const classified = classifyAlimTalkApiCode(response.header.resultCode ?? -1);
        return {
          classification: classified.classification === 'transient' ? 'transient' : 'final',
          reason: classified.reason ?? 'PROVIDER_ERROR',
          providerCode: String(response.header.resultCode),
          providerMessage: response.header.resultMessage,
        };
      }
      return toAlimTalkDeliveryReport(response.message);
    },
  };
}
