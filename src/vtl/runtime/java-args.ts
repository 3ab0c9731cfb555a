// Argument checks for whitelisted Java methods: Velocity picks a method by the runtime types of
// its arguments, so a type mismatch means "no such method" (the call yields null), while a null
// where Java dereferences it is a NullPointerException (the render fails).

import { NO_SUCH_METHOD, VtlFault } from './java-values.js';

/** Longest string a template may build (10 MB of UTF-16 code units, API Gateway's payload limit). */
export const MAX_STRING_LENGTH = 10 * 1024 * 1024;
/** Largest list or map a template may build. */
export const MAX_COLLECTION_SIZE = 1_000_000;

export class ArgumentMismatch {}
const MISMATCH = new ArgumentMismatch();

export function mismatch(): never {
  throw MISMATCH;
}

/** Runs a method body; an argument mismatch inside it becomes NO_SUCH_METHOD. */
export function withArgs(body: () => unknown): unknown {
  try {
    return body();
  } catch (error) {
    if (error === MISMATCH) return NO_SUCH_METHOD;
    throw error;
  }
}

/** hot path (every host method call): the call takes `count` arguments, or `orCount`. */
export function arity(args: unknown[], count: number, orCount: number = count): void {
  if (args.length !== count && args.length !== orCount) mismatch();
}

/** A Java int parameter. */
export function intArg(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) return value + 0;
  return mismatch();
}

/** A String/CharSequence parameter that Java dereferences (null → NullPointerException). */
export function stringArg(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) throw new VtlFault('java.lang.NullPointerException');
  return mismatch();
}

export function checkedString(s: string): string {
  if (s.length > MAX_STRING_LENGTH) throw new VtlFault(`Template built a string longer than ${MAX_STRING_LENGTH} characters`);
  return s;
}

export function checkedSize(size: number): void {
  if (size > MAX_COLLECTION_SIZE) throw new VtlFault(`Template built a collection larger than ${MAX_COLLECTION_SIZE} elements`);
}

export function indexOutOfBounds(kind: 'String' | 'List', index: number, size: number): VtlFault {
  return kind === 'String'
    ? new VtlFault(`java.lang.StringIndexOutOfBoundsException: String index out of range: ${index}`)
    : new VtlFault(`java.lang.IndexOutOfBoundsException: Index: ${index}, Size: ${size}`);
}
