import { CatalogErrorCode, invalidField } from './catalog-errors';

export const MAX_CATEGORY_DEPTH = 5;

/**
 * A node of the admin-managed category tree. `path` lists the ids from the root down to this node
 * (`/rootId/childId/`), so a subtree is every category whose path starts with this one's.
 */
export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  depth: number;
  position: number;
  createdAt: Date;
}

export interface CategoryNode {
  id: string;
  name: string;
  children: CategoryNode[];
}

export function createCategory(
  input: { name: string; parent: Category | null; position?: number },
  deps: { newId: () => string; now: Date },
): Category {
  const name = input.name.normalize('NFC').trim();
  if ([...name].length < 1 || [...name].length > 50)
    throw invalidField('body.name', 'must be 1–50 characters');
  const depth = input.parent ? input.parent.depth + 1 : 0;
  if (depth >= MAX_CATEGORY_DEPTH) {
    throw invalidField('body.parentId', `categories nest at most ${MAX_CATEGORY_DEPTH} levels`);
  }
  const id = deps.newId();
  return {
    id,
    parentId: input.parent?.id ?? null,
    name,
    path: `${input.parent?.path ?? '/'}${id}/`,
    depth,
    position: input.position ?? 0,
    createdAt: deps.now,
  };
}

export function categoryNotFound(id: string, field = 'categoryId') {
  return invalidField(field, `no category ${id}`, CatalogErrorCode.CATEGORY_NOT_FOUND);
}

/** Nests a flat list (any order) into the tree shown to shoppers, siblings by position then name. */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const sorted = [...categories].sort(
    (a, b) => a.depth - b.depth || a.position - b.position || a.name.localeCompare(b.name, 'ko'),
  );
  const nodes = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const category of sorted) {
    const node: CategoryNode = { id: category.id, name: category.name, children: [] };
    nodes.set(category.id, node);
    const parent = category.parentId ? nodes.get(category.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
