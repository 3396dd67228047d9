import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { createProduct } from '../../domain/catalog/product';
import { TypeOrmProductRepository } from '../../persistence/catalog/typeorm-product.repository';
import { TypeOrmUnitOfWork } from '../../persistence/inventory/typeorm-unit-of-work';
import { uuidv7 } from '../../platform/ids';
import { openTestDataSource } from '../support/database';
import { openSqliteDatabase } from '../support/sqlite-database';

/**
 * A product page's miss reads the product, its variants and its images in plain SQL
 * (persistence/catalog/product-rows.ts): what is stored is what comes back, on both databases.
 */
for (const kind of ['mariadb', 'sqlite'] as const) {
  describe(`a product read back as stored (${kind})`, () => {
    let directory: string | undefined;
    let dataSource: DataSource;
    let products: TypeOrmProductRepository;
    let uow: TypeOrmUnitOfWork;

    before(async () => {
      if (kind === 'mariadb') dataSource = await openTestDataSource();
      else ({ directory, dataSource } = await openSqliteDatabase('jangteo-product-rows-'));
      products = new TypeOrmProductRepository(dataSource);
      uow = new TypeOrmUnitOfWork(dataSource);
    });

    after(async () => {
      await dataSource.destroy();
      if (directory) rmSync(directory, { recursive: true, force: true });
    });

    const newProduct = (
      variants: { colour: string; priceDelta: number }[],
      shipping: { shippingFee: number | null; bundleShipping: boolean } = {
        shippingFee: 3_000,
        bundleShipping: false,
      },
    ) =>
      createProduct(
        {
          sellerId: uuidv7(),
          name: '무선 블루투스 이어폰',
          description: '노이즈 캔슬링 "프로" 모델\n한정 수량',
          price: 59_000,
          categoryId: null,
          options: [{ name: '색상', values: variants.map((v) => v.colour) }],
          variants: variants.map((v) => ({
            options: { 색상: v.colour },
            stock: 3,
            priceDelta: v.priceDelta,
          })),
          ...shipping,
        },
        { newId: uuidv7, now: new Date(Date.UTC(2026, 11, 7, 1, 2, 3, 456)) },
      ).product;

    test('variants and images come back as stored, images in their order, with their times', async () => {
      const product = newProduct([
        { colour: '블랙', priceDelta: 0 },
        { colour: '화이트', priceDelta: 2_000 },
        { colour: '레드', priceDelta: -1_000 },
      ]);
      const images = [1, 0].map((position) => ({
        id: uuidv7(),
        key: `${product.id}-${position}.webp`,
        contentType: 'image/webp',
        sizeBytes: 1_000 + position,
        position,
        createdAt: new Date(Date.UTC(2026, 11, 7, 2, 0, position, 789)),
      }));
      await uow.run(async (tx) => {
        await products.insert(product, tx);
        for (const image of images) await products.addImage(product.id, image, tx);
      });

      const read = await products.findVersioned(product.id);
      assert.ok(read);
      assert.equal(read.version, 1);
      assert.deepEqual(read.product, {
        ...product,
        images: [...images].sort((a, b) => a.position - b.position),
      });
    });

    test('a product without images reads with none; an unknown id reads as nothing', async () => {
      const product = newProduct([{ colour: '블랙', priceDelta: 0 }]);
      await uow.run((tx) => products.insert(product, tx));
      assert.deepEqual((await products.findById(product.id))?.images, []);
      assert.equal(await products.findById(uuidv7()), null);
    });

    test("a product on the seller's default fee with bundled shipping reads back so", async () => {
      const product = newProduct([{ colour: '화이트', priceDelta: 500 }], {
        shippingFee: null,
        bundleShipping: true,
      });
      await uow.run((tx) => products.insert(product, tx));
      const read = await products.findById(product.id);
      assert.equal(read?.shippingFee, null);
      assert.equal(read?.bundleShipping, true);
      assert.deepEqual(read, product);
    });
  });
}
