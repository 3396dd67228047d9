import { createRoute } from '@hono/zod-openapi';
import type { CategoryCatalog } from '../../application/catalog/categories';
import type { CategoryAdministration } from '../../application/catalog/category-admin';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { categoryIdParam, changeCategoryBody } from './catalog-management.schemas';
import { categoryBody, categoryResponse } from './catalog.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** The category tree is the platform's: admins add, rename, move and delete categories. */
export function createAdminCategoryRoutes(deps: {
  categories: CategoryCatalog;
  categoryAdmin: CategoryAdministration;
  authenticate: Authenticate;
}) {
  const router = createRouter();
  const create = createRoute({
    method: 'post',
    path: '/admin/categories',
    tags: ['admin'],
    summary: 'Add a category (top level, or under parentId)',
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('ADMIN')],
    request: { body: { ...json(categoryBody), required: true } },
    responses: {
      201: { description: 'created', ...json(categoryResponse) },
      400: problemResponse('VALIDATION_FAILED, CATEGORY_NOT_FOUND (parent)'),
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN: admins only'),
      409: problemResponse('CATEGORY_NAME_TAKEN'),
    },
  });
  router.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const category = await deps.categories.createCategory(body);
    return c.json(
      { id: category.id, name: category.name, parentId: category.parentId, depth: category.depth },
      201,
    );
  });

  const change = createRoute({
    method: 'patch',
    path: '/admin/categories/{id}',
    tags: ['admin'],
    summary: 'Rename a category and/or move it (with its subcategories) under parentId; null: top level',
    description:
      "A move under the category itself or one of its subcategories is refused. Search results' category paths follow shortly after.",
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('ADMIN')],
    request: { params: categoryIdParam, body: { ...json(changeCategoryBody), required: true } },
    responses: {
      200: { description: 'changed', ...json(categoryResponse) },
      400: problemResponse('VALIDATION_FAILED, CATEGORY_NOT_FOUND (parent)'),
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN: admins only'),
      404: problemResponse('NOT_FOUND: no such category'),
      409: problemResponse('CATEGORY_NAME_TAKEN'),
    },
  });
  router.openapi(change, async (c) => {
    const category = await deps.categoryAdmin.changeCategory(c.req.valid('param').id, c.req.valid('json'));
    return c.json(
      { id: category.id, name: category.name, parentId: category.parentId, depth: category.depth },
      200,
    );
  });

  const remove = createRoute({
    method: 'delete',
    path: '/admin/categories/{id}',
    tags: ['admin'],
    summary: 'Delete a category no product and no subcategory uses',
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('ADMIN')],
    request: { params: categoryIdParam },
    responses: {
      204: { description: 'deleted' },
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN: admins only'),
      404: problemResponse('NOT_FOUND: no such category'),
      409: problemResponse('CATEGORY_IN_USE: products or subcategories still use it'),
    },
  });
  router.openapi(remove, async (c) => {
    await deps.categoryAdmin.deleteCategory(c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}
