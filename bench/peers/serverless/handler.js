// Lambda handlers for the serverless-offline peer; the same code Portico's Lambda scenarios deploy
// (bench/scenarios/lambda-handlers.ts writes identical source for Portico's function runtime).

export const hello = async () => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ message: 'hello from lambda' }),
});

export const custom = async (event) => ({ greeting: 'hello', name: event.name, path: event.path });

export const authorizer = async (event) => ({
  principalId: 'user-bench',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
  },
  context: { tier: 'bench' },
});
