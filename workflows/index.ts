// Every workflow type the workers register. The exported function name is the workflow type:
// never rename one that has run in production.
export { restockHoldWorkflow } from './inventory/restock-hold.workflow';
export { notificationWorkflow } from './notification/notification.workflow';
export { sellerDigestWorkflow } from './notification/seller-digest.workflow';
export { chatReplyReminderWorkflow } from './chat/chat-reply-reminder.workflow';
export { restockSweepWorkflow } from './inventory/restock-sweep.workflow';
export { paymentAttemptWorkflow } from './payment/payment-attempt.workflow';
export { refundRetryWorkflow } from './payment/refund-retry.workflow';
export { pointsExpiryWorkflow } from './payment/points-expiry.workflow';
export { orderLifecycleWorkflow } from './ordering/order-lifecycle.workflow';
export { orderSweepWorkflow } from './ordering/order-sweep.workflow';
export { shipmentWorkflow } from './shipping/shipment.workflow';
export { weeklySettlementWorkflow } from './settlement/weekly-settlement.workflow';
export { settlementPayoutWorkflow } from './settlement/settlement-payout.workflow';
export { dataRetentionWorkflow } from './retention/data-retention.workflow';
export { kpiRollupWorkflow } from './kpi/kpi-rollup.workflow';
