// Computes the UpdateStage patch operations (reference §7.5) that make a stage's variables and
// method settings equal portico.yaml's: `replace`/`remove` on `/variables/{name}`, and
// `/{resourcePath}/{VERB}/{area}/{field}` (or `/*/*/...`) for method settings.

import type { MethodSettingInput } from './project.js';

export interface PatchOperation {
  op: 'replace' | 'remove';
  path: string;
  value?: string;
}

/** Each MethodSetting member and the `{area}/{field}` of its patch path. */
const SETTING_PATHS: Record<keyof MethodSettingInput, string> = {
  throttlingRateLimit: 'throttling/rateLimit',
  throttlingBurstLimit: 'throttling/burstLimit',
  loggingLevel: 'logging/loglevel',
  metricsEnabled: 'metrics/enabled',
  dataTraceEnabled: 'logging/dataTrace',
  cachingEnabled: 'caching/enabled',
  cacheTtlInSeconds: 'caching/ttlInSeconds',
};

/**
 * The operations from `stage` (a GetStage answer, or `{}`) to the wanted state. A method setting
 * key not in portico.yaml is removed; fields portico.yaml does not name keep their values.
 */
export function renderStagePatch(stage: Record<string, unknown>, variables: Record<string, string>, methodSettings: Record<string, MethodSettingInput>): PatchOperation[] {
  const operations: PatchOperation[] = [];
  const currentVariables = (stage.variables ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(variables)) {
    if (currentVariables[name] !== value) operations.push({ op: 'replace', path: `/variables/${name}`, value });
  }
  for (const name of Object.keys(currentVariables)) {
    if (!Object.hasOwn(variables, name)) operations.push({ op: 'remove', path: `/variables/${name}` });
  }
  const currentSettings = (stage.methodSettings ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, wanted] of Object.entries(methodSettings)) {
    const current = currentSettings[key] ?? {};
    for (const [member, value] of Object.entries(wanted) as Array<[keyof MethodSettingInput, unknown]>) {
      if (current[member] !== value) operations.push({ op: 'replace', path: `/${key}/${SETTING_PATHS[member]}`, value: String(value) });
    }
  }
  for (const key of Object.keys(currentSettings)) {
    if (!Object.hasOwn(methodSettings, key)) operations.push({ op: 'remove', path: `/${key}` });
  }
  return operations;
}
