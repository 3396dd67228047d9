import { TypeOrmChatStore } from '../../persistence/chat/typeorm-chat.store';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import { createChatActivities } from './chat.activities';

/** The chat task queue's activities over the process's infrastructure (workers/compose-activities.ts). */
export function chatActivitiesFor(runtime: { infrastructure: Pick<Infrastructure, 'dataSource'> }) {
  return createChatActivities({
    store: new TypeOrmChatStore(runtime.infrastructure.dataSource, () => uuidv7()),
  });
}
