// Parses the arguments of `portico init|export|import`: positionals plus `--name value`,
// `--name=value` and boolean `--name` flags, each command declaring the flags it knows.

import { UsageError } from './usage-error.js';

export interface ParsedArguments {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** `known` maps each flag name to `value` (takes a value) or `boolean`. */
export function parseCommandFlags(command: string, args: readonly string[], known: Readonly<Record<string, 'value' | 'boolean'>>): ParsedArguments {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    const kind = known[name];
    if (kind === undefined) throw new UsageError(`unknown option: --${name} (see portico ${command} --help)`);
    if (kind === 'boolean') {
      flags.set(name, true);
      continue;
    }
    const value = equals < 0 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined) throw new UsageError(`--${name} needs a value (see portico ${command} --help)`);
    flags.set(name, value);
  }
  return { positionals, flags };
}

/** A flag's value, or `fallback`. */
export function flagValue(parsed: ParsedArguments, name: string, fallback: string): string {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : fallback;
}

/** Fails unless `value` is one of `allowed`. */
export function checkChoice(command: string, name: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`invalid --${name}: ${value} (one of ${allowed.join(', ')}; see portico ${command} --help)`);
  return value;
}

export const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';
