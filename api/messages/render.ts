import { koMessages } from './ko';
import type { MessageLanguage } from './language';

/** Said in Korean for a code the catalogue lacks, by HTTP status class (docs/api-messages.md). */
const koByStatus: Record<number, string> = {
  400: '요청 내용이 올바르지 않습니다.',
  401: '로그인이 필요합니다.',
  402: '결제가 거절되었습니다.',
  403: '이 요청을 수행할 권한이 없습니다.',
  404: '요청한 대상을 찾을 수 없습니다.',
  405: '이 주소에서는 허용되지 않는 요청 방식입니다.',
  409: '현재 상태에서는 요청을 처리할 수 없습니다.',
  413: '요청 본문이 너무 큽니다.',
  415: '지원하지 않는 형식입니다.',
  422: '요청을 처리할 수 없습니다. 입력 내용을 확인해 주세요.',
  426: '연결 방식을 바꿔야 합니다.',
  429: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  503: '일시적으로 서비스를 이용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
};
const KO_SERVER_FAULT = '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.';
const KO_CLIENT_FAULT = '요청을 처리할 수 없습니다.';

const HANGUL = /[\uac00-\ud7a3]/;
/** Codes whose thrown Korean text is more precise than the catalogue's (limits name what and how long). */
const KEEP_KOREAN_DETAIL = new Set(['RATE_LIMITED', 'LOGIN_LOCKED']);

/**
 * The `detail` of a problem in the caller's language. English is the text the code threw; Korean is
 * the catalogue's sentence for the code, rendered from the problem's extension members (a limit's
 * own Korean text is kept); a code missing from the catalogue keeps a Korean thrown text or gets
 * the generic sentence for its status.
 */
export function renderDetail(
  language: MessageLanguage,
  problem: { status: number; code: string; detail?: string; extensions: Record<string, unknown> },
): string | undefined {
  if (language === 'en') return problem.detail;
  const thrownInKorean = problem.detail !== undefined && HANGUL.test(problem.detail);
  if (thrownInKorean && KEEP_KOREAN_DETAIL.has(problem.code)) return problem.detail;
  const entry = koMessages[problem.code];
  if (typeof entry === 'string') return entry;
  if (entry) return entry(problem.extensions);
  if (thrownInKorean) return problem.detail;
  return koByStatus[problem.status] ?? (problem.status >= 500 ? KO_SERVER_FAULT : KO_CLIENT_FAULT);
}
