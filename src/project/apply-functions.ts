// `portico serve DIR`, apply step 1: makes each function of portico.yaml exist with its
// configuration, its code directory mounted (LocalStack's `hot-reload` bucket convention), so handler
// edits reach the next invocation without a redeploy. Lambda API: GetFunction, CreateFunction,
// UpdateFunctionConfiguration, UpdateFunctionCode.

import { atEntry, isNotFound, PROJECT_TAG, type ApplyContext } from './apply-context.js';
import type { ProjectFunction } from './project.js';

const FUNCTIONS = '/2015-03-31/functions';
/** LocalStack's convention for a mounted directory (src/control-plane/lambda/function-code.ts). */
const HOT_RELOAD_BUCKET = 'hot-reload';
/** The CodeSha256 Portico reports for a mounted directory. */
const MOUNTED_SHA256 = 'hot-reloading-hash-not-available';
/** The tag holding the mounted directory (GetFunction does not show it otherwise). */
const CODE_TAG = 'portico:code';
const ROLE = 'arn:aws:iam::000000000000:role/portico-project';

export async function applyFunction(context: ApplyContext, fn: ProjectFunction): Promise<void> {
  const { client, project } = context;
  const entry = `functions.${fn.name}`;
  const path = `${FUNCTIONS}/${encodeURIComponent(fn.name)}`;
  const configuration = {
    Runtime: fn.runtime,
    Handler: fn.handler,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    Description: fn.description,
    Environment: { Variables: fn.environment },
  };
  const code = { S3Bucket: HOT_RELOAD_BUCKET, S3Key: fn.code };
  await atEntry(context, entry, fn.line, async () => {
    const existing = await client.call('GetFunction', 'GET', path).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (existing === undefined) {
      await client.call('CreateFunction', 'POST', FUNCTIONS, {
        body: { FunctionName: fn.name, Role: ROLE, ...configuration, Code: code, Tags: { [PROJECT_TAG]: project.name, [CODE_TAG]: fn.code } },
      });
      context.report(`function ${fn.name}: created, code mounted from ${fn.code}`);
      return;
    }
    const current = (existing.Configuration ?? {}) as Record<string, unknown>;
    const changed = changedFields(current, configuration);
    if (changed.length > 0) {
      await client.call('UpdateFunctionConfiguration', 'PUT', `${path}/configuration`, { body: configuration });
      context.report(`function ${fn.name}: configuration updated (${changed.join(', ')})`);
    }
    const tags = (existing.Tags ?? {}) as Record<string, unknown>;
    if (current.CodeSha256 !== MOUNTED_SHA256 || tags[CODE_TAG] !== fn.code) {
      await client.call('UpdateFunctionCode', 'PUT', `${path}/code`, { body: code });
      context.report(`function ${fn.name}: code mounted from ${fn.code}`);
    }
  });
}

function changedFields(current: Record<string, unknown>, wanted: Record<string, unknown>): string[] {
  const currentVariables = ((current.Environment ?? {}) as Record<string, unknown>).Variables ?? {};
  return Object.entries(wanted)
    .filter(([name, value]) => (name === 'Environment' ? JSON.stringify(sorted(currentVariables)) !== JSON.stringify(sorted((value as { Variables: unknown }).Variables)) : current[name] !== value))
    .map(([name]) => name);
}

function sorted(map: unknown): unknown {
  return Object.fromEntries(Object.entries(map as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}
