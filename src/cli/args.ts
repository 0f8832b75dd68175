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

const VALUE_OPTIONS = new Set(['--format', '--lang', '--out', '--root', '--cache-location']);
const FLAGS = new Set(['--help', '-h', '--version', '-v', '--verbose', '--fix', '--allow-write', '--cache']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  let command = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError('missingValue', { name });
      options[name.slice(2)] = value;
    } else if (FLAGS.has(arg)) {
      flags.add(arg === '-h' ? '--help' : arg === '-v' ? '--version' : arg);
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

/** Validates an option against its allowed values; returns the default when absent. */
export function choice<T extends string>(args: CliArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.options[name];
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError('badValue', { name: `--${name}`, value, allowed: allowed.join(', ') });
  }
  return value as T;
}
