import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable, idColumn, refColumn, stringColumn, timestampColumn } from './portable-columns';

/**
 * Identity: accounts, seller profiles, manager assignments and refresh tokens. Personal data sits
 * only in `*_ciphertext` columns (AES-256-GCM, key id inside the value) and `*_hash` columns
 * (HMAC-SHA256 for look-ups); nothing personal is stored in plain text.
 */
export class Identity1732410000000 implements MigrationInterface {
  name = 'Identity1732410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          stringColumn('role', 16),
          stringColumn('status', 16),
          stringColumn('email_ciphertext', 512, true),
          stringColumn('email_hash', 64, true),
          stringColumn('name_ciphertext', 512, true),
          stringColumn('phone_ciphertext', 256, true),
          stringColumn('phone_hash', 64, true),
          stringColumn('password_hash', 255, true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
          timestampColumn(queryRunner, 'withdrawn_at', true),
        ],
        indices: [
          // NULLs do not collide, so a withdrawn account (hash erased) frees its email for a new signup.
          { name: 'ux_users_email_hash', columnNames: ['email_hash'], isUnique: true },
          { name: 'ix_users_phone_hash', columnNames: ['phone_hash'] },
          { name: 'ix_users_role_id', columnNames: ['role', 'id'] },
        ],
        checks: [
          { name: 'ck_users_role', expression: "role IN ('CONSUMER', 'SELLER', 'MANAGER', 'ADMIN')" },
          { name: 'ck_users_status', expression: "status IN ('ACTIVE', 'WITHDRAWN')" },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'seller_profiles',
        columns: [
          { ...refColumn('seller_id'), isPrimary: true },
          stringColumn('business_number', 10),
          stringColumn('company_name', 100),
          stringColumn('representative_ciphertext', 512, true),
          stringColumn('contact_phone_ciphertext', 256, true),
          stringColumn('settlement_account_ciphertext', 1024, true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [{ name: 'ix_seller_profiles_business_number', columnNames: ['business_number'] }],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'manager_assignments',
        columns: [
          idColumn(),
          refColumn('seller_id'),
          refColumn('manager_id'),
          stringColumn('permissions', 200),
          timestampColumn(queryRunner, 'assigned_at'),
          refColumn('assigned_by'),
          timestampColumn(queryRunner, 'revoked_at', true),
          refColumn('revoked_by', true),
        ],
        indices: [
          {
            name: 'ux_manager_assignments_seller_manager',
            columnNames: ['seller_id', 'manager_id'],
            isUnique: true,
          },
          { name: 'ix_manager_assignments_manager', columnNames: ['manager_id', 'revoked_at'] },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'refresh_token_families',
        columns: [
          idColumn(),
          refColumn('user_id'),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'expires_at'),
          timestampColumn(queryRunner, 'revoked_at', true),
          stringColumn('revoked_reason', 20, true),
        ],
        indices: [{ name: 'ix_refresh_token_families_user', columnNames: ['user_id', 'revoked_at'] }],
        checks: [
          {
            name: 'ck_refresh_token_families_reason',
            expression:
              "revoked_reason IS NULL OR revoked_reason IN ('LOGOUT', 'REUSE_DETECTED', 'WITHDRAWAL', 'ADMIN')",
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'refresh_tokens',
        columns: [
          idColumn(),
          refColumn('family_id'),
          refColumn('user_id'),
          stringColumn('secret_hash', 64),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'expires_at'),
          timestampColumn(queryRunner, 'used_at', true),
        ],
        indices: [{ name: 'ix_refresh_tokens_family', columnNames: ['family_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'refresh_tokens',
      'refresh_token_families',
      'manager_assignments',
      'seller_profiles',
      'users',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
