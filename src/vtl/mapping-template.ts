// The contract between the VTL engine and the gateway: a mapping template compiled once at deploy
// time, rendered per request with API Gateway's bindings ($input, $util, $context, $stageVariables).
// AWS developer guide: "API Gateway mapping template and access logging variable reference".

/** What a template can read. Plain data: the engine builds its `$input`/`$util` views over it. */
export interface MappingTemplateInput {
  /** `$input.body`: the raw payload as text (binary payloads arrive base64-encoded). */
  body: string;
  /** `$input.params()`: name → value maps (`$input.params(x)` searches path, querystring, header). */
  params: {
    path: Readonly<Record<string, string>>;
    querystring: Readonly<Record<string, string>>;
    header: Readonly<Record<string, string>>;
  };
  /** `$context`: a nested plain object (`$context.identity.sourceIp`, `$context.authorizer.claims`...). */
  context: Readonly<Record<string, unknown>>;
  /** `$stageVariables` */
  stageVariables: Readonly<Record<string, string>>;
}

/** Overrides a template wrote with `#set($context.requestOverride...)` / `responseOverride` (read-only: may be shared). */
export interface MappingTemplateOverrides {
  requestOverride: { header: Record<string, string>; path: Record<string, string>; querystring: Record<string, string> };
  responseOverride: { header: Record<string, string>; status: number | undefined };
}

export interface MappingTemplateOutput extends MappingTemplateOverrides {
  output: string;
}

export interface CompiledMappingTemplate {
  /** hot path: never parses; throws VtlRuntimeError (with line and column) when the template fails. */
  render(input: MappingTemplateInput): MappingTemplateOutput;
}

/** A template that cannot be parsed; `line`/`column` are 1-based. */
export class VtlCompileError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'VtlCompileError';
  }
}

/** A template that failed while rendering (limit exceeded, bad method call...). */
export class VtlRuntimeError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'VtlRuntimeError';
  }
}

/**
 * A render that failed because the template read the payload as JSON ($input.path/json,
 * $util.parseJson) and it is not valid JSON. API Gateway answers this differently from other
 * template failures (for request templates: 400 "Could not parse request body into json").
 */
export class VtlInvalidJsonError extends VtlRuntimeError {
  constructor(message: string, line: number, column: number) {
    super(message, line, column);
    this.name = 'VtlInvalidJsonError';
  }
}
