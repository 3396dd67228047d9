import type { ProductSearchDocument } from '../../domain/catalog/search-document';

/** Categories of the behaviour suite's catalogue: id → [names root first, ids root first]. */
export const CATEGORIES = {
  digital: { path: ['디지털'], ids: ['cat-digital'] },
  earphone: { path: ['디지털', '이어폰'], ids: ['cat-digital', 'cat-earphone'] },
  phoneAccessory: { path: ['디지털', '휴대폰 액세서리'], ids: ['cat-digital', 'cat-phone-acc'] },
  fashion: { path: ['패션'], ids: ['cat-fashion'] },
  tshirt: { path: ['패션', '티셔츠'], ids: ['cat-fashion', 'cat-tshirt'] },
  fruit: { path: ['식품', '과일'], ids: ['cat-food', 'cat-fruit'] },
} as const;
export type CategoryKey = keyof typeof CATEGORIES;

export const SELLERS = {
  hanbit: { sellerId: 'seller-hanbit', sellerName: '한빛상사' },
  jeju: { sellerId: 'seller-jeju', sellerName: '제주농원' },
  moda: { sellerId: 'seller-moda', sellerName: '모다패션' },
} as const;
export type SellerKey = keyof typeof SELLERS;

export interface DocumentSpec {
  id: string;
  name: string;
  description?: string;
  seller?: SellerKey;
  category?: CategoryKey | null;
  options?: string[];
  price?: number;
  status?: ProductSearchDocument['status'];
  popularity?: number;
  /** Days after 2025-03-01 (KST noon); later is newer. */
  day?: number;
  thumbnailKey?: string | null;
}

const BASE = Date.parse('2025-03-01T03:00:00Z');
const DAY = 86_400_000;

/** A read-model document with sensible defaults; only what a test cares about needs saying. */
export function searchDocument(spec: DocumentSpec): ProductSearchDocument {
  const seller = SELLERS[spec.seller ?? 'hanbit'];
  const category = spec.category === null ? null : CATEGORIES[spec.category ?? 'digital'];
  const price = spec.price ?? 10_000;
  const status = spec.status ?? 'ON_SALE';
  const createdAt = new Date(BASE + (spec.day ?? 0) * DAY);
  return {
    productId: spec.id,
    sellerId: seller.sellerId,
    sellerName: seller.sellerName,
    name: spec.name,
    description: spec.description ?? '',
    categoryId: category ? category.ids[category.ids.length - 1]! : null,
    categoryPath: category ? [...category.path] : [],
    categoryPathIds: category ? [...category.ids] : [],
    optionValues: spec.options ?? [],
    price,
    minPrice: price,
    maxPrice: price,
    status,
    sellable: status === 'ON_SALE',
    popularity: spec.popularity ?? 0,
    thumbnailKey: spec.thumbnailKey === undefined ? `products/${spec.id}/thumb.webp` : spec.thumbnailKey,
    createdAt,
    indexedAt: new Date(createdAt.getTime() + 1000),
  };
}

/**
 * The suite's catalogue. Every search-quality case of docs/catalog.md#search-quality has its
 * documents here; the expected ids are written next to each test.
 */
/**
 * The `i`-th of a generated catalogue over `names` (the index unit tests): `round` shifts names and
 * suspensions, as a catalogue that changed between two looks.
 */
export const generatedSpec =
  (names: readonly string[]) =>
  (i: number, round = 0): DocumentSpec => ({
    id: `p${String(i).padStart(4, '0')}`,
    name: `${names[(i + round) % names.length]} ${i}`,
    description: i % 4 === 0 ? '블루투스 지원' : '선물용',
    options: i % 3 === 0 ? ['블랙'] : ['화이트'],
    price: 1000 + ((i * 37) % 50) * 1000,
    status: (i + round) % 17 === 0 ? 'SUSPENDED' : 'ON_SALE',
    day: i % 40,
  });

export const CATALOGUE: ProductSearchDocument[] = [
  {
    id: 'p01',
    name: '무선 블루투스 이어폰 화이트',
    description: '노이즈 캔슬링, 최대 30시간 재생',
    category: 'earphone' as const,
    options: ['화이트', '블랙'],
    price: 59_000,
    popularity: 120,
    day: 1,
  },
  {
    id: 'p02',
    name: '블루투스이어폰 스포츠 넥밴드',
    description: '땀에 강한 방수 설계',
    category: 'earphone' as const,
    options: ['블랙'],
    price: 29_000,
    popularity: 45,
    day: 2,
  },
  {
    id: 'p03',
    name: '유선 이어폰 기본형',
    description: '가성비 좋은 커널형',
    category: 'earphone' as const,
    price: 9_900,
    popularity: 300,
    day: 3,
  },
  {
    id: 'p04',
    name: '아이폰 15 케이스 iPhone 투명',
    description: '충격 흡수 범퍼',
    category: 'phoneAccessory' as const,
    options: ['투명', '핑크'],
    price: 12_000,
    popularity: 80,
    day: 4,
  },
  {
    id: 'p05',
    name: '오버핏 반팔 티셔츠',
    description: '면 100% 여름용',
    seller: 'moda' as const,
    category: 'tshirt' as const,
    options: ['블랙', '화이트', 'L', 'XL'],
    price: 19_000,
    popularity: 200,
    day: 5,
  },
  {
    id: 'p06',
    name: '제주 감귤 5kg 산지직송',
    description: '새콤달콤 노지 귤',
    seller: 'jeju' as const,
    category: 'fruit' as const,
    options: ['5kg', '10kg'],
    price: 25_000,
    popularity: 150,
    day: 6,
  },
  {
    id: 'p07',
    name: '고속 무선 충전기',
    description: '15W 급속 패드',
    category: 'phoneAccessory' as const,
    price: 29_000,
    popularity: 60,
    day: 7,
  },
  {
    id: 'p08',
    name: '스마트폰 거치대',
    description: '무선 충전기 호환 차량용 거치대',
    category: 'phoneAccessory' as const,
    price: 15_000,
    popularity: 60,
    day: 8,
  },
  {
    id: 'p09',
    name: '블루투스 스피커 판매중지',
    description: '휴대용 스피커',
    category: 'digital' as const,
    price: 45_000,
    status: 'SUSPENDED' as const,
    popularity: 500,
    day: 9,
  },
  {
    id: 'p10',
    name: '블루투스 키보드 텐키리스',
    description: '멀티 페어링',
    category: 'digital' as const,
    options: ['그레이'],
    price: 39_000,
    status: 'SOLD_OUT' as const,
    popularity: 45,
    day: 10,
  },
  {
    id: 'p11',
    name: '라운드 반팔티셔츠 무지',
    description: '데일리 기본 티',
    seller: 'moda' as const,
    category: 'tshirt' as const,
    options: ['화이트', 'M'],
    price: 9_900,
    popularity: 200,
    day: 11,
  },
  {
    id: 'p12',
    name: '한라봉 선물세트',
    description: '제주에서 키운 만감류',
    seller: 'jeju' as const,
    category: 'fruit' as const,
    price: 120_000,
    popularity: 10,
    day: 12,
  },
].map(searchDocument);
