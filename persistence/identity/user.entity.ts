import { EntitySchema } from 'typeorm';
import { id, text, time } from '../entity-columns';

export interface UserRow {
  id: string;
  role: string;
  status: string;
  emailCiphertext: string | null;
  emailHash: string | null;
  nameCiphertext: string | null;
  phoneCiphertext: string | null;
  phoneHash: string | null;
  passwordHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id,
    role: text('role', 16),
    status: text('status', 16),
    emailCiphertext: text('email_ciphertext', 512, true),
    emailHash: text('email_hash', 64, true),
    nameCiphertext: text('name_ciphertext', 512, true),
    phoneCiphertext: text('phone_ciphertext', 256, true),
    phoneHash: text('phone_hash', 64, true),
    passwordHash: text('password_hash', 255, true),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
    withdrawnAt: time('withdrawn_at', true),
    suspendedAt: time('suspended_at', true),
    suspensionReason: text('suspension_reason', 500, true),
  },
});
