// Creates the bench's Lambda functions in Portico's local Lambda API (CreateFunction, REST-JSON at
// POST /2015-03-31/functions on the same port) from bench/peers/serverless/handler.js, the same code
// serverless-offline runs. Portico accepts any credentials; the request carries a SigV4-shaped scope.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';
import type { PorticoHandle } from './portico-handle.js';
import { createZip } from './zip.js';

const ACCOUNT_ID = '000000000000';
const REGION = 'us-east-1';

/** The function ARN API Gateway integrations point at (`uri` below). */
export function functionArn(name: string): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;
}

/** The integration URI of a Lambda function: `arn:aws:apigateway:{region}:lambda:path/...`. */
export function lambdaIntegrationUri(name: string): string {
  return `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${functionArn(name)}/invocations`;
}

/** CreateFunction for `handler.<exportName>` of the shared handler file; throws on any non-2xx. */
export async function createBenchFunction(portico: PorticoHandle, name: string, exportName: string): Promise<void> {
  const zip = createZip([
    { name: 'handler.js', content: readFileSync(join(peersDir, 'serverless', 'handler.js')) },
    { name: 'package.json', content: Buffer.from('{"type":"module"}\n') },
  ]);
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const response = await fetch(`${portico.origin}/2015-03-31/functions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Amz-Date': date,
      Authorization: `AWS4-HMAC-SHA256 Credential=bench/${date.slice(0, 8)}/${REGION}/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`,
    },
    body: JSON.stringify({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Handler: `handler.${exportName}`,
      Role: `arn:aws:iam::${ACCOUNT_ID}:role/bench`,
      Code: { ZipFile: zip.toString('base64') },
      Timeout: 30,
    }),
  });
  const text = await response.text();
  if (!response.ok) {
    const type = response.headers.get('x-amzn-errortype') ?? `HTTP ${response.status}`;
    throw Object.assign(new Error(`CreateFunction answered ${response.status}: ${text.slice(0, 120)}`), { name: type.split(':')[0] ?? type });
  }
}
