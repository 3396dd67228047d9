import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  createTable,
  idColumn,
  intColumn,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * Settlement: lines payable to sellers (once per order line, with the fee rate in force), refund
 * adjustments (once per refund), weekly settlements (once per seller and week) with a snapshot of
 * their lines, payouts (one bank transfer per settlement) and tax invoices (one per settlement).
 * A payable line or adjustment belongs to the settlement that paid it out (`settlement_id`), so it
 * can never be paid twice; carried-over lines keep `settlement_id` NULL.
 */
export class Settlement1732490000000 implements MigrationInterface {
  name = 'Settlement1732490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'payable_lines',
        columns: [
          idColumn(),
          refColumn('order_line_id'),
          refColumn('order_id'),
          stringColumn('order_number', 40),
          refColumn('seller_id'),
          stringColumn('product_name', 200),
          intColumn('quantity'),
          bigintColumn('amount'),
          intColumn('fee_rate_bps'),
          bigintColumn('fee'),
          timestampColumn(queryRunner, 'purchase_confirmed_at'),
          timestampColumn(queryRunner, 'payable_at'),
          refColumn('settlement_id', true),
          timestampColumn(queryRunner, 'recorded_at'),
        ],
        indices: [
          { name: 'ux_payable_lines_order_line', columnNames: ['order_line_id'], isUnique: true },
          { name: 'ix_payable_lines_pending', columnNames: ['settlement_id', 'payable_at', 'seller_id'] },
          { name: 'ix_payable_lines_seller', columnNames: ['seller_id', 'settlement_id', 'payable_at'] },
        ],
        checks: [
          {
            name: 'ck_payable_lines_amounts',
            expression: 'amount > 0 AND quantity > 0 AND fee >= 0 AND fee <= amount',
          },
          { name: 'ck_payable_lines_rate', expression: 'fee_rate_bps >= 0 AND fee_rate_bps <= 10000' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'settlement_adjustments',
        columns: [
          idColumn(),
          stringColumn('refund_id', 100),
          refColumn('seller_id'),
          refColumn('order_id'),
          bigintColumn('amount'),
          stringColumn('reason', 200),
          timestampColumn(queryRunner, 'occurred_at'),
          timestampColumn(queryRunner, 'recorded_at'),
          refColumn('recorded_by', true),
          refColumn('settlement_id', true),
        ],
        indices: [
          { name: 'ux_settlement_adjustments_refund', columnNames: ['refund_id'], isUnique: true },
          {
            name: 'ix_settlement_adjustments_pending',
            columnNames: ['settlement_id', 'occurred_at', 'seller_id'],
          },
          { name: 'ix_settlement_adjustments_seller', columnNames: ['seller_id', 'settlement_id'] },
        ],
        checks: [{ name: 'ck_settlement_adjustments_amount', expression: 'amount > 0' }],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'settlements',
        columns: [
          idColumn(),
          refColumn('seller_id'),
          stringColumn('week_id', 8),
          timestampColumn(queryRunner, 'period_start'),
          timestampColumn(queryRunner, 'cutoff'),
          stringColumn('status', 16),
          bigintColumn('gross'),
          bigintColumn('fee'),
          bigintColumn('refunds'),
          bigintColumn('net'),
          intColumn('sale_count'),
          intColumn('refund_count'),
          stringColumn('failure_code', 80, true),
          stringColumn('failure_message', 500, true),
          timestampColumn(queryRunner, 'paid_out_at', true),
          refColumn('statement_notification_id', true),
          timestampColumn(queryRunner, 'statement_sent_at', true),
          timestampColumn(queryRunner, 'completed_at', true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ux_settlements_seller_week', columnNames: ['seller_id', 'week_id'], isUnique: true },
          { name: 'ix_settlements_week_status', columnNames: ['week_id', 'status'] },
          { name: 'ix_settlements_seller_cutoff', columnNames: ['seller_id', 'cutoff', 'id'] },
        ],
        checks: [
          {
            name: 'ck_settlements_status',
            expression:
              "status IN ('CARRIED_OVER', 'PAYOUT_PENDING', 'PAID_OUT', 'COMPLETED', 'PAYOUT_FAILED')",
          },
          { name: 'ck_settlements_net', expression: 'net = gross - fee - refunds' },
          { name: 'ck_settlements_amounts', expression: 'gross >= 0 AND fee >= 0 AND refunds >= 0' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'settlement_lines',
        columns: [
          idColumn(),
          refColumn('settlement_id'),
          stringColumn('kind', 8),
          stringColumn('source_id', 100),
          refColumn('order_id'),
          stringColumn('order_number', 40, true),
          stringColumn('description', 200),
          intColumn('quantity', { nullable: true }),
          bigintColumn('amount'),
          intColumn('fee_rate_bps', { nullable: true }),
          bigintColumn('fee', { default: 0 }),
          timestampColumn(queryRunner, 'occurred_at'),
        ],
        indices: [
          {
            name: 'ux_settlement_lines_source',
            columnNames: ['settlement_id', 'kind', 'source_id'],
            isUnique: true,
          },
        ],
        checks: [{ name: 'ck_settlement_lines_kind', expression: "kind IN ('SALE', 'REFUND')" }],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'settlement_payouts',
        columns: [
          { ...refColumn('settlement_id'), isPrimary: true },
          bigintColumn('amount'),
          stringColumn('bank_code', 3),
          stringColumn('account_masked', 20),
          stringColumn('transfer_id', 40),
          stringColumn('status', 12),
          stringColumn('vendor_code', 20, true),
          stringColumn('vendor_message', 300, true),
          textColumn(queryRunner, 'raw_response', true),
          timestampColumn(queryRunner, 'requested_at'),
          timestampColumn(queryRunner, 'paid_at', true),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [{ name: 'ux_settlement_payouts_transfer', columnNames: ['transfer_id'], isUnique: true }],
        checks: [
          { name: 'ck_settlement_payouts_status', expression: "status IN ('REQUESTED', 'PAID', 'FAILED')" },
          { name: 'ck_settlement_payouts_amount', expression: 'amount > 0' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'tax_invoices',
        columns: [
          { ...refColumn('settlement_id'), isPrimary: true },
          stringColumn('mgt_key', 24),
          stringColumn('status', 12),
          stringColumn('nts_confirm_num', 24, true),
          stringColumn('write_date', 8),
          bigintColumn('supply_cost'),
          bigintColumn('tax'),
          bigintColumn('total'),
          timestampColumn(queryRunner, 'issued_at', true),
          stringColumn('failure_code', 40, true),
          stringColumn('failure_message', 500, true),
          textColumn(queryRunner, 'raw_response', true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [{ name: 'ux_tax_invoices_mgt_key', columnNames: ['mgt_key'], isUnique: true }],
        checks: [
          { name: 'ck_tax_invoices_status', expression: "status IN ('ISSUED', 'FAILED')" },
          { name: 'ck_tax_invoices_amounts', expression: 'supply_cost + tax = total AND total >= 0' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'tax_invoices',
      'settlement_payouts',
      'settlement_lines',
      'settlements',
      'settlement_adjustments',
      'payable_lines',
    ])
      await queryRunner.dropTable(table);
  }
}
