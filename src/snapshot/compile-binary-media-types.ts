// Deploy-time compile of the API's `binaryMediaTypes` into a matcher the data plane asks whether a
// Content-Type or Accept value is binary (exact types, `type/*` and `*/*` wildcards).
// Reference §2.5; AWS developer guide "Working with binary media types for REST APIs".

import { mediaTypeOf } from './media-type.js';

export interface CompiledBinaryMediaTypes {
  /** `true` when the API declares none: every payload is text (hot paths test this first). */
  readonly none: boolean;
  /** Whether a media type (parameters allowed) is binary; an absent one never is. */
  matches(mediaType: string | undefined): boolean;
}

export const NO_BINARY_MEDIA_TYPES: CompiledBinaryMediaTypes = Object.freeze({ none: true, matches: () => false });

export function compileBinaryMediaTypes(binaryMediaTypes: readonly string[] | undefined): CompiledBinaryMediaTypes {
  if (binaryMediaTypes === undefined || binaryMediaTypes.length === 0) return NO_BINARY_MEDIA_TYPES;
  const exact = new Set<string>();
  const families = new Set<string>();
  let all = false;
  for (const declared of binaryMediaTypes) {
    const type = mediaTypeOf(declared);
    if (type === '*/*') all = true;
    else if (type.endsWith('/*')) families.add(type.slice(0, -1));
    else if (type !== '') exact.add(type);
  }
  return Object.freeze({
    none: false,
    matches(mediaType: string | undefined): boolean {
      if (mediaType === undefined) return false;
      const type = mediaTypeOf(mediaType);
      if (type === '') return false;
      if (all || exact.has(type)) return true;
      const slash = type.indexOf('/');
      return slash > 0 && families.has(type.slice(0, slash + 1));
    },
  });
}
