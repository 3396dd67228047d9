import { categoryNotFound, type Category } from '../../domain/catalog/category';
import { moveSubtree, validCategoryName } from '../../domain/catalog/category-changes';
import { DomainError } from '../../domain/shared/domain-error';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { catalogEvent, type CatalogDeps } from './catalog-deps';

type Deps = Pick<CatalogDeps, 'categories' | 'cache' | 'transactions' | 'outbox' | 'newId' | 'now'>;

const missing = (id: string) =>
  new DomainError('NOT_FOUND', `There is no category ${id}`, { categoryId: id });

/**
 * Administrators rename, move and delete categories. Each change writes `catalog.category.changed`
 * for the category it touched; the product-search projection re-projects the products of that
 * category's subtree, so search paths and facets follow (docs/catalog.md#the-read-model).
 */
export class CategoryAdministration {
  constructor(private readonly deps: Deps) {}

  /** Renames and/or moves; `parentId: null` moves to the top level, undefined leaves the parent. */
  async changeCategory(id: string, change: { name?: string; parentId?: string | null }): Promise<Category> {
    const changed = await this.deps.transactions.run(async (tx) => {
      const subtree = (await this.deps.categories.subtree(id, tx)).sort((a, b) => a.depth - b.depth);
      let root = subtree[0];
      if (!root) throw missing(id);
      let updates: Category[] = [];
      if (change.parentId !== undefined && change.parentId !== root.parentId) {
        const parent = change.parentId ? await this.deps.categories.findById(change.parentId) : null;
        if (change.parentId && !parent) throw categoryNotFound(change.parentId, 'body.parentId');
        updates = moveSubtree(subtree, parent);
        root = updates[0]!;
      }
      if (change.name !== undefined) {
        root = { ...root, name: validCategoryName(change.name) };
        updates = [root, ...updates.slice(1)];
      }
      if (updates.length === 0) return root;
      if (
        (root.name !== subtree[0]!.name || root.parentId !== subtree[0]!.parentId) &&
        (await this.deps.categories.nameTaken(root.parentId, root.name))
      )
        throw new DomainError(
          'CATEGORY_NAME_TAKEN',
          `body.name: "${root.name}" already exists at this level`,
          {
            errors: [{ field: 'body.name', message: 'already exists at this level' }],
          },
        );
      await this.deps.categories.update(updates, tx);
      await this.announce(id, tx);
      return root;
    });
    await this.changed();
    return changed;
  }

  /** Deletes a category no product and no subcategory uses (409 CATEGORY_IN_USE otherwise). */
  async deleteCategory(id: string): Promise<void> {
    await this.deps.transactions.run(async (tx) => {
      if (!(await this.deps.categories.findById(id))) throw missing(id);
      const usage = await this.deps.categories.usage(id, tx);
      if (usage.products > 0 || usage.children > 0) {
        const uses = [
          usage.products > 0 ? `${usage.products} product(s)` : null,
          usage.children > 0 ? `${usage.children} subcategory(ies)` : null,
        ].filter((u) => u !== null);
        throw new DomainError(
          'CATEGORY_IN_USE',
          `The category is still used by ${uses.join(' and ')}: move them to another category first`,
          { categoryId: id, products: usage.products, children: usage.children },
        );
      }
      await this.deps.categories.delete(id, tx);
      await this.announce(id, tx);
    });
    await this.changed();
  }

  /** The tree goes, and so do cached category subtrees of search filters (a move changes them). */
  private async changed(): Promise<void> {
    await this.deps.cache.invalidateCategories();
    await this.deps.cache.invalidate([]);
  }

  private announce(categoryId: string, tx: Transaction) {
    return this.deps.outbox.append(
      [
        catalogEvent(
          this.deps,
          'catalog.category.changed',
          { type: 'category', id: categoryId },
          { categoryId },
        ),
      ],
      tx,
    );
  }
}
