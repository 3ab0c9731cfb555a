// The stored shapes of a REST API and its parts, in AWS's own member names (apigateway 2015-07-09),
// so the control plane can return them as they are. Reference §8.2.

export interface EndpointConfiguration {
  types: string[];
  ipAddressType?: string;
  vpcEndpointIds?: string[];
}

export interface RestApi {
  id: string;
  name: string;
  description?: string;
  /** Epoch seconds. */
  createdDate: number;
  version?: string;
  warnings?: string[];
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource: 'HEADER' | 'AUTHORIZER';
  endpointConfiguration: EndpointConfiguration;
  policy?: string;
  tags?: Record<string, string>;
  disableExecuteApiEndpoint: boolean;
  rootResourceId: string;
}

export interface MethodResponse {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface IntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string | null>;
  contentHandling?: 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';
}

export type IntegrationType = 'HTTP' | 'HTTP_PROXY' | 'AWS' | 'AWS_PROXY' | 'MOCK';

export interface Integration {
  type: IntegrationType;
  httpMethod?: string;
  uri?: string;
  connectionType?: 'INTERNET' | 'VPC_LINK';
  connectionId?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string | null>;
  passthroughBehavior: 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';
  contentHandling?: 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';
  timeoutInMillis: number;
  cacheNamespace: string;
  cacheKeyParameters: string[];
  integrationResponses?: Record<string, IntegrationResponse>;
  tlsConfig?: { insecureSkipVerification?: boolean };
}

export interface Method {
  httpMethod: string;
  authorizationType: string;
  authorizerId?: string;
  apiKeyRequired: boolean;
  requestValidatorId?: string;
  operationName?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  methodResponses?: Record<string, MethodResponse>;
  methodIntegration?: Integration;
  authorizationScopes?: string[];
}

/** A resource; its methods are stored inside it (AWS returns them embedded as `resourceMethods`). */
export interface Resource {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods?: Record<string, Method>;
}

export interface Model {
  id: string;
  name: string;
  description?: string;
  schema?: string;
  contentType: string;
}

export interface GatewayResponse {
  responseType: string;
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  defaultResponse: boolean;
}

export interface RequestValidator {
  id: string;
  name?: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
}

/** The API entity a documentation part describes (DocumentationPartLocation). Reference: API reference "DocumentationPart". */
export type DocumentationPartType =
  | 'API'
  | 'AUTHORIZER'
  | 'MODEL'
  | 'RESOURCE'
  | 'METHOD'
  | 'PATH_PARAMETER'
  | 'QUERY_PARAMETER'
  | 'REQUEST_HEADER'
  | 'REQUEST_BODY'
  | 'RESPONSE'
  | 'RESPONSE_HEADER'
  | 'RESPONSE_BODY';

/** Stored canonical: the fields the type allows, `path` defaulted to `/`, `method` and `statusCode` to `*`. */
export interface DocumentationPartLocation {
  type: DocumentationPartType;
  path?: string;
  method?: string;
  statusCode?: string;
  name?: string;
}

/** A documentation part (CreateDocumentationPart); `properties` is a JSON object as text. */
export interface DocumentationPart {
  id: string;
  location: DocumentationPartLocation;
  properties: string;
}

/** A documentation version as AWS returns it (API reference "DocumentationVersion"). */
export interface DocumentationVersion {
  version: string;
  /** Epoch seconds. */
  createdDate: number;
  description?: string;
}

/** The stored version: the wire shape plus the API's documentation parts frozen at creation (never on the wire). */
export interface DocumentationVersionRecord extends DocumentationVersion {
  parts: DocumentationPart[];
}

/** An authorizer (CreateAuthorizer); methods with `authorizationType` CUSTOM or COGNITO_USER_POOLS point at it. Reference §5. */
export interface Authorizer {
  id: string;
  name: string;
  type: 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS';
  providerARNs?: string[];
  authType?: string;
  authorizerUri?: string;
  authorizerCredentials?: string;
  identitySource?: string;
  identityValidationExpression?: string;
  authorizerResultTtlInSeconds: number;
}
