// How limits are named in shared state. Ids are what makes two nodes share a limit through Redis:
// the account bucket is named by account and region; a key's usage plan bucket, quota counter and
// per-method buckets by a hash of region, the plan's creation name and the key VALUE — not by the
// random plan and key ids — so nodes with separate stores but the same plan and key share them.
// Stage limits are named by API id and stage (shared when the nodes share a store).

import { createHash } from 'node:crypto';

export function accountBucketId(accountId: string, region: string): string {
  return `acct:${accountId}:${region}`;
}

export function stageMethodBucketId(region: string, apiId: string, stageName: string, resourcePath: string, httpMethod: string): string {
  return `st:${region}:${apiId}:${stageName}:${httpMethod} ${resourcePath}`;
}

/** The usage counter id of `keyValue` in the plan created as `planStateName` (also its plan bucket's suffix). */
export function planKeyStateId(region: string, planStateName: string, keyValue: string): string {
  return createHash('sha256').update(`${region}\n${planStateName}\n${keyValue}`).digest('base64url').slice(0, 32);
}

export function planBucketId(stateId: string): string {
  return `plan:${stateId}`;
}

export function planMethodBucketId(stateId: string, apiId: string, stageName: string, resourcePath: string, httpMethod: string): string {
  return `pm:${stateId}:${apiId}:${stageName}:${httpMethod} ${resourcePath}`;
}
