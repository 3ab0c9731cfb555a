// $input and $util as API Gateway defines them for mapping templates: the payload (`body`),
// JSONPath over it (`path`, `json`), method request parameters (`params`), and the escaping and
// encoding helpers. AWS developer guide: "API Gateway mapping template and access logging variable reference".

import type { MappingTemplateInput } from '../mapping-template.js';
import { arity, checkedString, mismatch, stringArg } from './java-args.js';
import { RecordView } from './aws-context.js';
import { HostObject, NO_SUCH_METHOD, VtlFault, type MutationLog } from './java-values.js';
import { parseJsonExactly, parseJsonNatively, parseJsonText, readsDifferentlyNatively, stringifiesLikeJsonSmart, writeJson } from './json.js';
import { evaluateJsonPath, MISSING, type CompiledJsonPath } from './jsonpath.js';
import { toJavaString } from './print.js';

/** Compiled JSONPath expressions for one template; literal paths are compiled with the template. */
export class JsonPathCache {
  private readonly paths = new Map<string, CompiledJsonPath | VtlFault>();

  constructor(
    private readonly compile: (path: string) => CompiledJsonPath,
    private readonly limit = 256,
  ) {}

  get(path: string): CompiledJsonPath {
    let compiled = this.paths.get(path);
    if (compiled === undefined) {
      try {
        compiled = this.compile(path);
      } catch (error) {
        compiled = error instanceof VtlFault ? error : new VtlFault(String(error));
      }
      if (this.paths.size >= this.limit) this.paths.clear();
      this.paths.set(path, compiled);
    }
    if (compiled instanceof VtlFault) throw compiled;
    return compiled;
  }
}

const UNPARSED: unique symbol = Symbol('unparsed');

/**
 * `$input` for one render; the payload is parsed at most once, on first use, natively. Whether the
 * native reading is exact (readsDifferentlyNatively) is checked only when a result could show the
 * difference (a number, a list or a map), and the exact reader replaces it then if needed: a
 * string, boolean or null at a definite path reads the same either way. hot path.
 */
export class InputBinding extends HostObject {
  private document: unknown = UNPARSED;
  /** The payload was read natively; JSON.stringify may then write it (checked on first use). */
  private native = false;
  /** `document` is the native reading and the fidelity check has not run yet. */
  private unchecked = false;
  private stringifies: boolean | undefined;
  private params: Record<string, RecordView> | undefined;

  constructor(
    private readonly input: MappingTemplateInput,
    private readonly paths: JsonPathCache,
    private readonly log: MutationLog,
  ) {
    super();
  }

  /** AWS: an empty payload reads as `{}`; test/conformance/vtl/vtl-input.ts (reference §3.1) */
  private get body(): string {
    return this.input.body === '' ? '{}' : this.input.body;
  }

  private parsed(): unknown {
    if (this.document === UNPARSED) {
      const { value, native } = parseJsonNatively(this.body);
      this.document = value;
      this.native = native;
      this.unchecked = native;
    }
    return this.document;
  }

  /** The JSONPath result over the exact reading of the payload. */
  private evaluate(compiled: CompiledJsonPath): unknown {
    const value = evaluateJsonPath(compiled, this.parsed());
    if (!this.unchecked || typeof value === 'string' || typeof value === 'boolean' || value === null || value === MISSING) return value;
    this.unchecked = false;
    if (!readsDifferentlyNatively(this.body)) return value;
    this.document = parseJsonExactly(this.body);
    this.native = false;
    return evaluateJsonPath(compiled, this.document);
  }

  /** `$input.path(x)`: the JSONPath result as a native value (null when the path matches nothing). */
  path(compiled: CompiledJsonPath): unknown {
    const value = this.evaluate(compiled);
    return value === MISSING ? null : value;
  }

  /** `$input.json(x)`: the JSONPath result as JSON text (empty when the path matches nothing). */
  json(compiled: CompiledJsonPath): string {
    // hot path
    const value = this.evaluate(compiled);
    // AWS: a definite path that matches nothing renders as an empty string; test/conformance/vtl/vtl-input.ts
    if (value === MISSING) return '';
    if (this.native && this.log.mutations === 0 && (this.stringifies ??= stringifiesLikeJsonSmart(this.body))) return JSON.stringify(value);
    return writeJson(value, false);
  }

  /** `$input.params(x)`: path, then query string, then header; an absent parameter is "". */
  param(name: string): string {
    const { path, querystring, header } = this.input.params;
    if (Object.hasOwn(path, name)) return path[name] ?? '';
    if (Object.hasOwn(querystring, name)) return querystring[name] ?? '';
    if (Object.hasOwn(header, name)) return header[name] ?? '';
    const lower = name.toLowerCase();
    for (const key of Object.keys(header)) if (key.toLowerCase() === lower) return header[key] ?? '';
    // AWS: an absent parameter is an empty string, not null; test/conformance/vtl/vtl-input.ts
    return '';
  }

  getProperty(name: string): unknown {
    return name === 'body' ? this.body : undefined;
  }

