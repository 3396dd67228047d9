import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorize, resolveActingSeller } from './access-policy';
import type { Principal } from './principal';
import {
  decideRefresh,
  nextTokenExpiry,
  type RefreshTokenFamily,
  type RefreshTokenRecord,
} from './refresh-token';

const seller = (id: string): Principal => ({ userId: id, role: 'SELLER', sessionId: 's', grants: [] });
const admin: Principal = { userId: 'admin', role: 'ADMIN', sessionId: 's', grants: [] };
const consumer: Principal = { userId: 'c', role: 'CONSUMER', sessionId: 's', grants: [] };
const manager: Principal = {
  userId: 'm',
  role: 'MANAGER',
  sessionId: 's',
  grants: [
    { sellerId: 'A', permissions: ['PRODUCTS', 'ORDERS'] },
    { sellerId: 'C', permissions: ['CHAT'] },
  ],
};

describe('authorize: who may act for a seller', () => {
  test('a seller acts for itself only', () => {
    assert.deepEqual(authorize(seller('A'), { sellerId: 'A', permission: 'PRODUCTS' }), {
      allowed: true,
      actingAs: 'SELLER',
      sellerId: 'A',
    });
    assert.deepEqual(authorize(seller('A'), { sellerId: 'B', permission: 'PRODUCTS' }), {
      allowed: false,
      reason: 'OTHER_SELLER',
    });
    assert.equal(authorize(seller('A'), { sellerId: 'A', permission: null }).allowed, true);
  });

  test('a consumer never acts for a seller', () => {
    assert.deepEqual(authorize(consumer, { sellerId: 'A', permission: 'ORDERS' }), {
      allowed: false,
      reason: 'NOT_A_SELLER_ROLE',
    });
  });

  test('a manager acts only for assigning sellers and only within the granted permissions', () => {
    assert.equal(authorize(manager, { sellerId: 'A', permission: 'PRODUCTS' }).allowed, true);
    assert.equal(authorize(manager, { sellerId: 'A', permission: 'ORDERS' }).allowed, true);
    assert.deepEqual(authorize(manager, { sellerId: 'A', permission: 'CHAT' }), {
      allowed: false,
      reason: 'MISSING_PERMISSION',
    });
    assert.deepEqual(authorize(manager, { sellerId: 'A', permission: 'SETTLEMENTS_READ' }), {
      allowed: false,
      reason: 'MISSING_PERMISSION',
    });
    assert.deepEqual(authorize(manager, { sellerId: 'B', permission: 'PRODUCTS' }), {
      allowed: false,
      reason: 'NOT_ASSIGNED',
    });
    assert.deepEqual(authorize(manager, { sellerId: 'A', permission: null }), {
      allowed: false,
      reason: 'OWNER_ONLY',
    });
  });

  test('an admin may, unless the action excludes admins', () => {
    assert.deepEqual(authorize(admin, { sellerId: 'A', permission: 'ORDERS' }), {
      allowed: true,
      actingAs: 'ADMIN',
      sellerId: 'A',
    });
    assert.deepEqual(authorize(admin, { sellerId: 'A', permission: 'SETTLEMENTS_READ', adminMay: false }), {
      allowed: false,
      reason: 'ADMIN_NOT_ALLOWED',
    });
  });

  test('the acting seller defaults to the seller itself or a single-seller manager’s seller', () => {
    assert.equal(resolveActingSeller(seller('A'), undefined), 'A');
    assert.equal(resolveActingSeller({ ...manager, grants: [manager.grants[0]!] }, undefined), 'A');
    assert.equal(resolveActingSeller(manager, undefined), undefined);
    assert.equal(resolveActingSeller(manager, 'C'), 'C');
    assert.equal(resolveActingSeller(admin, undefined), undefined);
  });
});

describe('refresh-token rotation rules', () => {
  const now = new Date('2025-03-03T00:00:00Z');
  const family: RefreshTokenFamily = {
    id: 'f',
    userId: 'u',
    createdAt: now,
    expiresAt: new Date('2025-06-01T00:00:00Z'),
    revokedAt: null,
    revokedReason: null,
  };
  const token: RefreshTokenRecord = {
    id: 't',
    familyId: 'f',
    userId: 'u',
    expiresAt: new Date('2025-03-17T00:00:00Z'),
    usedAt: null,
  };

  test('an unused, unexpired token of a live family rotates', () => {
    assert.deepEqual(decideRefresh(token, family, now), { kind: 'rotate' });
  });

  test('a spent token is a reuse', () => {
    assert.deepEqual(decideRefresh({ ...token, usedAt: now }, family, now), { kind: 'reuse-detected' });
  });

  test('expired tokens and revoked families are rejected', () => {
    assert.deepEqual(decideRefresh(token, family, new Date('2025-03-18T00:00:00Z')), {
      kind: 'rejected',
      reason: 'expired',
    });
    assert.deepEqual(decideRefresh(token, { ...family, revokedAt: now, revokedReason: 'LOGOUT' }, now), {
      kind: 'rejected',
      reason: 'revoked',
    });
  });

  test('the next token never outlives the family', () => {
    const late = new Date('2025-05-25T00:00:00Z');
    assert.deepEqual(nextTokenExpiry(family, late, 14 * 86400_000), family.expiresAt);
    assert.deepEqual(nextTokenExpiry(family, now, 14 * 86400_000), new Date('2025-03-17T00:00:00Z'));
  });
});
