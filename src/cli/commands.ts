import { UsageError, type CliArgs } from './args';

/** What each command accepts beyond the options every command takes (--lang, --verbose, --help, --version). */
interface CommandSpec {
  /** Its page in the CLI's message catalog, printed by `specboard <command> --help`. */
  readonly help: 'helpCheck' | 'helpTrace' | 'helpExport' | 'helpMcp';
  readonly options: readonly string[];
}

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  check: { help: 'helpCheck', options: ['format', 'fix', 'cache', 'cache-location'] },
  trace: { help: 'helpTrace', options: ['format'] },
  export: { help: 'helpExport', options: ['out'] },
  mcp: { help: 'helpMcp', options: ['root', 'allow-write'] },
};

const EVERY_COMMAND = new Set(['lang', 'verbose', 'help', 'version']);

export function commandSpec(name: string): CommandSpec | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/**
 * Refuses an option the command does not use, so `check --out x` is a usage error (exit 2)
 * rather than an option silently ignored.
 */
export function checkOptions(args: CliArgs, spec: CommandSpec): void {
  const given = [...Object.keys(args.options), ...[...args.flags].map((f) => f.slice(2))];
  for (const name of given) {
    if (!EVERY_COMMAND.has(name) && !spec.options.includes(name)) throw new UsageError('unknownOption', { name: `--${name}`, command: args.command });
  }
}
