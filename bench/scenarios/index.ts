// Every scenario, in the order a full `npm run bench` runs them. Add a new one here.

import { authorizer } from './authorizer.js';
import { awsProxy } from './aws-proxy.js';
import { cognitoAuthorizer } from './cognito-authorizer.js';
import { deploy1000 } from './deploy.js';
import { fullPipeline } from './full-pipeline.js';
import { httpProxy } from './http-proxy.js';
import { lambdaCustom } from './lambda-custom.js';
import { micro } from './micro.js';
import { mock } from './mock.js';
import { routing } from './routing.js';
import type { Scenario } from './scenario.js';
import { startup } from './startup.js';
import { traffic } from './traffic.js';

export const SCENARIOS: readonly Scenario[] = [mock, httpProxy, awsProxy, lambdaCustom, fullPipeline, traffic, authorizer, cognitoAuthorizer, routing, deploy1000, startup, micro];
