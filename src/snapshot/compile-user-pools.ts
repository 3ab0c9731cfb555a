// Deploy time: a COGNITO_USER_POOLS authorizer's `providerARNs`
// (`arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}`) compiled into the user pool ids the
// authorize stage asks the verifier about; `${stageVariables.x}` in an ARN is rendered once per
// served stage (its frozen variables object), on that stage's first request.
// AWS developer guide "Integrate a REST API with an Amazon Cognito user pool".

export interface CompiledUserPools {
  /** hot path: the pool ids (the same frozen array every call when no ARN uses a stage variable). */
  render(stageVariables: Readonly<Record<string, string>>): readonly string[];
}

const USER_POOL_ARN = /^arn:aws[a-zA-Z-]*:cognito-idp:[^:]*:[^:]*:userpool\/(.+)$/;
const STAGE_VARIABLE = /\$\{stageVariables\.([a-zA-Z0-9_]+)\}/g;

/** The pool id of a user pool ARN, or `undefined` when the text is not one. */
export function userPoolIdOf(arn: string): string | undefined {
  return USER_POOL_ARN.exec(arn)?.[1];
}

export function compileUserPools(providerARNs: readonly string[] | undefined): CompiledUserPools {
  const arns = providerARNs ?? [];
  // AWS: "You can use a stage variable to define your user pool" (the developer guide's example:
  // `userpool/${stageVariables.MyUserPool}`; test: cognito-authorizers.test.ts "stage variable").
  if (arns.some((arn) => arn.includes('${stageVariables.'))) {
    // A served stage's variables object is frozen and lives as long as the stage serves it.
    const byStage = new WeakMap<Readonly<Record<string, string>>, readonly string[]>();
    return {
      render(stageVariables) {
        let ids = byStage.get(stageVariables);
        if (ids === undefined) {
          ids = Object.freeze(poolIdsOf(arns.map((arn) => arn.replace(STAGE_VARIABLE, (_match, name: string) => stageVariables[name] ?? ''))));
          byStage.set(stageVariables, ids);
        }
        return ids;
      },
    };
  }
  const ids = Object.freeze(poolIdsOf(arns));
  return { render: () => ids };
}

/** An ARN that names no pool is skipped: no token can match it, so its requests are 401. */
function poolIdsOf(arns: readonly string[]): string[] {
  const ids: string[] = [];
  for (const arn of arns) {
    const id = userPoolIdOf(arn);
    if (id !== undefined && id !== '') ids.push(id);
  }
  return ids;
}
