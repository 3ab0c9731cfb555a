// Checks shared by the DocumentationPart operations and the OpenAPI import writer: a location in
// its canonical stored form (only the fields its type allows, AWS's defaults filled in), and
// `properties` as a JSON object text. API reference "DocumentationPartLocation"; DG "Documenting REST APIs".

import type { DocumentationPart, DocumentationPartLocation, DocumentationPartType } from '../../model/rest-api.js';
import { badRequest, conflict, ManagementError } from '../management-error.js';

type LocationField = 'path' | 'method' | 'statusCode' | 'name';

interface LocationRule {
  allowed: readonly LocationField[];
  nameRequired: boolean;
}

const METHOD_FIELDS: readonly LocationField[] = ['path', 'method'];

/** Which location fields each type takes (API reference "DocumentationPartLocation"). */
const RULES: Record<DocumentationPartType, LocationRule> = {
  API: { allowed: [], nameRequired: false },
  AUTHORIZER: { allowed: ['name'], nameRequired: true },
  MODEL: { allowed: ['name'], nameRequired: true },
  RESOURCE: { allowed: ['path'], nameRequired: false },
  METHOD: { allowed: METHOD_FIELDS, nameRequired: false },
  PATH_PARAMETER: { allowed: [...METHOD_FIELDS, 'name'], nameRequired: true },
  QUERY_PARAMETER: { allowed: [...METHOD_FIELDS, 'name'], nameRequired: true },
  REQUEST_HEADER: { allowed: [...METHOD_FIELDS, 'name'], nameRequired: true },
  // UNCONFIRMED: the reference lists `name` for REQUEST_BODY; we accept it without requiring it (test: documentation-parts.test.ts).
  REQUEST_BODY: { allowed: [...METHOD_FIELDS, 'name'], nameRequired: false },
  RESPONSE: { allowed: [...METHOD_FIELDS, 'statusCode'], nameRequired: false },
  RESPONSE_HEADER: { allowed: [...METHOD_FIELDS, 'statusCode', 'name'], nameRequired: true },
  RESPONSE_BODY: { allowed: [...METHOD_FIELDS, 'statusCode'], nameRequired: false },
};

export const DOCUMENTATION_PART_TYPES = Object.keys(RULES) as DocumentationPartType[];

const FIELDS: readonly LocationField[] = ['path', 'method', 'statusCode', 'name'];
/** AWS's defaults: path `/`, method and status code `*` (any). */
const DEFAULTS: Partial<Record<LocationField, string>> = { path: '/', method: '*', statusCode: '*' };

export function isDocumentationPartType(value: string): value is DocumentationPartType {
  return Object.hasOwn(RULES, value);
}

function enumError(member: string, value: string): ManagementError {
  return new ManagementError(
    'ValidationException',
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${DOCUMENTATION_PART_TYPES.join(', ')}]`,
  );
}

/** `type` filter of GetDocumentationParts, or a location's type. */
export function parseDocumentationPartType(value: string, member: string): DocumentationPartType {
  if (!isDocumentationPartType(value)) throw enumError(member, value);
  return value;
}

/** A location object from a request body or an imported file → its canonical stored form. */
export function parseDocumentationLocation(raw: Record<string, unknown>, member: string): DocumentationPartLocation {
  const type = raw.type;
  if (type === undefined || type === null) throw new ManagementError('ValidationException', `1 validation error detected: Value null at '${member}.type' failed to satisfy constraint: Member must not be null`);
  const location: DocumentationPartLocation = { type: parseDocumentationPartType(String(type), `${member}.type`) };
  const rule = RULES[location.type];
  for (const field of FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null || value === '') continue;
    // Message UNCONFIRMED (test: documentation-parts.test.ts "rejects a field the type does not take").
    if (!rule.allowed.includes(field)) throw badRequest(`Invalid documentation part location: '${field}' is not a valid field for type '${location.type}'`);
    location[field] = String(value);
  }
  if (rule.nameRequired && location.name === undefined) throw badRequest(`Invalid documentation part location: 'name' is required for type '${location.type}'`);
  if (location.path !== undefined && !location.path.startsWith('/')) throw badRequest(`Invalid documentation part location: invalid path '${location.path}'`);
  if (location.statusCode !== undefined && !/^([1-5]\d\d|\*)$/.test(location.statusCode)) {
    throw badRequest(`Invalid documentation part location: invalid statusCode '${location.statusCode}'`);
  }
  if (location.method !== undefined) location.method = location.method.toUpperCase();
  for (const field of rule.allowed) if (location[field] === undefined && DEFAULTS[field] !== undefined) location[field] = DEFAULTS[field];
  return location;
}

/** `properties` must be a JSON object (AWS stores the text as sent). Message UNCONFIRMED. */
export function checkDocumentationProperties(properties: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(properties);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('Invalid documentation part properties: must be a JSON object');
}

/** AWS: `type 'API'` then each set field: the wording of the duplicate-location conflict (DG "Documenting REST APIs"). */
export function describeDocumentationLocation(location: DocumentationPartLocation): string {
  return [`type '${location.type}'`, ...FIELDS.filter((field) => location[field] !== undefined).map((field) => `${field} '${location[field] ?? ''}'`)].join(', ');
}

export function sameDocumentationLocation(a: DocumentationPartLocation, b: DocumentationPartLocation): boolean {
  return a.type === b.type && FIELDS.every((field) => a[field] === b[field]);
}

/** AWS: `Documentation part already exists for the specified location: type 'API'.` (409; DG "Documenting REST APIs"). */
export function checkLocationFree(parts: readonly DocumentationPart[], location: DocumentationPartLocation): void {
  if (parts.some((part) => sameDocumentationLocation(part.location, location))) {
    throw conflict(`Documentation part already exists for the specified location: ${describeDocumentationLocation(location)}.`);
  }
}
