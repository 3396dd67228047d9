import { createRoute } from '@hono/zod-openapi';
import type { CategoryCatalog } from '../../application/catalog/categories';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { categoryBody, categoryResponse } from './catalog.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** The category tree is the platform's: admins add categories. */
export function createAdminCategoryRoutes(deps: { categories: CategoryCatalog; authenticate: Authenticate }) {
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
  return router;
}
