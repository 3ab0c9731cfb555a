// A running Portico as scenarios see it: its origin and pid, an AWS SDK API Gateway client pointed
// at it (region us-east-1, any credentials, as a user would), and the invoke URL of a stage path.

import { APIGatewayClient } from '@aws-sdk/client-api-gateway';

export interface PorticoHandle {
  origin: string;
  pid: number;
  /** Milliseconds from spawn to the first HTTP answer. */
  readyMs: number;
  dataDir: string;
  apigateway: APIGatewayClient;
  /** `http://127.0.0.1:PORT/_aws/execute-api/{apiId}/{stage}{path}`; `path` starts with '/'. */
  invokeUrl(apiId: string, stage: string, path: string): string;
}

export function createPorticoHandle(origin: string, pid: number, readyMs: number, dataDir: string): PorticoHandle {
  const apigateway = new APIGatewayClient({
    endpoint: origin,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
    // Bounded: a management call that hangs fails the scenario instead of the run.
    requestHandler: { requestTimeout: 60_000, connectionTimeout: 5_000 },
  });
  return {
    origin,
    pid,
    readyMs,
    dataDir,
    apigateway,
    invokeUrl: (apiId, stage, path) => `${origin}/_aws/execute-api/${apiId}/${stage}${path}`,
  };
}
