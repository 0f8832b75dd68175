/** How an option is written: with a value (`--format json`) or alone (`--fix`). */
type OptionKind = 'value' | 'flag';

/** A command: its help page and the options it takes beyond those every command takes. */
export interface CommandSpec {
  /** Its page in the CLI's message catalog, printed by `specboard <command> --help`. */
  readonly help: 'helpCheck' | 'helpTrace' | 'helpExport' | 'helpMcp';
  readonly options: Readonly<Record<string, OptionKind>>;
}

/** The one list of the CLI's options: parsing reads their kinds, and each command accepts only its own. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  check: { help: 'helpCheck', options: { format: 'value', fix: 'flag', cache: 'flag', 'cache-location': 'value', threads: 'value' } },
  trace: { help: 'helpTrace', options: { format: 'value' } },
  export: { help: 'helpExport', options: { out: 'value' } },
  mcp: { help: 'helpMcp', options: { root: 'value', 'allow-write': 'flag' } },
};

/** The options every command takes. */
export const EVERY_COMMAND: Readonly<Record<string, OptionKind>> = { lang: 'value', verbose: 'flag', help: 'flag', version: 'flag' };

const KINDS = new Map<string, OptionKind>(
  [EVERY_COMMAND, ...Object.values(COMMANDS).map((c) => c.options)].flatMap((o) => Object.entries(o).map(([name, kind]) => [`--${name}`, kind] as const)),
);

/** `--format` → 'value', `--fix` → 'flag', anything else → undefined. */
export function optionKind(name: string): OptionKind | undefined {
  return KINDS.get(name);
}

export function commandSpec(name: string): CommandSpec | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}
