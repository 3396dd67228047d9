import {
  buildCategoryTree,
  categoryNotFound,
  createCategory,
  type Category,
  type CategoryNode,
} from '../../domain/catalog/category';
import { DomainError } from '../../domain/shared/domain-error';
import { catalogEvent, type CatalogDeps } from './catalog-deps';

/** The category tree: administrators add categories, shoppers browse the (cached) tree. */
export class CategoryCatalog {
  constructor(
    private readonly deps: Pick<
      CatalogDeps,
      'categories' | 'cache' | 'transactions' | 'outbox' | 'newId' | 'now'
    >,
  ) {}

  async createCategory(input: {
    name: string;
    parentId?: string | null;
    position?: number;
  }): Promise<Category> {
    const parent = input.parentId ? await this.deps.categories.findById(input.parentId) : null;
    if (input.parentId && !parent) throw categoryNotFound(input.parentId, 'body.parentId');
    const category = createCategory(
      { name: input.name, parent, position: input.position },
      { newId: this.deps.newId, now: this.deps.now() },
    );
    if (await this.deps.categories.nameTaken(category.parentId, category.name)) {
      throw new DomainError(
        'CATEGORY_NAME_TAKEN',
        `body.name: "${category.name}" already exists at this level`,
        {
          errors: [{ field: 'body.name', message: 'already exists at this level' }],
        },
      );
    }
    await this.deps.transactions.run(async (tx) => {
      await this.deps.categories.insert(category, tx);
      await this.deps.outbox.append(
        [
          catalogEvent(
            this.deps,
            'catalog.category.changed',
            { type: 'category', id: category.id },
            { categoryId: category.id },
          ),
        ],
        tx,
      );
    });
    await this.deps.cache.invalidateCategories();
    return category;
  }

  categoryTree(): Promise<CategoryNode[]> {
    return this.deps.cache.categories(async () => buildCategoryTree(await this.deps.categories.list()));
  }
}
