// PLACEHOLDER until deployments land: restores nothing.
import type { Logger } from '../../observability/logger.js';
import type { SnapshotRegistry } from '../../snapshot/snapshot-registry.js';
import type { Store } from '../../store/store.js';

export async function restoreServedStages(_store: Store, _registry: SnapshotRegistry, _accountId: string, _logger: Logger): Promise<void> {}
