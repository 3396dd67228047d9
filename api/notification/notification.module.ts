import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../domain/identity/ports';
import type { NotificationStore } from '../../domain/notification';
import { TypeOrmNotificationStore } from '../../persistence/notification/typeorm-notification.store';
import type { AppEnv } from '../app-env';
import type { Authenticate } from '../middleware/authenticate';
import { NotificationWebhooks, type WebhookSecrets } from './notification-webhooks';
import { createNotificationRoutes } from './notification.routes';

export interface NotificationModule {
  routes: OpenAPIHono<AppEnv>[];
  store: NotificationStore;
}

/** The notification context's HTTP side: provider webhooks and the admin send log. */
export function createNotificationModule(input: {
  dataSource: DataSource;
  cipher: PiiCipher;
  temporalClient: () => Client;
  secrets: WebhookSecrets;
  authenticate: Authenticate;
  newId: () => string;
  now?: () => Date;
}): NotificationModule {
  const now = input.now ?? (() => new Date());
  const store = new TypeOrmNotificationStore(input.dataSource, input.cipher);
  const webhooks = new NotificationWebhooks({
    store,
    temporal: input.temporalClient,
    secrets: input.secrets,
    now,
    newId: input.newId,
  });
  return {
    routes: [createNotificationRoutes({ store, webhooks, authenticate: input.authenticate, now })],
    store,
  };
}
