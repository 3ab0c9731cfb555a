// A mistake on the `portico` command line (unknown option, missing argument), reported by
// src/cli/main.ts as one line on stderr with exit code 1.

export class UsageError extends Error {}
