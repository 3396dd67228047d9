import { createRoute } from '@hono/zod-openapi';
import type { AddressBookService } from '../../application/ordering/address-book';
import type { SavedAddress } from '../../domain/ordering/address-book';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { addressIdParam, savedAddressBody, savedAddressList, savedAddressView } from './address-book.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const savedAddressJson = (saved: SavedAddress) => ({
  id: saved.id,
  label: saved.label,
  isDefault: saved.isDefault,
  recipient: saved.address.recipient,
  phone: saved.address.phone,
  zipCode: saved.address.zipCode,
  address1: saved.address.address1,
  address2: saved.address.address2,
  deliveryMemo: saved.address.deliveryMemo ?? null,
  createdAt: saved.createdAt.toISOString(),
  updatedAt: saved.updatedAt.toISOString(),
});

/** The consumer's address book (배송지 관리): `addressId` of one of these places an order there. */
export function createAddressBookRoutes(deps: { addresses: AddressBookService; authenticate: Authenticate }) {
  const router = createRouter();
  const guard = [deps.authenticate, requireRole('CONSUMER')];
  const common = { 401: problemResponse('not signed in'), 403: problemResponse('FORBIDDEN: consumers only') };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/addresses',
      tags: ['ordering'],
      summary: 'Your saved delivery addresses',
      security: bearerSecurity,
      middleware: guard,
      responses: { 200: { description: 'the address book', ...json(savedAddressList) }, ...common },
    }),
    async (c) => {
      const saved = await deps.addresses.list(principalOf(c).userId);
      const ordered = [...saved.filter((a) => a.isDefault), ...saved.filter((a) => !a.isDefault)];
      return c.json({ items: ordered.map(savedAddressJson) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/addresses',
      tags: ['ordering'],
      summary: 'Save a delivery address (at most 10; the first becomes the default)',
      security: bearerSecurity,
      middleware: guard,
      request: { body: { ...json(savedAddressBody), required: true } },
      responses: {
        201: { description: 'saved', ...json(savedAddressView) },
        400: problemResponse('VALIDATION_FAILED'),
        ...common,
        422: problemResponse('ADDRESS_BOOK_FULL'),
      },
    }),
    async (c) =>
      c.json(savedAddressJson(await deps.addresses.add(principalOf(c).userId, c.req.valid('json'))), 201),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/me/addresses/{id}',
      tags: ['ordering'],
      summary: 'Replace a saved address (`isDefault: true` makes it the default)',
      security: bearerSecurity,
      middleware: guard,
      request: { params: addressIdParam, body: { ...json(savedAddressBody), required: true } },
      responses: {
        200: { description: 'replaced', ...json(savedAddressView) },
        400: problemResponse('VALIDATION_FAILED'),
        ...common,
        404: problemResponse('ADDRESS_NOT_FOUND'),
      },
    }),
    async (c) =>
      c.json(
        savedAddressJson(
          await deps.addresses.replace(principalOf(c).userId, c.req.valid('param').id, c.req.valid('json')),
        ),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/me/addresses/{id}',
      tags: ['ordering'],
      summary: 'Delete a saved address (deleting the default makes the newest remaining one the default)',
      security: bearerSecurity,
      middleware: guard,
      request: { params: addressIdParam },
      responses: { 204: { description: 'deleted' }, ...common, 404: problemResponse('ADDRESS_NOT_FOUND') },
    }),
    async (c) => {
      await deps.addresses.remove(principalOf(c).userId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return router;
}
