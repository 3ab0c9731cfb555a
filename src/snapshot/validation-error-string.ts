// `$context.error.validationErrorString` for a body that failed its model: AWS validates with the
// Java json-schema-validator (fge), whose report this reproduces — its message wording, keywords in
// alphabetical order, object fields sorted, no descent into children once an error is reported, and
// combinators reported as one message. Runs only after the compiled ajv check failed (never on the
// hot path). Wording observed on AWS (test: validation-error-string.test.ts); ordering UNCONFIRMED.

import { isSchemaObject, resolvePointer, type JsonValue, type SchemaObject } from '../model/model-schema.js';

type Check = (schema: SchemaObject, instance: JsonValue, walk: Walk) => string | undefined;

interface Walk {
  /** Validates `instance` against `schema` into a fresh report; returns whether it matched. */
  matches(schema: JsonValue, instance: JsonValue): boolean;
  /** Validates into the current report. */
  into(schema: JsonValue, instance: JsonValue): void;
}

const json = (value: JsonValue | readonly string[]): string => JSON.stringify(value);
const sorted = (values: Iterable<string>): string[] => [...values].sort();

function typeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function equal(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]!));
  if (isSchemaObject(a) && isSchemaObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key]!, b[key]!));
  }
  return false;
}

const isObject = (value: JsonValue | undefined): value is SchemaObject => isSchemaObject(value);
const isNumber = (value: JsonValue | undefined): value is number => typeof value === 'number';
const count = (schemas: JsonValue | undefined, instance: JsonValue, walk: Walk): [number, number] => {
  const list = Array.isArray(schemas) ? schemas : [];
  return [list.filter((schema) => walk.matches(schema, instance)).length, list.length];
};

/** fge's draft-4 keyword validators, in the order fge runs them (sorted by keyword). */
const CHECKS: ReadonlyArray<readonly [string, Check]> = [
  ['additionalItems', (s, v) => {
    if (!Array.isArray(v) || s.additionalItems !== false || !Array.isArray(s.items) || v.length <= s.items.length) return undefined;
    return `schema only allows ${s.items.length} elements in array but instance has ${v.length} elements`;
  }],
  ['additionalProperties', (s, v) => {
    if (!isObject(v) || s.additionalProperties !== false) return undefined;
    const declared = isSchemaObject(s.properties) ? s.properties : {};
    const patterns = isSchemaObject(s.patternProperties) ? Object.keys(s.patternProperties).map((p) => new RegExp(p)) : [];
    const unwanted = Object.keys(v).filter((key) => !Object.hasOwn(declared, key) && !patterns.some((p) => p.test(key)));
    return unwanted.length > 0 ? `object instance has properties which are not allowed by the schema: ${json(sorted(unwanted))}` : undefined;
  }],
  ['allOf', (s, v, w) => {
    const [matched, total] = count(s.allOf, v, w);
    return matched < total ? `instance failed to match all required schemas (matched only ${matched} out of ${total})` : undefined;
  }],
  ['anyOf', (s, v, w) => {
    const [matched, total] = count(s.anyOf, v, w);
    return matched === 0 ? `instance failed to match at least one required schema among ${total}` : undefined;
  }],
  ['dependencies', (s, v, w) => {
    if (!isObject(v) || !isSchemaObject(s.dependencies)) return undefined;
    const messages: string[] = [];
    for (const field of sorted(Object.keys(s.dependencies))) {
      const dependency = s.dependencies[field]!;
      if (!Object.hasOwn(v, field)) continue;
      if (isSchemaObject(dependency)) w.into(dependency, v);
      else if (Array.isArray(dependency)) {
        const missing = dependency.filter((name): name is string => typeof name === 'string' && !Object.hasOwn(v, name));
        if (missing.length > 0) messages.push(`property "${field}" of object has missing property dependencies (schema requires ${json(dependency)}; missing: ${json(missing)})`);
      }
    }
    return messages.length > 0 ? messages.join(', ') : undefined;
  }],
  ['enum', (s, v) => {
    if (!Array.isArray(s.enum) || s.enum.some((item) => equal(item, v))) return undefined;
    return `instance value (${json(v)}) not found in enum (possible values: ${json(s.enum)})`;
  }],
  ['maxItems', (s, v) => {
    if (!Array.isArray(v) || !isNumber(s.maxItems) || v.length <= s.maxItems) return undefined;
    return `array is too long: must have at most ${s.maxItems} elements but instance has ${v.length} elements`;
  }],
  ['maxLength', (s, v) => {
    if (typeof v !== 'string' || !isNumber(s.maxLength) || [...v].length <= s.maxLength) return undefined;
    return `string "${v}" is too long (length: ${[...v].length}, maximum allowed: ${s.maxLength})`;
  }],
  ['maxProperties', (s, v) => {
    if (!isObject(v) || !isNumber(s.maxProperties) || Object.keys(v).length <= s.maxProperties) return undefined;
    return `object has too many properties (found ${Object.keys(v).length} but schema requires at most ${s.maxProperties})`;
  }],
  ['maximum', (s, v) => {
    if (!isNumber(v) || !isNumber(s.maximum)) return undefined;
    if (s.exclusiveMaximum === true) return v >= s.maximum ? `numeric instance is not strictly lower than the required maximum ${s.maximum}` : undefined;
    return v > s.maximum ? `numeric instance is greater than the required maximum (maximum: ${s.maximum}, found: ${v})` : undefined;
  }],
  ['minItems', (s, v) => {
    if (!Array.isArray(v) || !isNumber(s.minItems) || v.length >= s.minItems) return undefined;
    return `array is too short: must have at least ${s.minItems} elements but instance has ${v.length} elements`;
  }],
  ['minLength', (s, v) => {
    if (typeof v !== 'string' || !isNumber(s.minLength) || [...v].length >= s.minLength) return undefined;
    return `string "${v}" is too short (length: ${[...v].length}, required minimum: ${s.minLength})`;
  }],
  ['minProperties', (s, v) => {
    if (!isObject(v) || !isNumber(s.minProperties) || Object.keys(v).length >= s.minProperties) return undefined;
    return `object has too few properties (found ${Object.keys(v).length} but schema requires at least ${s.minProperties})`;
  }],
  ['minimum', (s, v) => {
    if (!isNumber(v) || !isNumber(s.minimum)) return undefined;
    if (s.exclusiveMinimum === true) return v <= s.minimum ? `numeric instance is not strictly greater than the required minimum ${s.minimum}` : undefined;
    return v < s.minimum ? `numeric instance is lower than the required minimum (minimum: ${s.minimum}, found: ${v})` : undefined;
  }],
  ['multipleOf', (s, v) => {
    if (!isNumber(v) || !isNumber(s.multipleOf) || Number.isInteger(v / s.multipleOf)) return undefined;
    return `remainder of division is not zero (${v} / ${s.multipleOf})`;
  }],
  ['not', (s, v, w) => (s.not !== undefined && w.matches(s.not, v) ? 'instance matched a schema which it should not have' : undefined)],
  ['oneOf', (s, v, w) => {
    const [matched, total] = count(s.oneOf, v, w);
    return matched !== 1 ? `instance failed to match exactly one schema (matched ${matched} out of ${total})` : undefined;
  }],
  ['pattern', (s, v) => {
    if (typeof v !== 'string' || typeof s.pattern !== 'string' || new RegExp(s.pattern).test(v)) return undefined;
    return `ECMA 262 regex "${s.pattern}" does not match input string "${v}"`;
  }],
  ['required', (s, v) => {
    if (!isObject(v) || !Array.isArray(s.required)) return undefined;
    const missing = sorted(new Set(s.required.filter((name): name is string => typeof name === 'string' && !Object.hasOwn(v, name))));
    return missing.length > 0 ? `object has missing required properties (${json(missing)})` : undefined;
  }],
  ['type', (s, v) => {
    const declared = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string') : undefined;
    if (declared === undefined) return undefined;
    const allowed = new Set(declared);
    if (allowed.has('number')) allowed.add('integer');
    const found = typeOf(v);
    return allowed.has(found) ? undefined : `instance type (${found}) does not match any allowed primitive type (allowed: ${json(sorted(allowed))})`;
  }],
  ['uniqueItems', (s, v) => {
    if (!Array.isArray(v) || s.uniqueItems !== true || v.every((item, i) => v.findIndex((other) => equal(other, item)) === i)) return undefined;
    return 'array must not contain duplicate elements';
  }],
];

