import { createRoute } from '@hono/zod-openapi';
import type { SellersService } from '../../application/identity/sellers';
import { maskAccountNumber, type BankAccount } from '../../domain/identity/bank-account';
import type { SellerProfile } from '../../domain/identity/seller-profile';
import type { Authenticate } from '../middleware/authenticate';
import {
  principalOf,
  requireRole,
  requireSellerAccess,
  sellerAccessOf,
  sellerIdFromPath,
} from '../middleware/authorize';
import { createRouter } from '../router';
import { bearerSecurity, problemResponse } from './identity-fields';
import {
  assignManagerBody,
  duplicateBusinessNumbersResponse,
  managerListResponse,
  managerResponse,
  sellerIdParam,
  sellerManagerParams,
  sellerProfileResponse,
  updateSellerProfileBody,
} from './sellers.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const denied = {
  401: problemResponse('not signed in'),
  403: problemResponse('FORBIDDEN: not this seller, or not permitted'),
};

export function createSellerRoutes(deps: { sellers: SellersService; authenticate: Authenticate }) {
  const bySeller = sellerIdFromPath('sellerId');
  // Managers with settlement access may read the profile; changing it and assigning managers is the seller's (or an admin's).
  const canRead = requireSellerAccess('SETTLEMENTS_READ', bySeller);
  const ownerOnly = requireSellerAccess(null, bySeller);

  const getProfile = createRoute({
    method: 'get',
    path: '/sellers/{sellerId}/profile',
    tags: ['sellers'],
    summary: 'A seller’s business profile',
    security: bearerSecurity,
    middleware: [deps.authenticate, canRead],
    request: { params: sellerIdParam },
    responses: {
      200: { description: 'profile', ...json(sellerProfileResponse) },
      ...denied,
      404: problemResponse('SELLER_NOT_FOUND'),
    },
  });

  const patchProfile = createRoute({
    method: 'patch',
    path: '/sellers/{sellerId}/profile',
    tags: ['sellers'],
    summary: 'Change the business profile or the settlement bank account',
    security: bearerSecurity,
    middleware: [deps.authenticate, ownerOnly],
    request: { params: sellerIdParam, body: { ...json(updateSellerProfileBody), required: true } },
    responses: {
      200: { description: 'updated', ...json(sellerProfileResponse) },
      400: problemResponse('invalid field'),
      ...denied,
    },
  });

  const listManagers = createRoute({
    method: 'get',
    path: '/sellers/{sellerId}/managers',
    tags: ['sellers'],
    summary: 'Managers acting for the seller',
    security: bearerSecurity,
    middleware: [deps.authenticate, ownerOnly],
    request: { params: sellerIdParam },
    responses: { 200: { description: 'active assignments', ...json(managerListResponse) }, ...denied },
  });

  const assignManager = createRoute({
    method: 'post',
    path: '/sellers/{sellerId}/managers',
    tags: ['sellers'],
    summary: 'Assign a manager (or change an assigned manager’s permissions)',
    description:
      'The manager account (role MANAGER, created by an admin) is named by id or email. Permissions: PRODUCTS, ORDERS, CHAT, SETTLEMENTS_READ.',
    security: bearerSecurity,
    middleware: [deps.authenticate, ownerOnly],
    request: { params: sellerIdParam, body: { ...json(assignManagerBody), required: true } },
    responses: {
      201: { description: 'assigned', ...json(managerResponse) },
      200: { description: 'permissions replaced', ...json(managerResponse) },
      400: problemResponse('invalid field'),
      ...denied,
      404: problemResponse('USER_NOT_FOUND'),
      422: problemResponse('NOT_A_MANAGER'),
    },
  });

  const revokeManager = createRoute({
    method: 'delete',
    path: '/sellers/{sellerId}/managers/{managerId}',
    tags: ['sellers'],
    summary: 'Revoke a manager',
    description: 'Takes effect on the manager’s very next request.',
    security: bearerSecurity,
    middleware: [deps.authenticate, ownerOnly],
    request: { params: sellerManagerParams },
    responses: {
      204: { description: 'revoked' },
      ...denied,
      404: problemResponse('MANAGER_ASSIGNMENT_NOT_FOUND'),
    },
  });

  const duplicateBusinessNumbers = createRoute({
    method: 'get',
    path: '/admin/sellers/duplicate-business-numbers',
    tags: ['admin'],
    summary: '사업자등록번호 used by more than one seller account',
    description:
      'Each number with the seller accounts that registered it, oldest first; withdrawn accounts are listed with their status.',
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('ADMIN')],
    responses: {
      200: { description: 'shared numbers', ...json(duplicateBusinessNumbersResponse) },
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN: admins only'),
    },
  });

  const profileView = (profile: SellerProfile, fullAccount: boolean) => ({
    sellerId: profile.sellerId,
    businessNumber: profile.businessNumber.formatted(),
    companyName: profile.companyName,
    representative: profile.representative,
    contactPhone: profile.contactPhone?.formatted() ?? null,
    mailOrderNumber: profile.mailOrderNumber ?? null,
    businessAddress: profile.businessAddress ?? null,
    customerServicePhone: profile.customerServicePhone?.formatted() ?? null,
    settlementAccount: accountView(profile.settlementAccount, fullAccount),
    updatedAt: profile.updatedAt.toISOString(),
  });

  return createRouter()
    .openapi(getProfile, async (c) => {
      const access = sellerAccessOf(c);
      return c.json(
        profileView(await deps.sellers.profile(access.sellerId), access.actingAs !== 'MANAGER'),
        200,
      );
    })
    .openapi(patchProfile, async (c) => {
      const access = sellerAccessOf(c);
      return c.json(
        profileView(await deps.sellers.updateProfile(access.sellerId, c.req.valid('json')), true),
        200,
      );
    })
    .openapi(duplicateBusinessNumbers, async (c) => {
      const groups = await deps.sellers.duplicateBusinessNumbers();
      return c.json(
        {
          items: groups.map((g) => ({
            businessNumber: g.businessNumber.formatted(),
            sellers: g.sellers.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
          })),
        },
        200,
      );
    })
    .openapi(listManagers, async (c) => {
      const { sellerId } = sellerAccessOf(c);
      const items = await deps.sellers.listManagers(sellerId);
      return c.json(
        { items: items.map((m) => ({ sellerId, ...m, assignedAt: m.assignedAt.toISOString() })) },
        200,
      );
    })
    .openapi(assignManager, async (c) => {
      const { sellerId } = sellerAccessOf(c);
      const body = c.req.valid('json');
      const { assignment, manager, created } = await deps.sellers.assignManager(
        sellerId,
        { managerId: body.managerId, email: body.email },
        body.permissions,
        principalOf(c).userId,
      );
      const view = {
        sellerId,
        managerId: manager.id,
        email: manager.email?.value ?? null,
        name: manager.name,
        permissions: assignment.permissions,
        assignedAt: assignment.assignedAt.toISOString(),
      };
      return created ? c.json(view, 201) : c.json(view, 200);
    })
    .openapi(revokeManager, async (c) => {
      const { sellerId } = sellerAccessOf(c);
      await deps.sellers.revokeManager(sellerId, c.req.valid('param').managerId, principalOf(c).userId);
      return c.body(null, 204);
    });
}

export function accountView(account: BankAccount | null, full: boolean) {
  if (!account) return null;
  return {
    bankCode: account.bankCode,
    accountNumber: full ? account.accountNumber : maskAccountNumber(account.accountNumber),
    holder: account.holder,
  };
}
