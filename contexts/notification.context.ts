import { createNotificationActivities } from '../activities/notification/notification.activities';
import { createOrderNoticeActivities } from '../activities/notification/order-notices.activities';
import { createSellerAlertActivities } from '../activities/notification/seller-alerts.activities';
import { createSellerDigestActivities } from '../activities/notification/seller-digest.activities';
import { NotificationWebhooks } from '../api/notification/notification-webhooks';
import { createNotificationRoutes } from '../api/notification/notification.routes';
import type { AccountNotices, IdentityDeps } from '../application/identity/identity-deps';
import { NotificationPersonalDataEraser } from '../application/notification/erase-notification-personal-data';
import { SellerDigests } from '../application/notification/send-seller-digests';
import { formatSeoulDateTime } from '../domain/notification/notification-format';
import {
  notificationWorkflowId,
  validateNotificationRequest,
  type DeliveryWebhookReaders,
  type SellerAlert,
} from '../domain/notification';
import { parseNhnWebhook, verifyNhnWebhookSignature } from '../integrations/notification/nhn-webhook';
import { parseSendGridEvents, verifySendGridWebhook } from '../integrations/notification/sendgrid-webhook';
import { TypeOrmSellerNames } from '../persistence/identity/typeorm-seller-names';
import { TypeOrmNotificationStore } from '../persistence/notification/typeorm-notification.store';
import { TypeOrmSellerBacklog } from '../persistence/notification/typeorm-seller-backlog';
import { UserRecipientDirectory } from '../persistence/notification/user-recipient-directory';
import { startOnce } from '../platform/temporal/start-once';
import { NOTIFICATION_TASK_QUEUE } from '../workflows/shared/task-queues';
import { opened, type ContextInfra, type HttpWiring, type Routes } from './context-infra';

const webhookReaders: DeliveryWebhookReaders = {
  nhnSignatureMatches: verifyNhnWebhookSignature,
  readNhn: parseNhnWebhook,
  sendGridVerified: (input) => verifySendGridWebhook(input).ok,
  readSendGrid: parseSendGridEvents,
};

export interface NotificationContext {
  /** Mails about an account itself, requested from the API (identity). */
  accountNotices: AccountNotices;
  /** Withdrawal: the user's send log loses names, contacts and texts. */
  eraser: NotificationPersonalDataEraser;
  /** Alerts to a seller and its ORDERS managers from outside a workflow (low stock at a sale). */
  sellerAlerts: { send(alert: SellerAlert): Promise<void> };
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createNotificationActivities> &
    ReturnType<typeof createSellerAlertActivities> &
    ReturnType<typeof createOrderNoticeActivities> &
    ReturnType<typeof createSellerDigestActivities>;
}

/** Alimtalk, SMS and e-mail: the send log, provider webhooks, the inline sends and the Notification workflow's steps. */
export function createNotificationContext(
  infra: ContextInfra,
  deps: {
    /** Identity's users: recipients' contacts, decrypted on demand. */
    identity: Pick<IdentityDeps, 'users' | 'managerAssignments'>;
  },
): NotificationContext {
  const { newId, now } = infra;
  const store = new TypeOrmNotificationStore(infra.dataSource, infra.cipher);
  // The notification's workflow. The API's own sends below always use it: a request never calls a
  // vendor; only the `sendNotification` activity delivers inline (docs/notifications.md#two-delivery-paths).
  const startDelivery = async (notificationId: string, after?: string) => {
    await startOnce(infra.temporal(), 'notificationWorkflow', {
      taskQueue: NOTIFICATION_TASK_QUEUE,
      workflowId: notificationWorkflowId(notificationId),
      args: [after ? { notificationId, after } : { notificationId }],
    });
  };
  const grantsOf = (sellerId: string) => deps.identity.managerAssignments.listBySeller(sellerId);
  const directAlerts = createSellerAlertActivities({
    grantsOf,
    async send(request) {
      validateNotificationRequest(request);
      const at = now();
      const { notification, created } = await store.register({
        id: newId(),
        dedupeKey: request.dedupeKey,
        templateCode: request.templateCode,
        recipientUserId: 'userId' in request.recipient ? request.recipient.userId : undefined,
        variables: request.variables,
        status: 'PENDING',
        createdAt: at,
        updatedAt: at,
      });
      if (notification.status === 'PENDING') await startDelivery(notification.id);
      return { notificationId: notification.id, created };
    },
  });
  return {
    sellerAlerts: { send: async (alert) => void (await directAlerts.sendSellerAlert(alert)) },
    eraser: new NotificationPersonalDataEraser(store),
    accountNotices: {
      async signupAttempted(userId, at) {
        const { notification } = await store.register({
          id: newId(),
          dedupeKey: `signup-attempted:${userId}:${at.getTime()}`,
          templateCode: 'SIGNUP_ATTEMPTED',
          recipientUserId: userId,
          variables: { 시도일시: formatSeoulDateTime(at) },
          status: 'PENDING',
          createdAt: at,
          updatedAt: at,
        });
        if (notification.status === 'PENDING') await startDelivery(notification.id);
      },
    },
    routes: ({ authenticate }) => {
      const webhooks = new NotificationWebhooks({
        store,
        temporal: infra.temporal,
        secrets: infra.api?.notificationWebhooks ?? {},
        readers: webhookReaders,
        now,
        newId,
      });
      return [createNotificationRoutes({ store, webhooks, authenticate, now })];
    },
    activities: () => {
      const vendors = opened(infra.vendors.notificationVendors, 'notificationVendors');
      const own = createNotificationActivities({
        store,
        directory: new UserRecipientDirectory(deps.identity.users),
        alimtalk: vendors.alimtalk,
        sms: vendors.sms,
        email: vendors.email,
        emailProvider: vendors.emailProvider,
        startDelivery,
        countSend: (channel, outcome) => infra.metrics?.notifications.inc({ channel, outcome }),
        newId,
        now,
      });
      const alerts = createSellerAlertActivities({ grantsOf, send: own.sendNotification });
      const directory = new UserRecipientDirectory(deps.identity.users);
      const digests = createSellerDigestActivities(
        new SellerDigests({
          backlog: new TypeOrmSellerBacklog(infra.dataSource),
          grantsOf,
          contactOf: (userId) => directory.contactOf(userId),
          companyNamesOf: (ids) => new TypeOrmSellerNames(infra.dataSource).companyNamesOf(ids),
          send: own.sendNotification,
        }),
      );
      const orderNotices = createOrderNoticeActivities({
        sendNotification: own.sendNotification,
        sendSellerAlert: alerts.sendSellerAlert,
      });
      return { ...own, ...alerts, ...orderNotices, ...digests };
    },
  };
}
