/** Small helpers shared by 반품 관리, 정산 내역 and 채팅. */

/** The problem+json `detail` the API answered (Korean by default), or a plain Korean fallback. */
export function problemDetail(
  error: unknown,
  fallback = '요청을 처리하지 못했습니다. 잠시 후 다시 시도하세요.',
) {
  if (error && typeof error === 'object' && 'detail' in error && typeof error.detail === 'string')
    return error.detail;
  return fallback;
}

const wonFormat = new Intl.NumberFormat('ko-KR');
export const won = (amount: number) => `${wonFormat.format(amount)}원`;

const dateTimeFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  dateStyle: 'short',
  timeStyle: 'short',
});
export const dateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : '');

export const REASON_LABELS: Record<string, string> = {
  CHANGE_OF_MIND: '단순 변심',
  DEFECTIVE: '상품 불량',
  WRONG_ITEM: '오배송',
};

export const COURIERS: Array<[code: string, label: string]> = [
  ['CJ', 'CJ대한통운'],
  ['LOTTE', '롯데택배'],
  ['HANJIN', '한진택배'],
  ['EPOST', '우체국택배'],
  ['LOGEN', '로젠택배'],
  ['KDEXP', '경동택배'],
  ['DAESIN', '대신택배'],
];
