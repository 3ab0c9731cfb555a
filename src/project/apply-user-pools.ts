// `portico serve DIR`, apply step 0: registers the user pools portico.yaml names with Portico's
// local Cognito (`GET`/`PUT /_portico/user-pools/{poolId}`): a pool with `issuer` is mapped to that
// real issuer, one without stays local (`portico token` issues its tokens). Unchanged pools are left alone.

import { atEntry, type ApplyContext } from './apply-context.js';
import type { ProjectUserPool } from './project.js';

export async function applyUserPool(context: ApplyContext, pool: ProjectUserPool): Promise<void> {
  const path = `/_portico/user-pools/${encodeURIComponent(pool.poolId)}`;
  await atEntry(context, `userPools.${pool.poolId}`, undefined, async () => {
    const current = await context.client.call('GetUserPool', 'GET', path);
    const wantedLocal = pool.issuer === undefined;
    if (current.local === wantedLocal && (wantedLocal || current.issuer === pool.issuer)) return;
    await context.client.call('PutUserPool', 'PUT', path, { body: wantedLocal ? {} : { issuer: pool.issuer } });
    context.report(`user pool ${pool.poolId}: ${wantedLocal ? 'local' : `mapped to ${pool.issuer}`}`);
  });
}