  invoke(name: string, args: unknown[]): unknown {
    switch (name) {
      case 'path':
        arity(args, 1);
        return this.path(this.paths.get(stringArg(args[0])));
      case 'json':
        arity(args, 1);
        return this.json(this.paths.get(stringArg(args[0])));
      case 'params':
        arity(args, 0, 1);
        if (args.length === 0) {
          const { path, querystring, header } = this.input.params;
          return (this.params ??= { path: new RecordView(path, false), querystring: new RecordView(querystring, false), header: new RecordView(header, false) });
        }
        return typeof args[0] === 'string' ? this.param(args[0]) : mismatch();
      case 'getBody':
        arity(args, 0);
        return this.body;
      default:
        return NO_SUCH_METHOD;
    }
  }

  toJavaString(): string {
    return toJavaString(this.input.params) ?? '';
  }
}

/** Whether escapeJavaScript changes the string at all (checked natively before the copying loop). */
const JS_NEEDS_ESCAPE = /[^\u0020\u0021\u0023-\u0026\u0028-\u002e\u0030-\u005b\u005d-\u007f]/;

function escapeJavaScriptUnit(c: number): string {
  switch (c) {
    case 8: return '\\b';
    case 10: return '\\n';
    case 9: return '\\t';
    case 12: return '\\f';
    case 13: return '\\r';
    case 39: return "\\'";
    case 34: return '\\"';
    case 92: return '\\\\';
    case 47: return '\\/';
    default: return `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
}

/** StringEscapeUtils.escapeJavaScript (commons-lang): quotes, backslash, `/`, controls, non-ASCII as \uXXXX. */
export function escapeJavaScript(s: string): string {
  // hot path: runs that need no escape are copied whole
  if (!JS_NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7f && c !== 34 && c !== 39 && c !== 47 && c !== 92) continue;
    if (i > from) out += s.slice(from, i);
    out += escapeJavaScriptUnit(c);
    from = i + 1;
  }
  return from < s.length ? out + s.slice(from) : out;
}

/** URLEncoder.encode(s, "UTF-8"): form encoding, space as `+`, `.-*_` kept, bytes as uppercase %XX. */
export function urlEncode(s: string): string {
  if (/^[A-Za-z0-9.*_-]*$/.test(s)) return s;
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const safe = (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte === 46 || byte === 45 || byte === 42 || byte === 95;
    out += safe ? String.fromCharCode(byte) : byte === 32 ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** URLDecoder.decode(s, "UTF-8"). */
export function urlDecode(s: string): string {
  const bytes: number[] = [];
  let out = '';
  const flush = (): void => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (hex.length < 2) throw new VtlFault('java.lang.IllegalArgumentException: URLDecoder: Incomplete trailing escape (%) pattern');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new VtlFault('java.lang.IllegalArgumentException: URLDecoder: Illegal hex characters in escape (%) pattern');
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      flush();
      out += c === '+' ? ' ' : c;
    }
  }
  flush();
  return out;
}

/** java.util.Base64 basic decoder: the standard alphabet, optional padding, anything else rejected. */
export function base64Decode(s: string): string {
  const body = s.replace(/={1,2}$/, '');
  const bad = /[^A-Za-z0-9+/]/.exec(body);
  if (bad !== null) throw new VtlFault(`java.lang.IllegalArgumentException: Illegal base64 character ${bad[0].charCodeAt(0).toString(16)}`);
  if (body.length % 4 === 1) throw new VtlFault('java.lang.IllegalArgumentException: Last unit does not have enough valid bits');
  return Buffer.from(body, 'base64').toString('utf8');
}

function textArg(value: unknown): string {
  if (value === null || value === undefined) throw new VtlFault('java.lang.NullPointerException');
  return toJavaString(value) ?? '';
}

/** `$util`: stateless, shared by every render of a template. */
export class UtilBinding extends HostObject {
  getProperty(): unknown {
    return undefined;
  }

  /** `$util.escapeJavaScript(x)`: null for null. hot path (compiled calls come here directly). */
  escapeJavaScript(value: unknown): string | null {
    return value === null || value === undefined ? null : checkedString(escapeJavaScript(textArg(value)));
  }

  invoke(name: string, args: unknown[]): unknown {
    switch (name) {
      case 'escapeJavaScript':
        arity(args, 1);
        return this.escapeJavaScript(args[0]);
      case 'parseJson':
        arity(args, 1);
        return parseJsonText(stringArg(args[0]));
      case 'urlEncode':
        arity(args, 1);
        return checkedString(urlEncode(textArg(args[0])));
      case 'urlDecode':
        arity(args, 1);
        return urlDecode(textArg(args[0]));
      case 'base64Encode':
        arity(args, 1);
        return checkedString(Buffer.from(textArg(args[0]), 'utf8').toString('base64'));
      case 'base64Decode':
        arity(args, 1);
        return base64Decode(textArg(args[0]));
      default:
        return NO_SUCH_METHOD;
    }
  }

  toJavaString(): string {
    return '';
  }
}

