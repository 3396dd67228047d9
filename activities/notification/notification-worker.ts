import type { IdentitySettings } from '../../config/identity-secrets';
import { notificationWorkflowId } from '../../domain/notification';
import type { NotificationVendors } from '../../integrations/notification/notification-vendors';
import { TypeOrmUserRepository } from '../../persistence/identity/typeorm-user.repository';
import { TypeOrmNotificationStore } from '../../persistence/notification/typeorm-notification.store';
import { UserRecipientDirectory } from '../../persistence/notification/user-recipient-directory';
import { AesGcmPiiCipher } from '../../platform/crypto/aes-gcm-pii-cipher';
import { uuidv7 } from '../../platform/ids';
import { startOnce } from '../../platform/temporal/start-once';
import type { Infrastructure } from '../../platform/infrastructure';
import { createNotificationActivities } from './notification.activities';

export const NOTIFICATION_TASK_QUEUE = 'notification';

/** The notification task queue's activities over the process's infrastructure and vendor adapters. */
export function notificationActivitiesFor(runtime: {
  infrastructure: Infrastructure;
  identity: IdentitySettings;
  notificationVendors: NotificationVendors;
}) {
  const { dataSource, temporal } = runtime.infrastructure;
  const cipher = new AesGcmPiiCipher(runtime.identity.piiKeys, runtime.identity.piiHashKey);
  return createNotificationActivities({
    store: new TypeOrmNotificationStore(dataSource, cipher),
    directory: new UserRecipientDirectory(new TypeOrmUserRepository(dataSource, cipher)),
    alimtalk: runtime.notificationVendors.alimtalk,
    sms: runtime.notificationVendors.sms,
    email: runtime.notificationVendors.email,
    emailProvider: runtime.notificationVendors.emailProvider,
    async startDelivery(notificationId) {
      await startOnce(temporal.client, 'notificationWorkflow', {
        taskQueue: NOTIFICATION_TASK_QUEUE,
        workflowId: notificationWorkflowId(notificationId),
        args: [{ notificationId }],
      });
    },
    newId: uuidv7,
    now: () => new Date(),
  });
}
