// `portico serve DIR`, apply step 2: makes each API of portico.yaml exist (found again by its
// tags), imports its OpenAPI file with PutRestApi (mode=overwrite, one transaction: a refused file
// changes nothing) and deploys it to its stage. The stage keeps serving its previous deployment
// until CreateDeployment has compiled the new one; a refused deploy leaves it serving the old one.

import { atEntry, isNotFound, isOwned, items, PROJECT_TAG, type ApplyContext } from './apply-context.js';
import { digest } from './load-project.js';
import type { ProjectApi } from './project.js';
import { renderStagePatch } from './stage-patch.js';

const API_TAG = 'portico:api';
/** The digest of the OpenAPI file (and import options) last deployed. */
const DEFINITION_TAG = 'portico:definition';
/** The digest of the stage settings last applied. */
const STAGE_TAG = 'portico:stage';

export interface AppliedApi {
  name: string;
  id: string;
  stage: string;
}

/** Applies `api`; `existing` is the GetRestApis list of this apply. */
export async function applyApi(context: ApplyContext, api: ProjectApi, definition: string, existing: Array<Record<string, unknown>>): Promise<AppliedApi> {
  const { client, project } = context;
  const entry = `apis.${api.name}`;
  return atEntry(context, entry, api.line, async () => {
    const found = existing.find((candidate) => isOwned(candidate.tags, project) && (candidate.tags as Record<string, unknown>)[API_TAG] === api.name);
    let id = typeof found?.id === 'string' ? found.id : undefined;
    const tags = (found?.tags ?? {}) as Record<string, unknown>;
    if (id === undefined) {
      const created = await client.call('CreateRestApi', 'POST', '/restapis', { body: { name: api.name, tags: { [PROJECT_TAG]: project.name, [API_TAG]: api.name } } });
      id = String(created.id);
      context.report(`api ${api.name}: created ${id}`);
    }
    const apiPath = `/restapis/${id}`;
    const arnPath = `/tags/${encodeURIComponent(`arn:aws:apigateway:${project.region}::/restapis/${id}`)}`;
    const variables = Object.fromEntries(Object.entries(api.variables).map(([name, value]) => [name, fillPlaceholders(value, context.porticoHost, id)]));
    const definitionDigest = digest(definition, api.basepath);
    const stageDigest = digest(api.stage, variables, api.methodSettings);
    const stagePath = `${apiPath}/stages/${api.stage}`;
    const stage = await client.call('GetStage', 'GET', stagePath).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });

    if (stage === undefined || tags[DEFINITION_TAG] !== definitionDigest) {
      // Forget the deployed digest first: should the import or the deploy fail, the next apply redoes both.
      if (tags[DEFINITION_TAG] !== undefined) await client.call('UntagResource', 'DELETE', arnPath, { query: { tagKeys: DEFINITION_TAG } });
      // A refused import or deploy is a mistake in the OpenAPI file: the error names it.
      const putRestApi = () => client.call('PutRestApi', 'PUT', apiPath, { raw: definition, query: { mode: 'overwrite', basepath: api.basepath } });
      await atEntry(context, entry, undefined, putRestApi, api.openapi);
      const createDeployment = () =>
        client.call('CreateDeployment', 'POST', `${apiPath}/deployments`, {
          body: { stageName: api.stage, description: `portico serve: ${api.openapi}`, ...(Object.keys(variables).length > 0 && { variables }) },
        });
      const deployment = await atEntry(context, entry, undefined, createDeployment, api.openapi);
      await updateStage(context, stagePath, await client.call('GetStage', 'GET', stagePath), variables, api);
      await client.call('TagResource', 'PUT', arnPath, { body: { tags: { [DEFINITION_TAG]: definitionDigest, [STAGE_TAG]: stageDigest } } });
      context.report(`api ${api.name}: imported ${api.openapi} and deployed ${String(deployment.id)} to stage ${api.stage}`);
    } else if (tags[STAGE_TAG] !== stageDigest) {
      const changed = await updateStage(context, stagePath, stage, variables, api);
      await client.call('TagResource', 'PUT', arnPath, { body: { tags: { [STAGE_TAG]: stageDigest } } });
      if (changed) context.report(`api ${api.name}: stage ${api.stage} updated (variables, method settings)`);
    }
    return { name: api.name, id, stage: api.stage };
  });
}

/** GetRestApis, all pages. */
export async function listRestApis(context: ApplyContext): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  let position: string | undefined;
  do {
    const page = await context.client.call('GetRestApis', 'GET', '/restapis', { query: { limit: '500', position } });
    all.push(...items(page));
    position = typeof page.position === 'string' ? page.position : undefined;
  } while (position !== undefined);
  return all;
}

async function updateStage(context: ApplyContext, stagePath: string, stage: Record<string, unknown>, variables: Record<string, string>, api: ProjectApi): Promise<boolean> {
  const patchOperations = renderStagePatch(stage, variables, api.methodSettings);
  if (patchOperations.length === 0) return false;
  await context.client.call('UpdateStage', 'PATCH', stagePath, { body: { patchOperations } });
  return true;
}

/** `${portico.host}` and `${api.id}` in a stage variable value. */
export function fillPlaceholders(value: string, porticoHost: string, apiId: string): string {
  return value.replaceAll('${portico.host}', porticoHost).replaceAll('${api.id}', apiId);
}
