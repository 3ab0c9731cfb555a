// The shape of one VTL conformance case: a mapping template and the request it renders for, the
// exact output (and overrides) API Gateway produces, or the error it fails with; `fact` names the
// AWS behaviour it pins (developer guide page, reference section, or recorded AWS output).

export interface VtlCaseInput {
  body?: string;
  params?: { path?: Record<string, string>; querystring?: Record<string, string>; header?: Record<string, string> };
  context?: Record<string, unknown>;
  stageVariables?: Record<string, string>;
}

export interface VtlCase {
  name: string;
  /** The AWS fact pinned: `[DG: page]`, `[Ref §x]`, `[Obs]` (recorded AWS output), `[Velocity 1.7: ...]` (API Gateway's engine); UNCONFIRMED where only inferred. */
  fact: string;
  template: string;
  input?: VtlCaseInput;
  output?: string;
  requestOverride?: { header?: Record<string, string>; path?: Record<string, string>; querystring?: Record<string, string> };
  responseOverride?: { header?: Record<string, string>; status?: number };
  /** The render (or compile) fails instead. */
  error?: 'compile' | 'runtime' | 'invalid-json';
  errorLine?: number;
  errorColumn?: number;
}

/** The context every case renders with unless it brings its own. */
export const DEFAULT_CONTEXT: Record<string, unknown> = {
  accountId: '123456789012',
  apiId: 'a1b2c3d4e5',
  httpMethod: 'POST',
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  resourceId: 'r3sx1d',
  resourcePath: '/pets/{petId}',
  path: '/test/pets/42',
  stage: 'test',
  protocol: 'HTTP/1.1',
  requestTime: '09/Apr/2015:12:34:56 +0000',
  requestTimeEpoch: 1428582896000,
  identity: { sourceIp: '198.51.100.7', userAgent: 'curl/8.5.0', accountId: '', apiKey: '', caller: '', user: '' },
};
