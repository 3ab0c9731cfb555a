// Every kind of record Portico stores, with its shape. `parent` is the REST API id for records
// that belong to an API and '' for account-level ones (API keys, usage plans...).

import type { DeploymentRecord, Stage } from '../model/deployment.js';
import type { Authorizer, DocumentationPart, DocumentationVersionRecord, GatewayResponse, Model, RequestValidator, Resource, RestApi } from '../model/rest-api.js';
import type { AccountSettings, ApiKey, UsageCounterSnapshot, UsagePlanKeyRecord, UsagePlanRecord } from '../model/usage-plan.js';
import type { AliasRecord, FunctionRecord, FunctionVersionRecord } from '../functions/function-record.js';
import type { UserPoolRecord } from '../user-pools/user-pool-record.js';
import { defineCollection } from './store.js';

export const collections = {
  /** parent '' */
  restApi: defineCollection<RestApi>('restapi'),
  /** parent apiId; index = parentId ('' for the root resource) */
  resource: defineCollection<Resource>('resource'),
  /** parent apiId; id = model name */
  model: defineCollection<Model>('model'),
  /** parent apiId */
  requestValidator: defineCollection<RequestValidator>('requestvalidator'),
  /** parent apiId */
  authorizer: defineCollection<Authorizer>('authorizer'),
  /** parent apiId; id = response type; only customised responses are stored */
  gatewayResponse: defineCollection<GatewayResponse>('gatewayresponse'),
  /** parent apiId */
  documentationPart: defineCollection<DocumentationPart>('documentationpart'),
  /** parent apiId; id = the version identifier */
  documentationVersion: defineCollection<DocumentationVersionRecord>('documentationversion'),
  /** parent apiId */
  deployment: defineCollection<DeploymentRecord>('deployment'),
  /** parent apiId; id = stage name */
  stage: defineCollection<Stage>('stage'),
  /** parent '' */
  apiKey: defineCollection<ApiKey>('apikey'),
  /** parent '' */
  usagePlan: defineCollection<UsagePlanRecord>('usageplan'),
  /** parent usagePlanId; id = key id */
  usagePlanKey: defineCollection<UsagePlanKeyRecord>('usageplankey'),
  /** parent ''; id 'account'; absent until UpdateAccount */
  account: defineCollection<AccountSettings>('account'),
  /** region '', parent ''; id = shared-state usage counter id (in-memory quota usage, persisted) */
  usageCounter: defineCollection<UsageCounterSnapshot>('usagecounter'),
  /** Lambda: parent ''; id = function name ($LATEST and function-level settings) */
  lambdaFunction: defineCollection<FunctionRecord>('lambdafunction'),
  /** Lambda: parent `lambda:{name}`; id = published version number */
  lambdaVersion: defineCollection<FunctionVersionRecord>('lambdaversion'),
  /** Lambda: parent `lambda:{name}`; id = alias name */
  lambdaAlias: defineCollection<AliasRecord>('lambdaalias'),
  /** region '', parent ''; id = Cognito user pool id (local issuer key, or a mapped issuer) */
  userPool: defineCollection<UserPoolRecord>('userpool'),
} as const;
