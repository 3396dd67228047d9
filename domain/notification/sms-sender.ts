import type { SendResult } from './send-result';

export interface SmsRecipient {
  phone: string;
  correlationKey?: string;
}

export interface SmsSendRequest {
  /** SMS ≤ 90 EUC-KR bytes; LMS otherwise (title ≤ 40 bytes, body ≤ 2,000 bytes). */
  type: 'SMS' | 'LMS';
  title?: string;
  body: string;
  recipients: SmsRecipient[];
  correlationKey?: string;
}

export interface SmsSender {
  send(request: SmsSendRequest): Promise<SendResult>;
}
