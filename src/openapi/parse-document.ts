// ImportRestApi / PutRestApi input: the raw request body (an OpenAPI 3.0 or Swagger 2.0 definition,
// JSON or YAML) parsed into a plain document. Runs once per import, before the converter.
// AWS developer guide "Develop REST APIs using OpenAPI in API Gateway"; reference §11.2.

import { isScalar, parseDocument } from 'yaml';

/** A definition that cannot be imported at all; the control plane answers it as a 400 BadRequestException. */
export class OpenApiInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenApiInputError';
  }
}

/** AWS: the body is not JSON or YAML describing an object (reference §11.2, observed). */
export const INVALID_INPUT = 'Invalid OpenAPI input.';
/** AWS: an object that is neither Swagger 2.0 nor OpenAPI 3.x (reference §11.2, observed). */
export const NO_IMPORTER = 'Unable to build importer with provided input.';

export interface OpenApiDocument {
  /** 2 for Swagger 2.0, 3 for OpenAPI 3.x. */
  version: 2 | 3;
  root: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * YAML through the `yaml` package's core schema. AWS reads scalars as written, so a plain
 * `version: 1.0` stays "1.0" (not the number 1): `info.version` keeps its source text.
 */
function parseYamlText(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0) throw new OpenApiInputError(INVALID_INPUT);
  const root: unknown = document.toJS({ maxAliasCount: 1000 });
  const version = document.getIn(['info', 'version'], true);
  const info = isRecord(root) ? root.info : undefined;
  if (isScalar(version) && typeof version.value === 'number' && typeof version.source === 'string' && isRecord(info)) info.version = version.source;
  return root;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYamlText(text);
    } catch {
      throw new OpenApiInputError(INVALID_INPUT);
    }
  }
}

/** Raw bytes → a Swagger 2.0 / OpenAPI 3.x document, or AWS's 400 message. */
export function parseOpenApiDocument(body: Buffer): OpenApiDocument {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new OpenApiInputError(INVALID_INPUT);
  const root = parseText(text);
  if (!isRecord(root)) throw new OpenApiInputError(INVALID_INPUT);
  const swagger = root.swagger;
  if (swagger === '2.0' || swagger === 2) return { version: 2, root };
  const openapi = root.openapi;
  if (typeof openapi === 'string' && /^3\.\d+(\.\d+)?$/.test(openapi.trim())) return { version: 3, root };
  throw new OpenApiInputError(NO_IMPORTER);
}
