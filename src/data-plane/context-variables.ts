// `$context` for REST APIs: the variables templates, parameter mappings, gateway responses and
// (later) access logs read. Built once per request by the InvocationContext; the resource fields are
// written by route-request and `error` by the gateway response renderer. Reference §3.3; AWS
// developer guide "$context Variables for data models, authorizers, mapping templates...".

import type { RequestTimeFormat } from './request-time.js';

export interface ContextIdentity {
  /** The SigV4 caller's access key, on AWS_IAM methods (authorize). */
  accessKey: string | null;
  /** The SigV4 caller's account (authorize). */
  accountId: string | null;
  /** The method request's API key, on methods that require one (api-key). */
  apiKey: string | null;
  /** Its id (api-key). */
  apiKeyId: string | null;
  /** The SigV4 caller's unique id, e.g. `AIDA…` or `AROA…:session` (authorize). */
  caller: string | null;
  cognitoAuthenticationProvider: null;
  cognitoAuthenticationType: null;
  cognitoIdentityId: null;
  cognitoIdentityPoolId: null;
  principalOrgId: null;
  sourceIp: string;
  /** As `caller` (authorize). */
  user: string | null;
  userAgent: string | null;
  /** The SigV4 caller's ARN (authorize). */
  userArn: string | null;
}

export interface ContextError {
  message: string;
  /** The message as a JSON string literal (quotes included). */
  messageString: string;
  responseType: string;
  validationErrorString: string | null;
}

export interface ContextVariablesInit {
  accountId: string;
  apiId: string;
  deploymentId: string;
  domainName: string;
  extendedRequestId: string;
  httpMethod: string;
  sourceIp: string;
  userAgent: string | null;
  path: string;
  protocol: string;
  requestId: string;
  requestTimeEpoch: number;
  stage: string;
  /** The data plane's per-second `requestTime` formatter; without it, each read formats anew. */
  requestTimes?: RequestTimeFormat;
  /** Absent: not a canary request. */
  isCanaryRequest?: boolean;
}

export class ContextVariables {
  readonly accountId: string;
  readonly apiId: string;
  readonly deploymentId: string;
  readonly domainName: string;
  readonly extendedRequestId: string;
  readonly httpMethod: string;
  readonly identity: ContextIdentity;
  /** Whether the front door sent this request to the stage's canary release. */
  readonly isCanaryRequest: boolean;
  /** The request path with the stage, e.g. `/prod/pets/1`. */
  readonly path: string;
  readonly protocol: string;
  readonly requestId: string;
  readonly requestTimeEpoch: number;
  readonly stage: string;
  /** route-request */
  resourceId: string | null;
  /** route-request */
  resourcePath: string | null;
  /** the gateway response renderer */
  error: ContextError | undefined;
  readonly #requestTimes: RequestTimeFormat | undefined;
  /** `$context.authorizer`: principalId, the Lambda authorizer's context values, integrationLatency; or a Cognito authorizer's `claims` (authorize). */
  authorizer: Readonly<Record<string, string | number | Readonly<Record<string, string>>>> | undefined;

  constructor(init: ContextVariablesInit) {
    this.accountId = init.accountId;
    this.apiId = init.apiId;
    this.deploymentId = init.deploymentId;
    this.domainName = init.domainName;
    this.extendedRequestId = init.extendedRequestId;
    this.httpMethod = init.httpMethod;
    this.isCanaryRequest = init.isCanaryRequest === true;
    this.identity = {
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: init.sourceIp,
      user: null,
      userAgent: init.userAgent,
      userArn: null,
    };
    this.path = init.path;
    this.protocol = init.protocol;
    this.requestId = init.requestId;
    this.requestTimeEpoch = init.requestTimeEpoch;
    this.#requestTimes = init.requestTimes;
    this.stage = init.stage;
    this.resourceId = null;
    this.resourcePath = null;
    this.error = undefined;
    this.authorizer = undefined;
  }

  /** The first label of `domainName`. */
  get domainPrefix(): string {
    const dot = this.domainName.indexOf('.');
    return dot < 0 ? this.domainName : this.domainName.slice(0, dot);
  }

  /** CLF-formatted request time, `dd/MMM/yyyy:HH:mm:ss +0000` (computed only when read). */
  get requestTime(): string {
    // hot path: a `#` field, so `$context` (an Object.assign copy of the own fields) never shows it
    return this.#requestTimes === undefined ? formatRequestTime(this.requestTimeEpoch) : this.#requestTimes.format(this.requestTimeEpoch);
  }

  /**
   * `$context` as the plain object the VTL engine reads: the own fields in declaration order (as
   * Object.assign would copy them) followed by the computed `domainPrefix` and `requestTime`.
   * hot path: one object literal, so V8 allocates it with its final shape in one go. A field added
   * to this class must be added here too (test: context-variables.test.ts pins the two together).
   */
  toTemplateContext(): Record<string, unknown> {
    return {
      accountId: this.accountId,
      apiId: this.apiId,
      deploymentId: this.deploymentId,
      domainName: this.domainName,
      extendedRequestId: this.extendedRequestId,
      httpMethod: this.httpMethod,
      identity: this.identity,
      isCanaryRequest: this.isCanaryRequest,
      path: this.path,
      protocol: this.protocol,
      requestId: this.requestId,
      requestTimeEpoch: this.requestTimeEpoch,
      stage: this.stage,
      resourceId: this.resourceId,
      resourcePath: this.resourcePath,
      error: this.error,
      authorizer: this.authorizer,
      domainPrefix: this.domainPrefix,
      requestTime: this.requestTime,
    };
  }

  /** A variable by path (`['identity', 'sourceIp']`), stringified; `undefined` when unset or null. */
  lookup(path: readonly string[]): string | undefined {
    let value: unknown = (this as unknown as Record<string, unknown>)[path[0] ?? ''];
    for (let i = 1; i < path.length; i++) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[path[i]!];
    }
    if (value === null || value === undefined || typeof value === 'object' || typeof value === 'function') return undefined;
    return String(value);
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatRequestTime(epochMillis: number): string {
  const d = new Date(epochMillis);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
