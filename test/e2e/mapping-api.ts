// Builds REST APIs for the mapping e2e tests through the real AWS SDK, the way a user would with the
// CLI: resources, a method with its integration, method responses and integration responses, then
// a deployment. Plain HTTP calls go to the invoke URL.

import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  type PutIntegrationCommandInput,
  PutIntegrationCommand,
  type PutIntegrationResponseCommandInput,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { request } from 'undici';

type IntegrationInput = Omit<PutIntegrationCommandInput, 'restApiId' | 'resourceId' | 'httpMethod'>;
type IntegrationResponseInput = Omit<PutIntegrationResponseCommandInput, 'restApiId' | 'resourceId' | 'httpMethod'>;

export interface MethodSpec {
  requestParameters?: Record<string, boolean>;
  integration: IntegrationInput;
  /** status code → declared response headers (`{ 'method.response.header.X': false }`). */
  methodResponses?: Record<string, Record<string, boolean>>;
  integrationResponses?: IntegrationResponseInput[];
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export class TestApi {
  private readonly resources = new Map<string, string>();

  private constructor(
    private readonly client: APIGatewayClient,
    private readonly baseUrl: string,
    readonly id: string,
    rootId: string,
  ) {
    this.resources.set('/', rootId);
  }

  static async create(client: APIGatewayClient, baseUrl: string, name: string, binaryMediaTypes?: string[]): Promise<TestApi> {
    const api = await client.send(new CreateRestApiCommand({ name, ...(binaryMediaTypes && { binaryMediaTypes }) }));
    return new TestApi(client, baseUrl, api.id!, api.rootResourceId!);
  }

  async resource(path: string): Promise<string> {
    const known = this.resources.get(path);
    if (known !== undefined) return known;
    const parentPath = path.slice(0, path.lastIndexOf('/')) || '/';
    const parentId = await this.resource(parentPath);
    const created = await this.client.send(new CreateResourceCommand({ restApiId: this.id, parentId, pathPart: path.slice(path.lastIndexOf('/') + 1) }));
    this.resources.set(path, created.id!);
    return created.id!;
  }

  async method(path: string, httpMethod: string, spec: MethodSpec): Promise<void> {
    const target = { restApiId: this.id, resourceId: await this.resource(path), httpMethod };
    await this.client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE', ...(spec.requestParameters && { requestParameters: spec.requestParameters }) }));
    await this.client.send(new PutIntegrationCommand({ ...target, ...spec.integration }));
    for (const [statusCode, responseParameters] of Object.entries(spec.methodResponses ?? {})) {
      await this.client.send(new PutMethodResponseCommand({ ...target, statusCode, responseParameters }));
    }
    for (const response of spec.integrationResponses ?? []) {
      await this.client.send(new PutIntegrationResponseCommand({ ...target, ...response }));
    }
  }

  async deploy(stageName = 'prod', variables?: Record<string, string>): Promise<void> {
    await this.client.send(new CreateDeploymentCommand({ restApiId: this.id, stageName, ...(variables && { variables }) }));
  }

  async call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; stage?: string } = {}): Promise<CallResult> {
    const url = `${this.baseUrl}/_aws/execute-api/${this.id}/${options.stage ?? 'prod'}${path}`;
    const response = await request(url, { method: (options.method ?? 'GET') as 'GET', headers: options.headers ?? {}, body: options.body ?? null });
    const body = Buffer.from(await response.body.arrayBuffer());
    return { status: response.statusCode, headers: response.headers, body, text: body.toString('utf8') };
  }
}
