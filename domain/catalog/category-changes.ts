import { invalidField } from './catalog-errors';
import { MAX_CATEGORY_DEPTH, type Category } from './category';

export function validCategoryName(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  if ([...trimmed].length < 1 || [...trimmed].length > 50)
    throw invalidField('body.name', 'must be 1–50 characters');
  return trimmed;
}

/**
 * Moves a category (the first of `subtree`, with everything below it) under `parent`, or to the
 * top level: every path is re-rooted and every depth shifted, so the subtree stays consistent.
 * A move under the category itself or one of its descendants is refused.
 */
export function moveSubtree(subtree: readonly Category[], parent: Category | null): Category[] {
  const root = subtree[0]!;
  if (parent && parent.path.startsWith(root.path))
    throw invalidField('body.parentId', 'a category cannot move under itself or one of its subcategories');
  const newPath = `${parent?.path ?? '/'}${root.id}/`;
  const shift = (parent ? parent.depth + 1 : 0) - root.depth;
  const deepest = Math.max(...subtree.map((c) => c.depth)) + shift;
  if (deepest >= MAX_CATEGORY_DEPTH)
    throw invalidField('body.parentId', `categories nest at most ${MAX_CATEGORY_DEPTH} levels`);
  return subtree.map((category) => ({
    ...category,
    parentId: category.id === root.id ? (parent?.id ?? null) : category.parentId,
    path: newPath + category.path.slice(root.path.length),
    depth: category.depth + shift,
  }));
}
