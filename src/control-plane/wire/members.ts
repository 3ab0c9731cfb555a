// Reading members of a management request body (outside input → trusted values). Wrong JSON types
// are SerializationExceptions as AWS's JSON deserialiser reports them; scalars are coerced to
// strings as AWS's deserialiser does. Messages for wrong types are UNCONFIRMED (Coral-style).

import { ManagementError } from '../management-error.js';

type Body = Record<string, unknown>;

function serialization(message: string): ManagementError {
  return new ManagementError('SerializationException', message);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'Start of list found where not expected';
  if (value !== null && typeof value === 'object') return 'Start of structure or map found where not expected.';
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'boolean') return 'BOOLEAN_VALUE';
  return 'NUMBER_VALUE';
}

export function readString(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw serialization(describe(value));
}

export function readBoolean(body: Body, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw serialization(typeof value === 'object' ? describe(value) : `${describe(value)} can not be converted to a Boolean`);
}

export function readInteger(body: Body, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw serialization(typeof value === 'object' ? describe(value) : `${describe(value)} can not be converted to an Integer`);
}

export function readNumber(body: Body, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  throw serialization(typeof value === 'object' ? describe(value) : `${describe(value)} can not be converted to a Double`);
}

export function readStringList(body: Body, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw serialization(`${describe(value)} can not be converted to a list`);
  return value.map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    throw serialization(describe(item));
  });
}

export function readObject(body: Body, name: string): Body | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw serialization(`${describe(value)} can not be converted to a structure`);
  return value as Body;
}

/** A map of strings; `null` values are dropped. */
export function readStringMap(body: Body, name: string): Record<string, string> | undefined {
  const map = readObject(body, name);
  if (map === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const key of Object.keys(map)) {
    const item = readString(map, key);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

export function readBooleanMap(body: Body, name: string): Record<string, boolean> | undefined {
  const map = readObject(body, name);
  if (map === undefined) return undefined;
  const out: Record<string, boolean> = {};
  for (const key of Object.keys(map)) {
    const item = readBoolean(map, key);
    if (item !== undefined) out[key] = item;
  }
  return out;
}
