/**
 * Masking for logs and send records (docs/notifications.md: every send is logged with the recipient masked).
 * Phone: keep the prefix and the last four digits (010-****-5678). Email: keep the first character of
 * the local part and the domain (a***@example.com).
 */
export function maskPhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('82') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  if (digits.length < 4) return '****';
  const last4 = digits.slice(-4);
  const prefix = /^(02|01[016789]|0[3-6][1-5]|070|050[2-8]?|080|1[5-9]\d\d)/.exec(digits)?.[1];
  if (!prefix || prefix.length + 4 >= digits.length) return `****${last4}`;
  return `${prefix}-****-${last4}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return '***';
  return `${email[0]}***@${email.slice(at + 1).toLowerCase()}`;
}

/** Masks either kind of recipient: anything with an @ is treated as an email address. */
export function maskRecipient(recipient: string): string {
  return recipient.includes('@') ? maskEmail(recipient) : maskPhone(recipient);
}
