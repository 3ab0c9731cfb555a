// The `portico` command's help texts: the top-level usage and each command's `--help`. Rendered by
// src/cli/*-command.ts; the defaults shown come from the configuration module, the single source of them.

import { DEFAULT_PORT } from '../server/configuration.js';
import { DEFAULT_ACCOUNT_ID } from '../shared/aws-account.js';

export function renderUsage(): string {
  return `Usage: portico <command> [options]

Portico: a self-hosted API gateway compatible with Amazon API Gateway.

Commands:
  serve [DIR]        Start Portico: the management API and your deployed APIs on one port;
                     with DIR, serve the project in DIR/portico.yaml and reload it on every edit
  init DIR           Write a small working project into DIR
  export API_ID      Print a stage's OpenAPI definition (portico export API_ID --stage dev > api.yaml)
  import FILE        Create (or update) a REST API from an OpenAPI file
  token              Print a Cognito user pool token signed by Portico's local issuer
  help [command]     Show this help, or a command's help

Options:
  -h, --help         Show this help
  -v, --version      Print the version

Run \`portico <command> --help\` for a command's options; \`portico serve --help\` shows the invoke URLs.
`;
}

export function renderServeUsage(): string {
  return `Usage: portico serve [DIR] [options]

Starts Portico. One port serves the management API (AWS SDK, AWS CLI, Terraform) and the APIs you
deploy to stages. Logs are JSON lines on stdout.

With DIR, a directory holding portico.yaml (see \`portico init\`), Portico creates or updates the
project's functions, APIs, stages, API keys and usage plans, deploys them, and prints their URLs on
stderr. It then watches portico.yaml, the OpenAPI files and the handlers: an edit is applied within a
second; a broken edit prints the file, line and error while the previous version keeps serving.
The project's data dir defaults to DIR/.portico.

Options:
  --port N           Port to listen on (default ${DEFAULT_PORT}; env PORTICO_PORT)
  --host H           Address to listen on (default 127.0.0.1; env PORTICO_HOST)
  --data-dir DIR     Directory of the store (default ./.portico; env PORTICO_DATA_DIR)
  --log-level L      fatal, error, warn, info, debug, trace or silent (default info; env PORTICO_LOG_LEVEL)
  --example          Also start the example backend and deploy the example API to stage dev (not with DIR)
  --redis-url URL    Keep throttles and quotas in Redis, shared by every node on it (env PORTICO_REDIS_URL;
                     default: in memory, quota usage saved to the data dir)
  --redis-failure-policy open|closed
                     When Redis is unreachable: serve with local limits (open, default) or answer 503
                     (closed); env PORTICO_REDIS_FAILURE_POLICY
  --iam-principals FILE
                     JSON list of {accessKeyId, secretAccessKey, arn, policy?} that AWS_IAM callers sign
                     as (env PORTICO_IAM_PRINCIPALS; default: key test, secret test, the account root)
  --lambda-scale-out-delay MS
                     How long an invocation may queue on a busy warm Node.js worker before new workers
                     start (default 50; env PORTICO_LAMBDA_SCALE_OUT_DELAY). 0 is Lambda's own rule: a
                     new execution environment for every concurrent invocation
  -h, --help         Show this help
Options take their value as \`--port 8080\` or \`--port=8080\`.

Environment:
  PORTICO_ACCOUNT_ID The AWS account id in ARNs and messages (default ${DEFAULT_ACCOUNT_ID})

Management API (any credentials; the region comes from the request signature):
  http://127.0.0.1:{port}
  e.g. aws --endpoint-url http://127.0.0.1:${DEFAULT_PORT} apigateway get-rest-apis

Invoke URLs of a deployed stage:
  http://{apiId}.execute-api.localhost:{port}/{stage}/{path}
  http://127.0.0.1:{port}/_aws/execute-api/{apiId}/{stage}/{path}
  http://127.0.0.1:{port}/restapis/{apiId}/{stage}/_user_request_/{path}

Stopping: SIGINT (Ctrl-C) or SIGTERM stops accepting connections, lets in-flight requests finish,
closes the store and exits 0; a second signal exits at once.
`;
}

export function renderInitUsage(): string {
  return `Usage: portico init DIR

Writes a small working project into DIR (new or empty): portico.yaml, an OpenAPI file with a MOCK
method, an HTTP_PROXY method and a Lambda proxy method (with a request validator and an API key),
and the Node.js handler of that function. \`portico serve DIR\` runs it at once.
`;
}

export function renderExportUsage(): string {
  return `Usage: portico export API_ID --stage NAME [options]

Prints the OpenAPI definition of a deployed stage, with API Gateway's extensions, on stdout
(GetExport), e.g. portico export a1b2c3d4e5 --stage dev > api.yaml

Options:
  --stage NAME       The stage to export (required)
  --type T           oas30 (default) or swagger
  --output F         yaml (default) or json
  --endpoint URL     Portico's URL (default http://127.0.0.1:${DEFAULT_PORT})
  --region R         The region of the API (default us-east-1)
`;
}

export function renderImportUsage(): string {
  return `Usage: portico import FILE [options]

Creates a REST API from an OpenAPI 3 or Swagger 2 file, YAML or JSON (ImportRestApi), and prints it
as JSON. With --rest-api-id it updates that API instead (PutRestApi). Deploy it with
aws apigateway create-deployment, or use \`portico serve DIR\` to import and deploy in one step.

Options:
  --rest-api-id ID   Update this API instead of creating one
  --mode M           With --rest-api-id: merge (default) or overwrite
  --basepath B       ignore (default), prepend or split
  --fail-on-warnings Refuse the file when the import has warnings
  --endpoint URL     Portico's URL (default http://127.0.0.1:${DEFAULT_PORT})
  --region R         The region to create the API in (default us-east-1)
`;
}
