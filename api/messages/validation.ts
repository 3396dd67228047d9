import type { MessageLanguage } from './language';

/** The parts of a zod (v4) issue the texts use. */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  values?: unknown[];
  keys?: string[];
}

/** One field-prefix style for every validation text: `body.items.0.quantity`. */
export const fieldOf = (target: string, path: PropertyKey[]) => [target, ...path.map(String)].join('.');

const HANGUL = /[\uac00-\ud7a3]/;
const isDefaultText = (message: string) =>
  /^(Too small|Too big|Invalid input|Invalid option|Invalid string|Invalid [A-Za-z0-9 ]+$|Unrecognized key)/.test(
    message,
  );

const koFormat: Record<string, string> = {
  email: '올바른 이메일 주소가 아닙니다',
  uuid: '올바른 ID 형식이 아닙니다',
  url: '올바른 URL이 아닙니다',
  datetime: '날짜와 시간 형식(ISO 8601)이 아닙니다',
  date: '날짜 형식(YYYY-MM-DD)이 아닙니다',
};
const enFormat: Record<string, string> = {
  email: 'is not a valid e-mail address',
  uuid: 'is not a valid id',
  url: 'is not a valid URL',
  datetime: 'is not an ISO 8601 date-time',
  date: 'is not a date (YYYY-MM-DD)',
};

const koType: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  boolean: 'true 또는 false',
  array: '목록',
  object: '객체',
};
const enType: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** `숫자여야`, `목록이어야`: the copula follows the last syllable's final consonant. */
function withCopula(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  const hasFinal = last >= 0xac00 && last <= 0xd7a3 && (last - 0xac00) % 28 !== 0;
  return `${word}${hasFinal ? '이어야' : '여야'}`;
}

function sizeText(language: MessageLanguage, issue: ZodIssueLike, bound: 'min' | 'max'): string {
  const limit = Number(bound === 'min' ? issue.minimum : issue.maximum);
  const exclusive = issue.inclusive === false;
  const origin = issue.origin ?? 'number';
  if (language === 'ko') {
    const unit = origin === 'string' ? '자' : origin === 'array' || origin === 'set' ? '개' : '';
    const word =
      bound === 'min' ? (exclusive ? '보다 커야' : ' 이상이어야') : exclusive ? '보다 작아야' : ' 이하여야';
    if (origin === 'string' && bound === 'min' && limit === 1 && !exclusive) return '비어 있으면 안 됩니다';
    if ((origin === 'array' || origin === 'set') && bound === 'min' && limit === 1 && !exclusive)
      return '하나 이상 있어야 합니다';
    return `${limit}${unit}${word} 합니다`;
  }
  const unit = origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '';
  const word = bound === 'min' ? (exclusive ? 'more than' : 'at least') : exclusive ? 'less than' : 'at most';
  if (origin === 'string' && bound === 'min' && limit === 1 && !exclusive) return 'must not be empty';
  return `must be ${word} ${limit}${unit}`;
}

/**
 * A zod issue in plain words. A message the schema wrote itself (a refine, a custom text) is kept
 * in English unless it is already Korean; zod's own default texts are replaced in both languages.
 */
export function issueText(language: MessageLanguage, issue: ZodIssueLike): string {
  if (!isDefaultText(issue.message) && (language === 'en' || HANGUL.test(issue.message)))
    return issue.message;
  const ko = language === 'ko';
  switch (issue.code) {
    case 'too_small':
      return sizeText(language, issue, 'min');
    case 'too_big':
      return sizeText(language, issue, 'max');
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return ko ? '필수 항목입니다' : 'is required';
      if (issue.expected === 'int') return ko ? '정수여야 합니다' : 'must be a whole number';
      return ko
        ? `${withCopula(koType[issue.expected ?? ''] ?? '올바른 값')} 합니다`
        : `must be ${enType[issue.expected ?? ''] ?? 'a valid value'}`;
    case 'invalid_format':
      if (issue.format && (ko ? koFormat : enFormat)[issue.format])
        return (ko ? koFormat : enFormat)[issue.format]!;
      return ko ? '형식이 올바르지 않습니다' : 'is not in the expected format';
    case 'invalid_value': {
      const values = (issue.values ?? []).map((v) => String(v)).join(', ');
      return ko ? `다음 중 하나여야 합니다: ${values}` : `must be one of: ${values}`;
    }
    case 'unrecognized_keys':
      return ko
        ? `알 수 없는 항목입니다: ${(issue.keys ?? []).join(', ')}`
        : `unknown fields: ${(issue.keys ?? []).join(', ')}`;
    default:
      return ko ? '값이 올바르지 않습니다' : issue.message;
  }
}
