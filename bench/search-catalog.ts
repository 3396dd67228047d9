import { selectionKey, type ProductOption } from '../domain/catalog/product-options';
import { searchTextOf } from '../domain/catalog/product';
import { uuidv7 } from '../platform/ids';

/**
 * A deterministic Korean catalogue for the search benchmark: names built from brands, materials,
 * compound nouns and model numbers, options with colour and size values, descriptions of a few
 * sentences. The same seed gives the same catalogue on every run.
 */
let seed = 20_261_206;
export const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
export const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

export const BRANDS = [
  '삼성',
  '엘지',
  '샤오미',
  '애플',
  '소니',
  '나이키',
  '아디다스',
  '무인양품',
  '한샘',
  '락앤락',
  '쿠쿠',
  '필립스',
  'Anker',
  'Logitech',
  'Jabra',
  '코멕스',
];
export const MODIFIERS = [
  '무선',
  '프리미엄',
  '초경량',
  '방수',
  '가죽',
  '면',
  '스테인리스',
  '유기농',
  '수제',
  '대용량',
  '미니',
  '접이식',
  '휴대용',
  '국산',
  '친환경',
  '오버핏',
  '기모',
  '양면',
  'Wireless',
  'Premium',
  'Vintage',
  'Smart',
];
export const NOUNS = [
  '블루투스 이어폰',
  '블루투스 스피커',
  '노이즈캔슬링 헤드폰',
  '반팔티셔츠',
  '긴팔티셔츠',
  '후드티',
  '청바지',
  '슬랙스',
  '운동화',
  '슬리퍼',
  '백팩',
  '크로스백',
  '지갑',
  '텀블러',
  '보온병',
  '전기포트',
  '에어프라이어',
  '캠핑 의자',
  '캠핑 테이블',
  '무선 충전기',
  '보조배터리',
  '기계식 키보드',
  '무선 마우스',
  '모니터 받침대',
  '제주감귤',
  '한라봉',
  '고구마',
  '햇사과',
  '커피 원두',
  '녹차 티백',
  '선크림',
  '수분크림',
  '샴푸',
  '바디워시',
  '강아지 사료',
  '고양이 모래',
  '아기 물티슈',
  '요가매트',
  '아령',
  '자전거 헬멧',
];
export const COLOURS = ['블랙', '화이트', '네이비', '그레이', '베이지', '레드', '카키', '핑크'];
export const SIZES = ['S', 'M', 'L', 'XL', '230', '240', '250', '260'];
const PHRASES = [
  '가볍고 튼튼합니다',
  '선물용으로 좋아요',
  '국내 배송',
  '당일 출고',
  '정품 보증',
  '한정 수량',
  '빠른 배송',
  '재구매율 1위',
  '리뷰 이벤트 중',
  'best seller',
  'free shipping',
  '무료 반품',
];

export interface SeedProduct {
  productRow: unknown[];
  variantRows: unknown[][];
  stockRows: unknown[][];
}

export const PRODUCT_COLUMNS =
  'id, seller_id, category_id, name, description, price, options_json, status, suspended, popularity, search_text, thumbnail_key, shipping_fee, bundle_shipping, version, created_at, updated_at';
export const VARIANT_COLUMNS = 'id, product_id, option_key, options_json, price_delta, position';
export const STOCK_COLUMNS = 'variant_id, product_id, on_hand, reserved, version, updated_at';

const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** One product with one to four variants, created `index` seconds after 2025-01-01. */
export function seedProduct(
  index: number,
  sellerIds: readonly string[],
  categoryIds: readonly string[],
): SeedProduct {
  const createdMs = Date.UTC(2025, 0, 1) + index * 1000;
  const id = uuidv7(createdMs);
  const noun = pick(NOUNS);
  const name = `${pick(BRANDS)} ${pick(MODIFIERS)} ${noun} ${String.fromCharCode(65 + Math.floor(random() * 26))}${Math.floor(random() * 900) + 100}`;
  const description = `${pick(PHRASES)}. ${pick(MODIFIERS)} ${pick(NOUNS)}와 함께 쓰기 좋은 ${noun}입니다. ${pick(PHRASES)}, ${pick(PHRASES)}.`;
  const colours = [...new Set([pick(COLOURS), pick(COLOURS)])];
  const options: ProductOption[] = random() < 0.7 ? [{ name: '색상', values: colours }] : [];
  const price = 1000 + Math.floor(random() * 300) * 500;
  const created = sqlTime(createdMs);
  const selections = options.length > 0 ? colours.map((c) => ({ 색상: c })) : [{}];
  const variantRows: unknown[][] = [];
  const stockRows: unknown[][] = [];
  selections.forEach((selection, position) => {
    const variantId = uuidv7(createdMs);
    variantRows.push([
      variantId,
      id,
      selectionKey(options, selection),
      JSON.stringify(selection),
      position * 1000,
      position,
    ]);
    stockRows.push([variantId, id, random() < 0.1 ? 0 : 1 + Math.floor(random() * 100), 0, 1, created]);
  });
  const soldOut = stockRows.every((row) => row[2] === 0);
  return {
    productRow: [
      id,
      pick(sellerIds),
      pick(categoryIds),
      name,
      description,
      price,
      JSON.stringify(options),
      soldOut ? 'SOLD_OUT' : 'ON_SALE',
      0,
      Math.floor(random() * 5000),
      searchTextOf({ name, description }),
      null,
      null,
      1,
      1,
      created,
      created,
    ],
    variantRows,
    stockRows,
  };
}

/** Distinct two-word queries a shopper types: a modifier or brand and a noun part, some without spaces. */
export function twoWordQuery(i: number): string {
  const noun = NOUNS[i % NOUNS.length]!;
  const first = i % 3 === 0 ? BRANDS[(i >> 2) % BRANDS.length]! : MODIFIERS[(i >> 1) % MODIFIERS.length]!;
  const word = noun.split(' ').at(-1)!;
  const part = i % 5 === 0 ? word.slice(0, Math.max(2, word.length - 1)) : word;
  return `${first} ${part}`;
}
