// What an OpenAPI import produces: plain records in Portico's stored shapes (src/model/rest-api.ts),
// with authorizers and request validators referenced by name until the control plane gives them
// ids, plus AWS's warnings and errors. Built by convert-document.ts, written by the control plane.

import type { Authorizer, GatewayResponse, Integration, Method } from '../../model/rest-api.js';

export type BasePathMode = 'ignore' | 'prepend' | 'split';

export interface ImportOptions {
  /** The id of the API being created or updated: model `$ref`s and the policy ARN name it. */
  apiId: string;
  region: string;
  accountId: string;
  /** `?basepath=` (AWS default `ignore`). */
  basePath: BasePathMode;
}

/** RestApi members the document sets; absent ones are left to the operation's defaults. */
export interface PlannedApi {
  name?: string;
  description?: string;
  version?: string;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource?: 'HEADER' | 'AUTHORIZER';
  endpointConfiguration?: { types: string[]; vpcEndpointIds?: string[] };
  disableExecuteApiEndpoint?: boolean;
  policy?: string;
}

export interface PlannedModel {
  name: string;
  description?: string;
  /** JSON Schema draft 4 text, `$ref`s already in API Gateway's canonical model URL form. */
  schema: string;
}

export interface PlannedValidator {
  name: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
}

export type PlannedAuthorizer = Omit<Authorizer, 'id'>;

/** An integration whose cache namespace defaults to its resource id once the resource has one. */
export type PlannedIntegration = Omit<Integration, 'cacheNamespace'> & { cacheNamespace?: string };

export interface PlannedMethod extends Omit<Method, 'authorizerId' | 'requestValidatorId' | 'methodIntegration'> {
  /** The security scheme (= authorizer) name, for CUSTOM and COGNITO_USER_POOLS. */
  authorizerName?: string;
  requestValidatorName?: string;
  methodIntegration?: PlannedIntegration;
}

export interface PlannedResource {
  /** The full resource path, base path applied: `/`, `/pets`, `/pets/{petId}`. */
  path: string;
  methods: PlannedMethod[];
}

/** A documentation part as the file states it: the location is checked and made canonical by the control plane. */
export interface PlannedDocumentationPart {
  location: Record<string, unknown>;
  /** The file's `properties` object as JSON text. */
  properties: string;
}

export interface ImportPlan {
  api: PlannedApi;
  models: PlannedModel[];
  validators: PlannedValidator[];
  authorizers: PlannedAuthorizer[];
  gatewayResponses: GatewayResponse[];
  /** Parents before children; every ancestor of a path with methods is listed. */
  resources: PlannedResource[];
  /** `x-amazon-apigateway-documentation`'s parts, in document order; absent with `ignore=documentation` (existing parts stay). */
  documentationParts?: PlannedDocumentationPart[];
  /** Ignored parts of the document, in AWS's words (failonwarnings turns them into a 400). */
  warnings: string[];
  /** Parts AWS refuses: the import fails with all of them ("Errors found during import"). */
  errors: string[];
}
