// The issue's "done when" flow with the real AWS CLI (v1) and the real `zip` tool: `aws lambda
// create-function` a zipped Node handler, wire it with `aws apigateway put-integration --type
// AWS_PROXY`, deploy, and call it; plus `aws lambda invoke` and `get-function`.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const run = promisify(execFile);
let portico: TestPortico;
let work: string;

beforeAll(async () => {
  portico = await startTestPortico();
  work = mkdtempSync(join(tmpdir(), 'portico-cli-'));
  writeFileSync(join(work, 'index.js'), 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ hello: event.pathParameters.proxy }) });');
  await run('zip', ['-q', 'function.zip', 'index.js'], { cwd: work });
  writeFileSync(join(work, 'app.py'), 'import json\n\ndef handler(event, context):\n    return {"statusCode": 200, "body": json.dumps({"python": event["path"]})}\n');
  await run('zip', ['-q', 'python.zip', 'app.py'], { cwd: work });
});
afterAll(async () => {
  await portico.close();
  rmSync(work, { recursive: true, force: true });
});

async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', portico.url, '--region', 'us-east-1', '--output', 'json'], {
    cwd: work,
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_PAGER: '' },
  });
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

describe('the AWS CLI', () => {
  it('creates a function, wires it with AWS_PROXY, deploys and serves it', async () => {
    const created = await aws(
      'lambda',
      'create-function',
      '--function-name',
      'hello',
      '--runtime',
      'nodejs20.x',
      '--role',
      'arn:aws:iam::000000000000:role/lambda-role',
      '--handler',
      'index.handler',
      '--zip-file',
      'fileb://function.zip',
    );
    expect(created).toMatchObject({ FunctionName: 'hello', State: 'Active' });
    const api = await aws('apigateway', 'create-rest-api', '--name', 'cli-api');
    const apiId = api.id as string;
    const proxy = await aws('apigateway', 'create-resource', '--rest-api-id', apiId, '--parent-id', api.rootResourceId as string, '--path-part', '{proxy+}');
    await aws('apigateway', 'put-method', '--rest-api-id', apiId, '--resource-id', proxy.id as string, '--http-method', 'ANY', '--authorization-type', 'NONE');
    await aws(
      'apigateway',
      'put-integration',
      '--rest-api-id',
      apiId,
      '--resource-id',
      proxy.id as string,
      '--http-method',
      'ANY',
      '--type',
      'AWS_PROXY',
      '--integration-http-method',
      'POST',
      '--uri',
      `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${created.FunctionArn as string}/invocations`,
    );
    await aws('lambda', 'add-permission', '--function-name', 'hello', '--statement-id', 'apigw', '--action', 'lambda:InvokeFunction', '--principal', 'apigateway.amazonaws.com');
    await aws('apigateway', 'create-deployment', '--rest-api-id', apiId, '--stage-name', 'dev');
    const response = await call(`${portico.url}/restapis/${apiId}/dev/_user_request_/world`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ hello: 'world' });
  }, 90_000);

  it('does the same with a Python handler', async () => {
    const created = await aws(
      'lambda',
      'create-function',
      '--function-name',
      'snake',
      '--runtime',
      'python3.12',
      '--role',
      'arn:aws:iam::000000000000:role/lambda-role',
      '--handler',
      'app.handler',
      '--zip-file',
      'fileb://python.zip',
    );
    const api = await aws('apigateway', 'create-rest-api', '--name', 'python-api');
    const apiId = api.id as string;
    await aws('apigateway', 'put-method', '--rest-api-id', apiId, '--resource-id', api.rootResourceId as string, '--http-method', 'GET', '--authorization-type', 'NONE');
    await aws(
      'apigateway',
      'put-integration',
      '--rest-api-id',
      apiId,
      '--resource-id',
      api.rootResourceId as string,
      '--http-method',
      'GET',
      '--type',
      'AWS_PROXY',
      '--integration-http-method',
      'POST',
      '--uri',
      `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${created.FunctionArn as string}/invocations`,
    );
    await aws('apigateway', 'create-deployment', '--rest-api-id', apiId, '--stage-name', 'dev');
    const response = await call(`${portico.url}/restapis/${apiId}/dev/_user_request_/`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ python: '/' });
  }, 90_000);

  it('invokes with `aws lambda invoke` and reads the function back', async () => {
    const result = await aws('lambda', 'invoke', '--function-name', 'hello', '--payload', '{"pathParameters":{"proxy":"cli"}}', 'out.json');
    expect(result).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(JSON.parse(readFileSync(join(work, 'out.json'), 'utf8'))).toEqual({ statusCode: 200, body: '{"hello":"cli"}' });
    const got = await aws('lambda', 'get-function', '--function-name', 'hello');
    expect(got).toMatchObject({ Configuration: { FunctionName: 'hello', Runtime: 'nodejs20.x' } });
    const listed = await aws('lambda', 'list-functions');
    expect((listed.Functions as Array<{ FunctionName: string }>).map((f) => f.FunctionName)).toContain('hello');
  }, 60_000);
});
