// The checked content of portico.yaml (src/project/project-file.ts builds it): what `portico serve
// DIR` makes a running Portico match. Paths are absolute; defaults are filled in; `line` is where
// the entry starts in portico.yaml, for error messages.

/** A stage method setting, in MethodSetting's member names (AWS API reference "MethodSetting"). */
export interface MethodSettingInput {
  throttlingRateLimit?: number;
  throttlingBurstLimit?: number;
  loggingLevel?: 'OFF' | 'ERROR' | 'INFO';
  metricsEnabled?: boolean;
  dataTraceEnabled?: boolean;
  cachingEnabled?: boolean;
  cacheTtlInSeconds?: number;
}

export interface ThrottleInput {
  rateLimit?: number;
  burstLimit?: number;
}

export interface QuotaInput {
  limit: number;
  period: 'DAY' | 'WEEK' | 'MONTH';
  offset?: number;
}

export interface ProjectFunction {
  name: string;
  handler: string;
  /** The directory mounted as the function's code. */
  code: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  description: string;
  environment: Record<string, string>;
  line: number;
}

export interface ProjectApi {
  name: string;
  /** The OpenAPI file. */
  openapi: string;
  stage: string;
  basepath: string;
  /** Stage variables as written (placeholders not yet filled in). */
  variables: Record<string, string>;
  methodSettings: Record<string, MethodSettingInput>;
  line: number;
}

export interface ProjectApiKey {
  name: string;
  value: string | undefined;
  enabled: boolean;
  description: string | undefined;
  line: number;
}

export interface ProjectUsagePlan {
  name: string;
  description: string | undefined;
  /** Names of the project's APIs (each one's stage). */
  apis: string[];
  /** Names of the project's API keys. */
  apiKeys: string[];
  throttle: ThrottleInput | undefined;
  quota: QuotaInput | undefined;
  line: number;
}

export interface ProjectUserPool {
  poolId: string;
  issuer: string | undefined;
}

export interface Project {
  /** The absolute path of portico.yaml. */
  file: string;
  dir: string;
  name: string;
  region: string;
  functions: ProjectFunction[];
  apis: ProjectApi[];
  apiKeys: ProjectApiKey[];
  usagePlans: ProjectUsagePlan[];
  userPools: ProjectUserPool[];
}
