/** What the seller reads about a 송장번호, in the request's language (docs/api-messages.md). */
export type InvoiceLanguage = 'ko' | 'en';

function lengthsText(lengths: readonly number[], language: InvoiceLanguage): string {
  const or = language === 'ko' ? '또는' : 'or';
  if (lengths.length === 1) return String(lengths[0]);
  const contiguous = lengths.every((n, i) => i === 0 || n === lengths[i - 1]! + 1);
  if (contiguous && lengths.length > 2) return `${lengths[0]}–${lengths[lengths.length - 1]}`;
  return `${lengths.slice(0, -1).join(', ')} ${or} ${lengths[lengths.length - 1]}`;
}

export const INVOICE_TEXTS = {
  ko: {
    courierUnknown: (names: readonly string[]) => `다음 중 하나여야 합니다: ${names.join(', ')}`,
    required: '송장번호를 입력해 주세요',
    digitsOnly: '송장번호는 숫자만 입력할 수 있습니다 (공백과 하이픈은 무시합니다)',
    wrongLength: (courier: string, lengths: readonly number[], got: number) =>
      `${courier} 송장번호는 ${lengthsText(lengths, 'ko')}자리여야 합니다 (입력 ${got}자리)`,
    unusualLength: (courier: string, lengths: readonly number[]) =>
      `${courier} 송장번호는 보통 ${lengthsText(lengths, 'ko')}자리입니다. 번호를 다시 확인해 주세요`,
    checkDigit: '마지막 자리가 일반적인 검증 숫자와 맞지 않습니다. 번호를 다시 확인해 주세요',
  },
  en: {
    courierUnknown: (names: readonly string[]) => `must be one of ${names.join(', ')}`,
    required: 'is required (the 송장번호 as a string of digits)',
    digitsOnly: 'must contain only digits (spaces and hyphens are ignored)',
    wrongLength: (courier: string, lengths: readonly number[], got: number) =>
      `must be ${lengthsText(lengths, 'en')} digits for ${courier}, got ${got}`,
    unusualLength: (courier: string, lengths: readonly number[]) =>
      `${courier} invoices are usually ${lengthsText(lengths, 'en')} digits; please double-check the number`,
    checkDigit: 'the last digit does not match the usual check digit; please double-check the number',
  },
} as const;
