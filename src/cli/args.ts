import { EVERY_COMMAND, optionKind, type CommandSpec } from './commands';

/** Parsed command line. Parsing only: no I/O, so it is tested directly. */
export interface CliArgs {
  readonly command: string;
  readonly positionals: string[];
  readonly options: Record<string, string>;
  readonly flags: Set<string>;
}

export class UsageError extends Error {
  constructor(readonly key: 'unknownOption' | 'missingValue' | 'badValue' | 'unknownCommand' | 'missingArg', readonly args: Record<string, string>) {
    super(key);
  }
}

/** The short forms the CLI accepts. */
const SHORT: Readonly<Record<string, string>> = { '-h': '--help', '-v': '--version' };

export function parseArgs(argv: readonly string[]): CliArgs {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  let command = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : SHORT[arg] ?? arg;
    const kind = optionKind(name);
    if (kind === 'value') {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError('missingValue', { name });
      options[name.slice(2)] = value;
    } else if (kind === 'flag' && name === (SHORT[arg] ?? arg)) {
      flags.add(name);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError('unknownOption', { name: arg, command: command || 'specboard' });
    } else if (!command) {
      command = arg;
    } else {
      positionals.push(arg);
    }
  }
  return { command, positionals, options, flags };
}

/**
 * Refuses an option the command does not use, so `check --out x` is a usage error (exit 2)
 * rather than an option silently ignored.
 */
export function checkOptions(args: CliArgs, spec: CommandSpec): void {
  const given = [...Object.keys(args.options), ...[...args.flags].map((f) => f.slice(2))];
  for (const name of given) {
    if (!Object.hasOwn(EVERY_COMMAND, name) && !Object.hasOwn(spec.options, name)) throw new UsageError('unknownOption', { name: `--${name}`, command: args.command });
  }
}

/** Validates an option against its allowed values; returns the default when absent. */
export function choice<T extends string>(args: CliArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.options[name];
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError('badValue', { name: `--${name}`, value, allowed: allowed.join(', ') });
  }
  return value as T;
}
