import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProductSearch } from '../../domain/catalog/ports';
import type { ProductSearchDocument } from '../../domain/catalog/search-document';
import {
  keywordTerms,
  type ProductSearchPage,
  type ProductSearchQuery,
  type ProductSort,
} from '../../domain/catalog/search-query';
import { CATALOGUE, SELLERS } from './search-documents';

/** What every implementation of the search port offers the shared suite. */
export interface SearchHarness {
  /** Makes exactly these documents searchable (replacing what was there); resolves when they are. */
  load(docs: ProductSearchDocument[]): Promise<void>;
  search: ProductSearch;
  close(): Promise<void>;
}

type QueryShape = Partial<Omit<ProductSearchQuery, 'terms'>> & { keyword?: string };

/**
 * The search-quality rules of docs/catalog.md#search-quality, in Korean, written against the
 * `ProductSearch` port only: the in-memory engine, the database read model (MariaDB and SQLite) and
 * the Elasticsearch adapter all run it unchanged.
 */
export function describeProductSearchBehaviour(
  label: string,
  makeHarness: () => Promise<SearchHarness>,
): void {
  describe(`product search behaviour: ${label}`, () => {
    let harness: SearchHarness;
    before(async () => {
      harness = await makeHarness();
      await harness.load(CATALOGUE);
    });
    after(async () => {
      await harness?.close();
    });

    const search = (shape: QueryShape): Promise<ProductSearchPage> => {
      const { keyword, ...rest } = shape;
      const terms = keywordTerms(keyword);
      return harness.search.search({
        terms,
        sort: terms.length > 0 ? 'relevance' : 'newest',
        limit: 50,
        ...rest,
      });
    };
    const idsOf = (page: ProductSearchPage) => page.items.map((item) => item.id);
    const idSet = async (shape: QueryShape) => idsOf(await search(shape)).sort();

    describe('Korean matching', () => {
      it('finds a compound typed without spaces in a name written with spaces, and the reverse', async () => {
        assert.deepEqual(await idSet({ keyword: '블루투스이어폰' }), ['p01', 'p02']);
        assert.deepEqual(await idSet({ keyword: '블루투스 이어폰' }), ['p01', 'p02']);
        assert.deepEqual(await idSet({ keyword: '제주감귤' }), ['p06']);
      });

      it('finds a compound whose parts are apart in the name (무선이어폰 → 무선 블루투스 이어폰)', async () => {
        assert.deepEqual(await idSet({ keyword: '무선이어폰' }), ['p01']);
      });

      it('finds partial words (반팔티 → 반팔 티셔츠, 반팔티셔츠)', async () => {
        assert.deepEqual(await idSet({ keyword: '반팔티' }), ['p05', 'p11']);
      });

      it('finds option values that are not in the name (블랙)', async () => {
        assert.deepEqual(await idSet({ keyword: '블랙' }), ['p01', 'p02', 'p05']);
      });

      it('matches mixed Korean and English, case-insensitive', async () => {
        assert.deepEqual(await idSet({ keyword: '아이폰 케이스 iPhone 15' }), ['p04']);
        assert.deepEqual(await idSet({ keyword: 'IPHONE' }), ['p04']);
      });

      it('matches 초성 queries against names (ㅂㄹㅌㅅ → 블루투스)', async () => {
        assert.deepEqual(await idSet({ keyword: 'ㅂㄹㅌㅅ' }), ['p01', 'p02', 'p10']);
      });

      it('tolerates one typo in a word of four syllables or more, not in a shorter one', async () => {
        assert.deepEqual(await idSet({ keyword: '블루투수' }), ['p01', 'p02', 'p10']);
        assert.deepEqual(await idSet({ keyword: '이어펀' }), []);
      });

      it("finds products by the seller's company name and shows it on every result", async () => {
        const page = await search({ keyword: '한빛상사' });
        assert.deepEqual(idsOf(page).sort(), ['p01', 'p02', 'p03', 'p04', 'p07', 'p08', 'p10']);
        for (const item of page.items) assert.equal(item.sellerName, SELLERS.hanbit.sellerName);
        const fashion = await search({ keyword: '반팔' });
        for (const item of fashion.items) assert.equal(item.sellerName, SELLERS.moda.sellerName);
      });

      it('requires every term to match', async () => {
        assert.deepEqual(await idSet({ keyword: '블루투스 키보드' }), ['p10']);
        assert.deepEqual(await idSet({ keyword: '블루투스 감귤' }), []);
      });
    });

    describe('ranking and sorting', () => {
      it('ranks a match in the name above a match in the description', async () => {
        const page = await search({ keyword: '충전기' });
        assert.deepEqual(idsOf(page), ['p07', 'p08']);
      });

      it('sorts by newest, price both ways and popularity', async () => {
        assert.deepEqual(idsOf(await search({ sort: 'newest' })), [
          'p12',
          'p11',
          'p10',
          'p08',
          'p07',
          'p06',
          'p05',
          'p04',
          'p03',
          'p02',
          'p01',
        ]);
        const ordered = async (
          sort: ProductSort,
          key: (item: ProductSearchPage['items'][number]) => number,
        ) => (await search({ sort })).items.map(key);
        const ascending = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);
        const descending = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! >= v);
        const priceAsc = await ordered('price_asc', (item) => item.price);
        assert.ok(ascending(priceAsc) && priceAsc.length === 11, `price_asc: ${priceAsc.join(', ')}`);
        const priceDesc = await ordered('price_desc', (item) => item.price);
        assert.ok(descending(priceDesc) && priceDesc.length === 11, `price_desc: ${priceDesc.join(', ')}`);
        const popular = await ordered('popular', (item) => item.popularity);
        assert.ok(descending(popular) && popular.length === 11, `popular: ${popular.join(', ')}`);
        assert.deepEqual(idsOf(await search({ keyword: '블루투스', sort: 'price_asc' })), [
          'p02',
          'p10',
          'p01',
        ]);
      });

      it('walks every page of size 2 without repeating or missing an item, ties included', async () => {
        const shapes: QueryShape[] = [
          { sort: 'newest' },
          { sort: 'price_asc' },
          { sort: 'price_desc' },
          { sort: 'popular' },
          { keyword: '블루투스' },
          { keyword: '한빛상사' },
          { keyword: '화이트', sort: 'popular' },
          { sort: 'price_asc', categoryIds: ['cat-digital', 'cat-earphone', 'cat-phone-acc'] },
        ];
        for (const shape of shapes) {
          const whole = await search({ ...shape, limit: 100 });
          assert.equal(whole.nextCursor, null, `one page holds all: ${JSON.stringify(shape)}`);
          const walked: string[] = [];
          let cursor = undefined as ProductSearchQuery['after'];
          for (let pages = 0; pages < 20; pages++) {
            const page = await search({ ...shape, limit: 2, after: cursor });
            assert.equal(page.total, whole.total, `total on every page: ${JSON.stringify(shape)}`);
            walked.push(...idsOf(page));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          assert.deepEqual(walked, idsOf(whole), `pages of ${JSON.stringify(shape)}`);
        }
      });
    });

    describe('filters, counts and facets', () => {
      it('filters by a category and by a parent category with its descendants', async () => {
        assert.deepEqual(await idSet({ categoryIds: ['cat-tshirt'] }), ['p05', 'p11']);
        assert.deepEqual(await idSet({ categoryIds: ['cat-digital', 'cat-earphone', 'cat-phone-acc'] }), [
          'p01',
          'p02',
          'p03',
          'p04',
          'p07',
          'p08',
          'p10',
        ]);
        assert.deepEqual(await idSet({ keyword: '화이트', categoryIds: ['cat-earphone'] }), ['p01']);
        assert.deepEqual(await idSet({ categoryIds: ['cat-unknown'] }), []);
      });

      it('filters by price, both bounds inclusive, and by seller', async () => {
        assert.deepEqual(await idSet({ minPrice: 10_000, maxPrice: 30_000 }), [
          'p02',
          'p04',
          'p05',
          'p06',
          'p07',
          'p08',
        ]);
        assert.deepEqual(await idSet({ minPrice: 29_000, maxPrice: 29_000 }), ['p02', 'p07']);
        assert.deepEqual(await idSet({ keyword: '블루투스', maxPrice: 30_000 }), ['p02']);
        assert.deepEqual(await idSet({ sellerId: SELLERS.jeju.sellerId }), ['p06', 'p12']);
      });

      it('counts every match, not just the page', async () => {
        const page = await search({ keyword: '블루투스', limit: 1 });
        assert.equal(page.items.length, 1);
        assert.equal(page.total, 3);
        assert.notEqual(page.nextCursor, null);
        assert.equal((await search({ keyword: '이어펀' })).total, 0);
        assert.equal((await search({})).total, 11);
      });

      it('facets the matches by category, price band and seller', async () => {
        const { facets } = await search({ keyword: '블루투스', limit: 1 });
        assert.deepEqual(facets.categories, [
          { categoryId: 'cat-earphone', count: 2 },
          { categoryId: 'cat-digital', count: 1 },
        ]);
        assert.deepEqual(
          facets.priceBands.filter((band) => band.count > 0),
          [
            { min: 10_000, max: 30_000, count: 1 },
            { min: 30_000, max: 50_000, count: 1 },
            { min: 50_000, max: 100_000, count: 1 },
          ],
        );
        assert.deepEqual(facets.sellers, [{ ...SELLERS.hanbit, count: 3 }]);
        const all = await search({});
        assert.deepEqual(
          all.facets.sellers.map((seller) => [seller.sellerId, seller.count]),
          [
            [SELLERS.hanbit.sellerId, 7],
            [SELLERS.jeju.sellerId, 2],
            [SELLERS.moda.sellerId, 2],
          ],
        );
        assert.deepEqual(
          all.facets.priceBands.filter((band) => band.max === null),
          [{ min: 100_000, max: null, count: 1 }],
        );
      });
    });

    describe('sale status and result fields', () => {
      it('never returns a suspended product; returns sold-out ones with their status', async () => {
        const suspended = await search({ keyword: '스피커' });
        assert.deepEqual(idsOf(suspended), []);
        assert.equal(suspended.total, 0);
        const soldOut = await search({ keyword: '키보드' });
        assert.deepEqual(
          soldOut.items.map((item) => [item.id, item.status]),
          [['p10', 'SOLD_OUT']],
        );
      });

      it('returns the summary fields of each product', async () => {
        const page = await search({ keyword: '한라봉' });
        assert.deepEqual(page.items, [
          {
            id: 'p12',
            sellerId: SELLERS.jeju.sellerId,
            sellerName: SELLERS.jeju.sellerName,
            name: '한라봉 선물세트',
            price: 120_000,
            status: 'ON_SALE',
            categoryId: 'cat-fruit',
            thumbnailKey: 'products/p12/thumb.webp',
            popularity: 10,
            createdAt: new Date('2025-03-13T03:00:00Z'),
          },
        ]);
        assert.equal(page.nextCursor, null);
      });
    });
  });
}
