// $context for one render: the gateway's context variables (read-only) plus the writable
// `requestOverride` / `responseOverride` groups, each parameter settable once per render.
// AWS developer guide: "Use a mapping template to override an API's request and response parameters and status codes".

import type { MappingTemplateOverrides } from '../mapping-template.js';
import { invokeMapMethod, mapGet } from './collection-methods.js';
import { arity, stringArg } from './java-args.js';
import { HostObject, NO_SUCH_METHOD, VtlFault } from './java-values.js';
import { toJavaString } from './print.js';

type JavaRecord = Readonly<Record<string, unknown>>;

/** Any gateway object a template reaches through $context: read through a read-only view. */
function gatewayValue(value: unknown, name: string, inAuthorizer: boolean): unknown {
  if (typeof value !== 'object' || value === null || value instanceof HostObject) return value;
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (value instanceof Map) return value;
  const record = value as JavaRecord;
  return inAuthorizer && name === 'claims' ? new ClaimsView(record) : new RecordView(record, name === 'authorizer');
}

function overrideTwice(name: string): VtlFault {
  // AWS: an override may be applied to each parameter only once; a second one fails the request; test/conformance/vtl/vtl-context.ts
  return new VtlFault(`Override ${name} was already set; each override may only be applied once`);
}

/** One override map (`header`, `path` or `querystring`). */
export class OverrideMap extends HostObject {
  readonly values = new Map<string, unknown>();

  constructor(private readonly label: string) {
    super();
  }

  getProperty(name: string): unknown {
    return this.values.get(name);
  }

  override setProperty(name: string, value: unknown): boolean {
    if (this.values.has(name)) throw overrideTwice(`${this.label}.${name}`);
    this.values.set(name, value);
    return true;
  }

  invoke(name: string, args: unknown[]): unknown {
    if (name === 'put') {
      arity(args, 2);
      this.setProperty(stringArg(args[0]), args[1]);
      return null;
    }
    return invokeMapMethod(this.values, name, args, undefined);
  }

  toJavaString(): string {
    return toJavaString(this.values) ?? '';
  }

  /** The overrides as the contract's string map. */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.values) out[k] = toJavaString(v) ?? '';
    return out;
  }
}

class OverrideGroup extends HostObject {
  constructor(
    private readonly maps: Readonly<Record<string, OverrideMap>>,
    private readonly statusSlot: { status: unknown; set: boolean } | undefined,
  ) {
    super();
  }

  getProperty(name: string): unknown {
    if (name === 'status' && this.statusSlot) return this.statusSlot.status;
    return Object.hasOwn(this.maps, name) ? this.maps[name] : undefined;
  }

  override setProperty(name: string, value: unknown): boolean {
    if (name !== 'status' || !this.statusSlot) return false;
    if (this.statusSlot.set) throw overrideTwice('responseOverride.status');
    this.statusSlot.status = value;
    this.statusSlot.set = true;
    return true;
  }

  invoke(name: string, args: unknown[]): unknown {
    if (name === 'get' && args.length === 1 && typeof args[0] === 'string') return this.getProperty(args[0]);
    return NO_SUCH_METHOD;
  }

  toJavaString(): string {
    const entries: Record<string, unknown> = { ...this.maps };
    if (this.statusSlot?.set) entries['status'] = this.statusSlot.status;
    return toJavaString(entries) ?? '';
  }
}

/** Cognito claims: readable by name, but `$context.authorizer.claims` itself prints as null. */
class ClaimsView extends HostObject {
  constructor(private readonly claims: JavaRecord) {
    super();
  }

  getProperty(name: string): unknown {
    return mapGet(this.claims, name);
  }

  invoke(name: string, args: unknown[]): unknown {
    return invokeMapMethod(this.claims, name, args, undefined);
  }

  // AWS: "Calling $context.authorizer.claims returns null"; test/conformance/vtl/vtl-context.ts
  toJavaString(): string | undefined {
    return undefined;
  }

  override printsAsNull(): boolean {
    return true;
  }
}

/** A read-only record of gateway data (context, params, stage variables); `authorizer.claims` is a ClaimsView. */
export class RecordView extends HostObject {
  constructor(
    private readonly record: JavaRecord,
    private readonly wrapClaims: boolean,
  ) {
    super();
  }

  getProperty(name: string): unknown {
    return gatewayValue(mapGet(this.record, name), name, this.wrapClaims);
  }

  invoke(name: string, args: unknown[]): unknown {
    if (name === 'get' && args.length === 1 && typeof args[0] === 'string') return this.getProperty(args[0]);
    return invokeMapMethod(this.record, name, args, undefined);
  }

  toJavaString(): string {
    return toJavaString(this.record) ?? '';
  }

  override iterationValues(): readonly unknown[] {
    return Object.keys(this.record).map((key) => this.getProperty(key));
  }
}

const NO_OVERRIDE: Record<string, string> = Object.freeze({});
/** What a render that set no override returns (shared, frozen). */
const NO_OVERRIDES: MappingTemplateOverrides = Object.freeze({
  requestOverride: Object.freeze({ header: NO_OVERRIDE, path: NO_OVERRIDE, querystring: NO_OVERRIDE }),
  responseOverride: Object.freeze({ header: NO_OVERRIDE, status: undefined }),
});

/** The writable override groups, created when a template first touches them. */
class OverrideState {
  readonly requestOverride = { header: new OverrideMap('requestOverride.header'), path: new OverrideMap('requestOverride.path'), querystring: new OverrideMap('requestOverride.querystring') };
  readonly responseHeader = new OverrideMap('responseOverride.header');
  readonly status = { status: undefined as unknown, set: false };
  readonly requestGroup = new OverrideGroup(this.requestOverride, undefined);
  readonly responseGroup = new OverrideGroup({ header: this.responseHeader }, this.status);
}

export class ContextView extends HostObject {
  private state: OverrideState | undefined;

  constructor(private readonly context: JavaRecord) {
    super();
  }

  getProperty(name: string): unknown {
    // hot path
    if (name === 'requestOverride' || name === 'responseOverride') {
      const state = (this.state ??= new OverrideState());
      return name === 'requestOverride' ? state.requestGroup : state.responseGroup;
    }
    return gatewayValue(mapGet(this.context, name), name, false);
  }

  invoke(name: string, args: unknown[]): unknown {
    if (name === 'get' && args.length === 1 && typeof args[0] === 'string') return this.getProperty(args[0]);
    return invokeMapMethod(this.context, name, args, undefined);
  }

  toJavaString(): string {
    return toJavaString(this.context) ?? '';
  }

  overrides(): MappingTemplateOverrides {
    const state = this.state;
    if (state === undefined) return NO_OVERRIDES;
    const request = state.requestOverride;
    return {
      requestOverride: { header: request.header.toRecord(), path: request.path.toRecord(), querystring: request.querystring.toRecord() },
      responseOverride: { header: state.responseHeader.toRecord(), status: statusCode(state.status.status) },
    };
  }
}

function statusCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
