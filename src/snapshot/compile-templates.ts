// Deploy-time compile of a mapping template map (`requestTemplates` or `responseTemplates`) with
// Portico's VTL engine. AWS accepts a template that cannot compile and fails each call selecting it,
// so it becomes a `broken` slot: the call answers 500 and the log names template, line and column.
// Reference §2.2, §2.4; AWS developer guide "Mapping template transformations for REST APIs".

import { compileMappingTemplate, VtlCompileError, type CompiledMappingTemplate } from '../vtl/index.js';
import { mediaTypeOf } from './media-type.js';

export type CompiledTemplateSlot =
  /** A template to render. `name` says which one in logs: `integration request template 'application/json'`. */
  | { readonly kind: 'render'; readonly name: string; readonly template: CompiledMappingTemplate }
  /** An empty template: the payload passes through unchanged. */
  | { readonly kind: 'passthrough'; readonly name: string }
  /** A template that cannot compile: selecting it fails the call (1-based line and column). */
  | { readonly kind: 'broken'; readonly name: string; readonly message: string; readonly line: number; readonly column: number };

export interface CompiledTemplates {
  /** How many templates are declared (0: none at all). */
  readonly size: number;
  /** By media type, lower-case, parameters stripped. */
  readonly byMediaType: ReadonlyMap<string, CompiledTemplateSlot>;
  /** The `application/json` template, the response side's first fallback. */
  readonly json: CompiledTemplateSlot | undefined;
  /** The first template declared, the response side's last fallback. */
  readonly first: CompiledTemplateSlot | undefined;
}

export const NO_TEMPLATES: CompiledTemplates = Object.freeze({ size: 0, byMediaType: new Map(), json: undefined, first: undefined });

/** `label` names the map in logs, e.g. `integration request` or `integration response 200`. */
export function compileTemplates(templates: Readonly<Record<string, string | null>> | undefined, label: string): CompiledTemplates {
  if (templates === undefined) return NO_TEMPLATES;
  const byMediaType = new Map<string, CompiledTemplateSlot>();
  let first: CompiledTemplateSlot | undefined;
  for (const [contentType, source] of Object.entries(templates)) {
    const mediaType = mediaTypeOf(contentType);
    if (byMediaType.has(mediaType)) continue;
    const slot = compileSlot(`${label} template '${contentType}'`, source);
    byMediaType.set(mediaType, slot);
    first ??= slot;
  }
  if (byMediaType.size === 0) return NO_TEMPLATES;
  return Object.freeze({ size: byMediaType.size, byMediaType, json: byMediaType.get('application/json'), first });
}

function compileSlot(name: string, source: string | null): CompiledTemplateSlot {
  if (source === null || source === '') return { kind: 'passthrough', name };
  try {
    return { kind: 'render', name, template: compileMappingTemplate(source) };
  } catch (error) {
    if (error instanceof VtlCompileError) return { kind: 'broken', name, message: error.message, line: error.line, column: error.column };
    return { kind: 'broken', name, message: error instanceof Error ? error.message : String(error), line: 0, column: 0 };
  }
}
