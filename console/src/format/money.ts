const wonFormat = new Intl.NumberFormat('ko-KR');

/** 12,000원 */
export const won = (amount: number) => `${wonFormat.format(amount)}원`;
