import {
  In,
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import {
  FINISHED_ORDER_STATUSES,
  type RetentionBatch,
  type RetentionBatchInput,
  type RetentionCounts,
  type RetentionStore,
  type RetentionTable,
} from '../../domain/retention/retention';
import {
  NotificationAttemptEntity,
  NotificationEntity,
  NotificationEventEntity,
} from '../notification/notification.entities';
import { OrderCheckoutEntity, OrderReturnEntity } from '../ordering/after-sale.entities';
import {
  OrderEntity,
  OrderHistoryEntity,
  OrderLineEntity,
  OrderPartEntity,
} from '../ordering/ordering.entities';
import {
  PaymentEntity,
  PaymentEventEntity,
  PointsHoldEntity,
  PointsLedgerEntity,
} from '../payment/payment.entities';
import { RefundEntity } from '../payment/refund.entity';
import { AdjustmentEntity, PayableLineEntity } from '../settlement/settlement.entities';
import { ShipmentEntity, ShipmentEventEntity } from '../shipping/shipping.entities';

/** One table's rows of a batch: which entity, and the rows of it that belong to the batch. */
interface Slice {
  table: RetentionTable;
  entity: EntityTarget<ObjectLiteral>;
  where: ObjectLiteral;
}

interface Anchor {
  id: string;
  at: Date;
}

/**
 * Finds each batch by (time, id) keyset over an index, and deletes a batch's rows in one
 * transaction, children before their parent: a crash leaves either the whole batch or none of it,
 * and a run started again finds what is left. A dry run counts the same rows and deletes nothing.
 */
export class TypeOrmRetentionStore implements RetentionStore {
  constructor(private readonly dataSource: DataSource) {}

  orderBatch(input: RetentionBatchInput): Promise<RetentionBatch> {
    return this.batch(input, async (m) => {
      const orders = await this.anchors(m, OrderEntity, 'placedAt', input, (query) =>
        query
          .andWhere('row.status IN (:...finished)', { finished: FINISHED_ORDER_STATUSES })
          // Money still owed keeps the order: it is settled (or refunded) first.
          .andWhere(
            'NOT EXISTS (SELECT 1 FROM payable_lines p WHERE p.order_id = row.id AND p.settlement_id IS NULL)',
          )
          .andWhere(
            'NOT EXISTS (SELECT 1 FROM settlement_adjustments a WHERE a.order_id = row.id AND a.settlement_id IS NULL)',
          )
          .andWhere(
            "NOT EXISTS (SELECT 1 FROM payment_refunds r WHERE r.order_id = row.id AND r.status <> 'DONE')",
          ),
      );
      const orderIds = orders.map((order) => order.id);
      if (orderIds.length === 0) return { anchors: orders, slices: [] };
      const byOrder = { orderId: In(orderIds) };
      const shipmentIds = (
        await m.getRepository(ShipmentEntity).find({ select: { id: true }, where: byOrder })
      ).map((shipment) => shipment.id);
      const slices: Slice[] = [
        { table: 'order_lines', entity: OrderLineEntity, where: byOrder },
        { table: 'order_parts', entity: OrderPartEntity, where: byOrder },
        { table: 'order_history', entity: OrderHistoryEntity, where: byOrder },
        { table: 'order_checkouts', entity: OrderCheckoutEntity, where: byOrder },
        { table: 'order_returns', entity: OrderReturnEntity, where: byOrder },
        { table: 'payments', entity: PaymentEntity, where: byOrder },
        { table: 'payment_events', entity: PaymentEventEntity, where: byOrder },
        { table: 'payment_refunds', entity: RefundEntity, where: byOrder },
        { table: 'points_holds', entity: PointsHoldEntity, where: byOrder },
        { table: 'points_ledger', entity: PointsLedgerEntity, where: byOrder },
        { table: 'shipment_events', entity: ShipmentEventEntity, where: { shipmentId: In(shipmentIds) } },
        { table: 'shipments', entity: ShipmentEntity, where: byOrder },
        { table: 'payable_lines', entity: PayableLineEntity, where: byOrder },
        { table: 'settlement_adjustments', entity: AdjustmentEntity, where: byOrder },
        { table: 'orders', entity: OrderEntity, where: { id: In(orderIds) } },
      ];
      return {
        anchors: orders,
        slices: slices.filter((s) => s.table !== 'shipment_events' || shipmentIds.length),
      };
    });
  }

  notificationBatch(input: RetentionBatchInput): Promise<RetentionBatch> {
    return this.batch(input, async (m) => {
      const notifications = await this.anchors(m, NotificationEntity, 'createdAt', input);
      const ids = notifications.map((notification) => notification.id);
      if (ids.length === 0) return { anchors: notifications, slices: [] };
      const attemptIds = (
        await m
          .getRepository(NotificationAttemptEntity)
          .find({ select: { id: true }, where: { notificationId: In(ids) } })
      ).map((attempt) => attempt.id);
      const slices: Slice[] = [
        ...(attemptIds.length
          ? [
              {
                table: 'notification_events' as const,
                entity: NotificationEventEntity,
                where: { attemptId: In(attemptIds) },
              },
            ]
          : []),
        {
          table: 'notification_attempts',
          entity: NotificationAttemptEntity,
          where: { notificationId: In(ids) },
        },
        { table: 'notifications', entity: NotificationEntity, where: { id: In(ids) } },
      ];
      return { anchors: notifications, slices };
    });
  }

  unmatchedNotificationEventBatch(input: RetentionBatchInput): Promise<RetentionBatch> {
    return this.batch(input, async (m) => {
      const events = await this.anchors(m, NotificationEventEntity, 'receivedAt', input, (query) =>
        query.andWhere('row.attemptId IS NULL'),
      );
      const where = { id: In(events.map((event) => event.id)) };
      return {
        anchors: events,
        slices: events.length
          ? [{ table: 'notification_events', entity: NotificationEventEntity, where }]
          : [],
      };
    });
  }

  private async batch(
    input: RetentionBatchInput,
    find: (m: EntityManager) => Promise<{ anchors: Anchor[]; slices: Slice[] }>,
  ): Promise<RetentionBatch> {
    const run = async (m: EntityManager): Promise<RetentionBatch> => {
      const { anchors, slices } = await find(m);
      const counts: RetentionCounts = {};
      for (const slice of slices) {
        const repository = m.getRepository(slice.entity);
        const count = input.dryRun
          ? await repository.count({ where: slice.where })
          : ((await repository.delete(slice.where)).affected ?? 0);
        if (count > 0) counts[slice.table] = count;
      }
      const last = anchors.at(-1);
      return {
        counts,
        last: last ? { at: last.at.toISOString(), id: last.id } : null,
        done: anchors.length < input.limit,
      };
    };
    return input.dryRun ? run(this.dataSource.manager) : this.dataSource.transaction(run);
  }

  /** The next rows older than the cutoff, after the cursor, in (time, id) order. */
  private async anchors(
    m: EntityManager,
    entity: EntityTarget<ObjectLiteral>,
    timeField: string,
    input: RetentionBatchInput,
    narrow: (query: SelectQueryBuilder<ObjectLiteral>) => unknown = () => undefined,
  ): Promise<Anchor[]> {
    const query = m
      .getRepository(entity)
      .createQueryBuilder('row')
      .select(['row.id', `row.${timeField}`])
      .where(`row.${timeField} < :cutoff`, { cutoff: new Date(input.cutoff) });
    if (input.after)
      query.andWhere(`(row.${timeField} > :afterAt OR (row.${timeField} = :afterAt AND row.id > :afterId))`, {
        afterAt: new Date(input.after.at),
        afterId: input.after.id,
      });
    narrow(query);
    const rows = await query
      .orderBy(`row.${timeField}`, 'ASC')
      .addOrderBy('row.id', 'ASC')
      .limit(input.limit)
      .getMany();
    return rows.map((row) => ({ id: row.id as string, at: row[timeField] as Date }));
  }
}
