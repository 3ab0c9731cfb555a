// The `portico` command's help texts: the top-level usage and `portico serve --help`. Rendered by
// src/cli/main.ts; the defaults shown come from the configuration module, the single source of them.

import { DEFAULT_PORT } from '../server/configuration.js';
import { DEFAULT_ACCOUNT_ID } from '../shared/aws-account.js';

export function renderUsage(): string {
  return `Usage: portico <command> [options]

Portico: a self-hosted API gateway compatible with Amazon API Gateway.

Commands:
  serve              Start Portico: the management API and your deployed APIs on one port
  help [command]     Show this help, or a command's help

Options:
  -h, --help         Show this help
  -v, --version      Print the version

Run \`portico serve --help\` for the serve options and the invoke URLs.
`;
}

export function renderServeUsage(): string {
  return `Usage: portico serve [options]

Starts Portico. One port serves the management API (AWS SDK, AWS CLI, Terraform) and the APIs you
deploy to stages. Logs are JSON lines on stdout.

Options:
  --port N           Port to listen on (default ${DEFAULT_PORT}; env PORTICO_PORT)
  --host H           Address to listen on (default 127.0.0.1; env PORTICO_HOST)
  --data-dir DIR     Directory of the store (default ./.portico; env PORTICO_DATA_DIR)
  --log-level L      fatal, error, warn, info, debug, trace or silent (default info; env PORTICO_LOG_LEVEL)
  --example          Also start the example backend and deploy the example API to stage dev
  --redis-url URL    Keep throttles and quotas in Redis, shared by every node on it (env PORTICO_REDIS_URL;
                     default: in memory, quota usage saved to the data dir)
  --redis-failure-policy open|closed
                     When Redis is unreachable: serve with local limits (open, default) or answer 503
                     (closed); env PORTICO_REDIS_FAILURE_POLICY
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
