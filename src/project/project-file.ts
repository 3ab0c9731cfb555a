// Parses portico.yaml, the project file of `portico serve DIR`, into a checked `Project`: YAML
// syntax and the committed JSON Schema (schema/portico.schema.json) are checked here, and every
// mistake is a ProjectFileError naming the file, line and column. Runs at start and on each edit.

import { Ajv, type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { ProjectFileError } from './project-file-error.js';
import type { MethodSettingInput, Project, QuotaInput, ThrottleInput } from './project.js';

export const PROJECT_FILE = 'portico.yaml';
const SCHEMA_URL = new URL('../../schema/portico.schema.json', import.meta.url);

/** The compiled schema check; created once per process by the caller (`createProjectFileParser`). */
export interface ProjectFileParser {
  parse(text: string, file: string): Project;
}

export function createProjectFileParser(): ProjectFileParser {
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(schema);
  return {
    parse(text, file) {
      const lines = new LineCounter();
      const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
      const syntax = document.errors[0];
      if (syntax !== undefined) {
        const position = lines.linePos(syntax.pos[0]);
        throw new ProjectFileError(file, position.line, position.col, syntax.message.split('\n')[0] ?? syntax.message);
      }
      const value: unknown = document.toJS() ?? {};
      const locate = (path: ReadonlyArray<string | number>, key = false): { line: number; col: number } => locateNode(document, lines, path, key);
      if (!validate(value)) {
        const error = validate.errors?.[0];
        const { path, key, message } = describeSchemaError(error);
        const position = locate(path, key);
        throw new ProjectFileError(file, position.line, position.col, message);
      }
      return buildProject(value as ProjectFileShape, file, locate);
    },
  };
}

interface ProjectFileShape {
  project?: string;
  region?: string;
  functions?: Record<string, { handler: string; code: string; runtime?: string; timeout?: number; memorySize?: number; description?: string; environment?: Record<string, unknown> }>;
  apis?: Record<string, { openapi: string; stage?: string; basepath?: string; variables?: Record<string, unknown>; methodSettings?: Record<string, MethodSettingInput> }>;
  apiKeys?: Record<string, { value?: string; enabled?: boolean; description?: string }>;
  usagePlans?: Record<string, { description?: string; apis?: string[]; apiKeys?: string[]; throttle?: ThrottleInput; quota?: QuotaInput }>;
  userPools?: Record<string, { issuer?: string } | null>;
}

type Locate = (path: ReadonlyArray<string | number>, key?: boolean) => { line: number; col: number };

function buildProject(shape: ProjectFileShape, file: string, locate: Locate): Project {
  const dir = dirname(resolve(file));
  const strings = (map: Record<string, unknown> | undefined): Record<string, string> =>
    Object.fromEntries(Object.entries(map ?? {}).map(([name, value]) => [name, String(value)]));
  const project: Project = {
    file: resolve(file),
    dir,
    name: shape.project ?? basename(dir),
    region: shape.region ?? 'us-east-1',
    functions: Object.entries(shape.functions ?? {}).map(([name, fn]) => ({
      name,
      handler: fn.handler,
      code: resolve(dir, fn.code),
      runtime: fn.runtime ?? 'nodejs20.x',
      timeout: fn.timeout ?? 3,
      memorySize: fn.memorySize ?? 128,
      description: fn.description ?? '',
      environment: strings(fn.environment),
      line: locate(['functions', name], true).line,
    })),
    apis: Object.entries(shape.apis ?? {}).map(([name, api]) => ({
      name,
      openapi: resolve(dir, api.openapi),
      stage: api.stage ?? 'dev',
      basepath: api.basepath ?? 'ignore',
      variables: strings(api.variables),
      methodSettings: api.methodSettings ?? {},
      line: locate(['apis', name], true).line,
    })),
    apiKeys: Object.entries(shape.apiKeys ?? {}).map(([name, key]) => ({
      name,
      value: key.value,
      enabled: key.enabled ?? true,
      description: key.description,
      line: locate(['apiKeys', name], true).line,
    })),
    usagePlans: Object.entries(shape.usagePlans ?? {}).map(([name, plan]) => ({
      name,
      description: plan.description,
      apis: plan.apis ?? [],
      apiKeys: plan.apiKeys ?? [],
      throttle: plan.throttle,
      quota: plan.quota,
      line: locate(['usagePlans', name], true).line,
    })),
    userPools: Object.entries(shape.userPools ?? {}).map(([poolId, pool]) => ({ poolId, issuer: pool?.issuer ?? undefined })),
  };
  for (const plan of project.usagePlans) {
    plan.apis.forEach((api, index) => {
      if (!project.apis.some((candidate) => candidate.name === api)) {
        const at = locate(['usagePlans', plan.name, 'apis', index]);
        throw new ProjectFileError(file, at.line, at.col, `usagePlans.${plan.name}.apis: no API named ${api} in apis`);
      }
    });
    plan.apiKeys.forEach((key, index) => {
      if (!project.apiKeys.some((candidate) => candidate.name === key)) {
        const at = locate(['usagePlans', plan.name, 'apiKeys', index]);
        throw new ProjectFileError(file, at.line, at.col, `usagePlans.${plan.name}.apiKeys: no API key named ${key} in apiKeys`);
      }
    });
  }
  return project;
}

/** The first schema error as a dotted path and a sentence; `key` when the line is the property's name. */
function describeSchemaError(error: ErrorObject | undefined): { path: Array<string | number>; key: boolean; message: string } {
  if (error === undefined) return { path: [], key: false, message: 'does not match the project schema' };
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const where = path.length === 0 ? 'the project' : path.join('.');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      return { path: [...path, property], key: true, message: `${where}: unknown property ${property}` };
    }
    case 'required':
      return { path, key: false, message: `${where}: missing required property ${String(params.missingProperty)}` };
    case 'propertyNames': {
      const property = String(params.propertyName);
      return { path: [...path, property], key: true, message: `${where}: invalid name ${property}` };
    }
    case 'enum':
      return { path, key: false, message: `${where} must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    default:
      return { path, key: false, message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/** The 1-based line and column of the node at `path` (or of its key), else of its nearest ancestor. */
function locateNode(document: Document, lines: LineCounter, path: ReadonlyArray<string | number>, key: boolean): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    let node: unknown = prefix.length === 0 ? document.contents : document.getIn(prefix, true);
    if (key && depth === path.length && depth > 0) {
      const parent: unknown = depth === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === path[depth - 1]) : undefined;
      if (pair !== undefined) node = pair.key;
    }
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range !== undefined) return lines.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}
