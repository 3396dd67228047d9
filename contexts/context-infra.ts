import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { TemporalUiLink } from '../api/ordering/temporal-ui-link';
import type { DataSource } from 'typeorm';
import type { AppEnv } from '../api/app-env';
import type { LiveSockets } from '../api/live-sockets';
import type { Authenticate } from '../api/middleware/authenticate';
import type { WebhookSecrets } from '../api/notification/notification-webhooks';
import type { AbuseLimits } from '../application/shared/abuse-limits';
import { ephemeralIdentitySettings, type IdentitySettings } from '../config/identity-secrets';
import type { PiiCipher } from '../domain/identity/ports';
import type { RetentionSettings } from '../domain/retention/retention';
import type { PointsSettings } from '../domain/payment/points-earning';
import type { Vendors } from '../integrations/open-vendors';
import type { ElasticsearchWiring } from './catalog.context';
import type { KeyValueStore } from '../platform/cache/key-value-store';
import { AesGcmPiiCipher } from '../platform/crypto/aes-gcm-pii-cipher';
import { uuidv7, type IdGenerator } from '../platform/ids';
import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
import type { Metrics } from '../platform/observability/metrics';
import type { PubSub } from '../platform/pubsub/pub-sub';
import { TypeOrmEventOutbox } from '../persistence/outbox/typeorm-event-outbox';
import { primaryReads, type ReadRoute, type ReadRouter } from '../persistence/read-replicas';
import type { TemporalClientHandle } from '../platform/temporal/temporal-client';

export const DEFAULT_IMAGE_STORAGE_DIR = 'var/images';

/** What every context is built over: the process's shared services, settings and open vendors. */
export interface ContextInfra {
  dataSource: DataSource;
  /** Only for reads that tolerate replication lag (catalog pages, search, lists); never in a transaction. */
  reads: ReadRoute;
  kv: KeyValueStore;
  /** Where every context writes its domain events, in the transaction of the change (docs/events.md). */
  outbox: TypeOrmEventOutbox;
  /** The Temporal client, asked for only when a workflow is started, signalled or updated. */
  temporal: () => Client;
  logger: Logger;
  /** dead_letters_total is counted when given. */
  metrics?: Metrics;
  newId: IdGenerator;
  now: () => Date;
  identity: IdentitySettings;
  /** The personal-data cipher over the identity keys, shared by every context that stores such data. */
  cipher: PiiCipher;
  /** The API's public address: links, PG return URLs, vendor callbacks. */
  publicBaseUrl: string;
  /** Product images on local disk (IMAGE_STORAGE_DIR). */
  imageStorageDir: string;
  /** The vendor adapters open in this process (the API opens the PGs only; workers open all). */
  vendors: Partial<Vendors>;
  /** RETENTION_*: what the data-retention run deletes; absent: the defaults (docs/retention.md). */
  retention?: RetentionSettings;
  /** POINTS_*; absent: the defaults (1 %, 365 days). */
  points?: PointsSettings;
  /** ELASTICSEARCH_URL: product search in Elasticsearch (opened by the composition root); absent: the in-process index. */
  elasticsearch?: ElasticsearchWiring;
  /** Settings only a process that serves HTTP has (absent in workers). */
  api?: ApiSettings;
}

export interface ApiSettings {
  /** PAYMENT_RESULT_URL: where the browser lands after the PG window; default the server's own result page. */
  paymentResultUrl?: string;
  /** TEMPORAL_UI_URL and the namespace: links from admin order views to their workflows; absent: no link. */
  temporalUi?: TemporalUiLink;
  /** CHAT_* settings; absent: the defaults (1 h reminder, 30 messages a minute). */
  chat?: ChatSettings;
  /** Live fan-out between API processes; absent: in memory, this process only. */
  pubSub?: PubSub;
  /** How provider delivery callbacks are verified. */
  notificationWebhooks: WebhookSecrets;
  /** The secret every registered courier callback URL carries; absent: every callback is refused. */
  courierWebhookSecret?: string;
  /** RATE_LIMIT_*, LOGIN_* and TRUSTED_PROXY_HOPS; absent: the defaults and the socket's peer. */
  abuse?: AbuseSettings;
}

export type { TemporalUiLink };

export interface AbuseSettings {
  limits: AbuseLimits;
  /** Proxies of our own in front of the API (X-Forwarded-For entries to skip from the right). */
  trustedProxyHops: number;
}

export interface ChatSettings {
  /** CHAT_REPLY_REMINDER_AFTER: how long a consumer waits before the seller is reminded. */
  replyReminderAfterSeconds: number;
  /** CHAT_MESSAGES_PER_MINUTE: per user. */
  messagesPerMinute: number;
}

/** The process-level inputs a composition root has; the rest of ContextInfra is derived from them. */
export interface ContextRuntime {
  /** Without Temporal (some tests), starting or signalling a workflow throws. */
  infrastructure: Pick<Infrastructure, 'dataSource' | 'kv'> & {
    temporal?: Pick<TemporalClientHandle, 'client'>;
    /** Absent: every read on the primary. */
    reads?: ReadRouter;
  };
  logger: Logger;
  metrics?: Metrics;
  publicBaseUrl: string;
  /** Secrets and token lifetimes (config/identity-secrets.ts). Absent: random per-process keys (tests only). */
  identity?: IdentitySettings;
  /** Absent: var/images. */
  imageStorageDir?: string;
  vendors?: Partial<Vendors>;
  /** RETENTION_*; absent: the defaults. */
  retention?: RetentionSettings;
  /** POINTS_*; absent: the defaults. */
  points?: PointsSettings;
  /** Elasticsearch's search and index, when ELASTICSEARCH_URL is set; absent: the in-process index. */
  elasticsearch?: ElasticsearchWiring;
  newId?: IdGenerator;
  now?: () => Date;
}

export function contextInfra(runtime: ContextRuntime): ContextInfra {
  const identity = runtime.identity ?? ephemeralIdentitySettings();
  const { dataSource, kv, temporal } = runtime.infrastructure;
  const reads = runtime.infrastructure.reads ?? primaryReads(dataSource);
  reads.observe({ logger: runtime.logger, metrics: runtime.metrics });
  return {
    dataSource,
    reads,
    kv,
    outbox: new TypeOrmEventOutbox(dataSource),
    temporal: () => {
      if (!temporal) throw new Error('This process was composed without a Temporal client.');
      return temporal.client;
    },
    logger: runtime.logger,
    metrics: runtime.metrics,
    newId: runtime.newId ?? (() => uuidv7()),
    now: runtime.now ?? (() => new Date()),
    identity,
    cipher: new AesGcmPiiCipher(identity.piiKeys, identity.piiHashKey),
    publicBaseUrl: runtime.publicBaseUrl,
    imageStorageDir: runtime.imageStorageDir ?? DEFAULT_IMAGE_STORAGE_DIR,
    vendors: runtime.vendors ?? {},
    retention: runtime.retention,
    points: runtime.points,
    elasticsearch: runtime.elasticsearch,
  };
}

/** What the API hands every context's `routes(...)`. */
export interface HttpWiring {
  /** Bearer-token middleware (identity's) for the protected routes. */
  authenticate: Authenticate;
  liveSockets: LiveSockets;
}

export type Routes = OpenAPIHono<AppEnv>[];

/** A vendor a role's activities need; absent means the process was composed without it. */
export function opened<T>(vendor: T | undefined, name: keyof Vendors): T {
  if (!vendor)
    throw new Error(`${name} are not open in this process: the activities that call them cannot run here`);
  return vendor;
}
