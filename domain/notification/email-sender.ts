import type { SendResult } from './send-result';

export interface EmailAddress {
  email: string;
  name?: string;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** Text is sent as UTF-8; bytes as they are. */
  content: string | Uint8Array;
}

export interface EmailSendRequest {
  to: EmailAddress[];
  /** Defaults to the adapter's configured sender. */
  from?: EmailAddress;
  replyTo?: EmailAddress;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  /**
   * Jangteo's own id for this notification. Email providers have no idempotency key, so it travels
   * with the message (SendGrid custom_args, SMTP Message-ID) for de-duplication downstream.
   */
  notificationId?: string;
  categories?: string[];
}

export interface EmailSender {
  send(request: EmailSendRequest): Promise<SendResult>;
}
