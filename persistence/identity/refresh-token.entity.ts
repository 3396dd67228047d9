import { EntitySchema } from 'typeorm';
import { id, ref, text, time } from '../entity-columns';

export interface RefreshTokenFamilyRow {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export const RefreshTokenFamilyEntity = new EntitySchema<RefreshTokenFamilyRow>({
  name: 'RefreshTokenFamily',
  tableName: 'refresh_token_families',
  columns: {
    id,
    userId: ref('user_id'),
    createdAt: time('created_at'),
    expiresAt: time('expires_at'),
    revokedAt: time('revoked_at', true),
    revokedReason: text('revoked_reason', 20, true),
  },
});

export interface RefreshTokenRow {
  id: string;
  familyId: string;
  userId: string;
  secretHash: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export const RefreshTokenEntity = new EntitySchema<RefreshTokenRow>({
  name: 'RefreshToken',
  tableName: 'refresh_tokens',
  columns: {
    id,
    familyId: ref('family_id'),
    userId: ref('user_id'),
    secretHash: text('secret_hash', 64),
    createdAt: time('created_at'),
    expiresAt: time('expires_at'),
    usedAt: time('used_at', true),
  },
});
