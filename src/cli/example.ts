// `portico serve --example` (what `npm start` runs): starts the bundled pets backend on the next
// port and makes sure the example API is deployed to stage `dev`, then prints the URLs to call.

import type { RunningPortico } from '../server/bootstrap.js';
import type { PorticoConfig } from '../server/configuration.js';
import { StartupError } from '../server/bootstrap.js';
import { deployExampleApi, EXAMPLE_STAGE } from '../example/deploy-example-api.js';
import { startPetsBackend } from '../example/pets-backend.js';

export async function startExample(running: RunningPortico, config: PorticoConfig): Promise<void> {
  const backendPort = running.port + 1;
  try {
    await startPetsBackend(config.host, backendPort);
  } catch {
    throw new StartupError(`the example backend cannot listen on port ${backendPort} (run without --example, or free that port)`);
  }
  const apiId = await deployExampleApi(running.url, `http://${config.host}:${backendPort}`);
  const base = `${running.url}/_aws/execute-api/${apiId}/${EXAMPLE_STAGE}`;
  process.stdout.write(
    [
      '',
      `Portico is serving on ${running.url} (management API and APIs on one port).`,
      `The example API ${apiId} is deployed to stage ${EXAMPLE_STAGE}. Try:`,
      `  curl ${base}/pets`,
      `  curl ${base}/pets/2`,
      `  curl http://${apiId}.execute-api.localhost:${running.port}/${EXAMPLE_STAGE}/pets`,
      `Manage it with the AWS CLI: aws apigateway get-rest-apis --endpoint-url ${running.url}`,
      '',
    ].join('\n') + '\n',
  );
}
