import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  keywordTerms,
  type ProductSearchQuery,
  type ProductSort,
} from '../../../domain/catalog/search-query';
import { searchDocument } from '../../../test/search/search-documents';
import { InMemoryProductIndex } from './in-memory-product-index';

/** 600 products that all match 이어폰 (more than the 256 from which a later page sorts them once). */
function catalogue(): InMemoryProductIndex {
  const index = new InMemoryProductIndex();
  for (let i = 0; i < 600; i++)
    index.upsert(
      searchDocument({
        id: `p${String(i).padStart(4, '0')}`,
        name: `${i % 2 === 0 ? '무선 이어폰' : '블루투스 이어폰 케이스'} ${i}`,
        description: i % 3 === 0 ? '이어폰 선물' : '',
        price: 1000 + ((i * 37) % 97) * 100,
        status: 'ON_SALE',
        day: i % 50,
      }),
    );
  return index;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

/** Every page of the query, one cursor after another. */
function allPages(index: InMemoryProductIndex, query: ProductSearchQuery): string[] {
  const seen: string[] = [];
  let after: ProductSearchQuery['after'];
  for (;;) {
    const page = index.search({ ...query, after });
    seen.push(...ids(page));
    if (!page.nextCursor) return seen;
    after = page.nextCursor;
  }
}

describe('in-memory index: a query asked again (search-memo.ts)', () => {
  for (const sort of ['relevance', 'price_asc', 'price_desc', 'newest'] satisfies ProductSort[]) {
    it(`${sort}: a repeated first page is the same page, and paging on from it reaches every match once`, () => {
      const query = { terms: keywordTerms('이어폰'), sort, limit: 20 };
      const asked = catalogue();
      const first = asked.search(query);
      const again = asked.search(query);
      assert.deepEqual(ids(again), ids(first));
      assert.deepEqual(again.nextCursor, first.nextCursor);
      assert.equal(again.total, 600);

      const pages = allPages(asked, query);
      assert.equal(pages.length, 600);
      assert.equal(new Set(pages).size, 600);
      // The same order as a fresh index that never saw the query.
      assert.deepEqual(pages, allPages(catalogue(), query));
      assert.deepEqual(ids(asked.search(query)), ids(first), 'the first page after paging');
    });
  }

  it('another page size is picked afresh, and a change is seen by the next first page', () => {
    const index = catalogue();
    const query = { terms: keywordTerms('이어폰'), sort: 'price_asc' as const, limit: 20 };
    const twenty = ids(index.search(query));
    const five = ids(index.search({ ...query, limit: 5 }));
    assert.deepEqual(five, twenty.slice(0, 5));

    index.upsert(
      searchDocument({ id: 'cheapest', name: '무선 이어폰 특가', price: 10, status: 'ON_SALE', day: 1 }),
    );
    assert.equal(ids(index.search(query))[0], 'cheapest');
    assert.equal(index.search(query).total, 601);
  });
});
