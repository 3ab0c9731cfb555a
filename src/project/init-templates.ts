// The files `portico init DIR` writes: a small project that `portico serve DIR` runs at once, with a
// MOCK method, an HTTP_PROXY method (to a backend named by a stage variable, pointing at the API
// itself so it works offline), a Lambda proxy method behind a request validator and an API key.

import { fileURLToPath } from 'node:url';

export interface TemplateFile {
  /** Relative to the project directory. */
  path: string;
  content: string;
}

/** The demo API key's fixed value (printed by init and serve; it only opens a local Portico). */
export const DEMO_API_KEY = 'portico-demo-key-0123456789';

export function renderInitProject(name: string): TemplateFile[] {
  const schema = fileURLToPath(new URL('../../schema/portico.schema.json', import.meta.url));
  return [
    { path: 'portico.yaml', content: renderProjectFile(name, schema) },
    { path: 'openapi.yaml', content: OPENAPI },
    { path: 'functions/greet/index.mjs', content: GREET_HANDLER },
    { path: '.gitignore', content: '.portico/\n' },
  ];
}

function renderProjectFile(name: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A Portico project. \`portico serve ${name}\` creates or updates all of this in Portico, deploys it,
# and applies every edit to this file, openapi.yaml or a handler while it runs.
project: ${name}

functions:
  greet:
    handler: index.handler          # functions/greet/index.mjs, export handler
    code: functions/greet           # mounted: handler edits reach the next request
    runtime: nodejs20.x
    timeout: 3
    environment:
      GREETING: Hello

apis:
  ${name}:
    openapi: openapi.yaml
    stage: dev
    variables:
      # The HTTP_PROXY method forwards /backend/{proxy+} to http://{backendHost}/{backendPath}/{proxy}.
      # They point at this API itself so the project works offline; put your service here instead
      # (e.g. backendHost: api.example.com, backendPath: v1).
      backendHost: \${portico.host}
      backendPath: _aws/execute-api/\${api.id}/dev
    methodSettings:
      "*/*":
        throttlingRateLimit: 1000
        throttlingBurstLimit: 500

apiKeys:
  demo-key:
    value: ${DEMO_API_KEY}

usagePlans:
  demo-plan:
    apis: [${name}]
    apiKeys: [demo-key]
    throttle:
      rateLimit: 100
      burstLimit: 200
`;
}

const OPENAPI = `openapi: 3.0.1
info:
  title: demo
  version: "1.0"
x-amazon-apigateway-request-validators:
  body-only:
    validateRequestBody: true
    validateRequestParameters: false
paths:
  /hello:
    get:
      summary: A MOCK integration; API Gateway answers by itself.
      responses:
        "200":
          description: A greeting
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: "200"
            responseTemplates:
              application/json: '{"message": "Hello from a MOCK integration", "stage": "$context.stage"}'
  /greet:
    post:
      summary: A Lambda proxy integration (functions/greet) behind an API key and a request validator.
      security:
        - api_key: []
      x-amazon-apigateway-request-validator: body-only
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/GreetRequest"
            example:
              name: Ada
      responses:
        "200":
          description: A greeting
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:greet/invocations
  /backend/{proxy+}:
    x-amazon-apigateway-any-method:
      summary: An HTTP_PROXY integration to the backend the stage variables backendHost and backendPath name.
      parameters:
        - name: proxy
          in: path
          required: true
          schema:
            type: string
          example: hello
      responses:
        "200":
          description: The backend's answer
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: ANY
        uri: http://\${stageVariables.backendHost}/\${stageVariables.backendPath}/{proxy}
        requestParameters:
          integration.request.path.proxy: method.request.path.proxy
components:
  securitySchemes:
    api_key:
      type: apiKey
      name: x-api-key
      in: header
  schemas:
    GreetRequest:
      type: object
      required:
        - name
      properties:
        name:
          type: string
          minLength: 1
`;

const GREET_HANDLER = `// The Lambda proxy handler behind POST /greet. Edit it while \`portico serve\` runs: the next
// request runs the new code.
export const handler = async (event) => {
  const { name } = JSON.parse(event.body ?? '{}');
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: \`\${process.env.GREETING}, \${name}!\` }),
  };
};
`;
