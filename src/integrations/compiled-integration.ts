// PLACEHOLDER until integrations land.
export interface CompiledIntegration {
  readonly type: string;
}