const MAX_STEPS = 10_000;

/** Renders fge's report for `instance` against a model schema: `[message, message]`. */
export function renderValidationErrorString(schema: SchemaObject, schemasByUrl: ReadonlyMap<string, SchemaObject>, instance: JsonValue): string {
  let steps = 0;
  const validate = (node: JsonValue, root: SchemaObject, value: JsonValue, report: string[]): void => {
    let schema: JsonValue | undefined = node;
    while (isSchemaObject(schema) && typeof schema.$ref === 'string') {
      if (++steps > MAX_STEPS) return;
      const ref: string = schema.$ref;
      const hash = ref.indexOf('#');
      const url = hash < 0 ? ref : ref.slice(0, hash);
      if (url !== '') root = schemasByUrl.get(url) ?? root;
      schema = hash < 0 ? schemasByUrl.get(url) : resolvePointer(root, ref.slice(hash));
    }
    if (!isSchemaObject(schema) || ++steps > MAX_STEPS) return;
    const current = schema;
    const walk: Walk = {
      matches: (sub, item) => {
        const subReport: string[] = [];
        validate(sub, root, item, subReport);
        return subReport.length === 0;
      },
      into: (sub, item) => validate(sub, root, item, report),
    };
    for (const [keyword, check] of CHECKS) {
      if (current[keyword] === undefined) continue;
      const message = check(current, value, walk);
      if (message !== undefined) report.push(message);
    }
    // AWS (fge): children are not validated once the report holds an error (test: validation-error-string.test.ts).
    if (report.length > 0) return;
    if (Array.isArray(value)) {
      const items = current.items;
      value.forEach((item, i) => {
        const sub = Array.isArray(items) ? (i < items.length ? items[i] : current.additionalItems) : items;
        if (isSchemaObject(sub)) validate(sub, root, item, report);
      });
    } else if (isObject(value)) {
      const properties = isSchemaObject(current.properties) ? current.properties : {};
      const patterns = isSchemaObject(current.patternProperties) ? Object.entries(current.patternProperties) : [];
      for (const field of sorted(Object.keys(value))) {
        const selected: JsonValue[] = [];
        if (Object.hasOwn(properties, field)) selected.push(properties[field]!);
        for (const [pattern, sub] of patterns) if (new RegExp(pattern).test(field)) selected.push(sub);
        const additional = current.additionalProperties;
        if (selected.length === 0 && isSchemaObject(additional)) selected.push(additional);
        for (const sub of selected) validate(sub, root, value[field]!, report);
      }
    }
  };
  const report: string[] = [];
  validate(schema, schema, instance, report);
  return `[${report.join(', ')}]`;
}
