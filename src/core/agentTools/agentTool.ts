import type { TextEdit } from '../edits/textEdit';
import type { SpecQueries } from '../specboard';
import type { Locale } from '../types';

/** How a write went: done, refused because the file changed since it was read, or not writable. */
export type WriteOutcome = 'ok' | 'stale' | 'failed';

/**
 * What a tool may touch, supplied by its adapter (the MCP server over the disk, the chat tools
 * over the editor). The tools never reach the file system or the index's mutators themselves.
 */
export interface ToolContext {
  readonly specs: SpecQueries;
  readonly locale: Locale;
  /** The workspace roots as the caller knows them, for messages. */
  readonly rootsLabel: string;
  /**
   * A path from the caller (relative to a root, or absolute) as a core path; undefined when it
   * lies outside every root, which the tools refuse.
   */
  resolvePath(input: string): string | undefined;
  /** A core path as the caller should write it back (relative to its root). */
  displayPath(path: string): string;
  /** The current text of a file (an editor's unsaved text where there is one); undefined when unreadable. */
  readText(path: string): Promise<string | undefined>;
  /**
   * Applies one edit computed against `before`, refusing ('stale') when the file no longer holds
   * exactly that text. Absent when the adapter was not allowed to write.
   */
  readonly write?: (path: string, before: string, edit: TextEdit) => Promise<WriteOutcome>;
}

/** A tool's answer: text for a model to read, and the same facts as JSON for a program. */
export interface ToolResult {
  readonly text: string;
  readonly structured: Record<string, unknown>;
  /** The call was refused or failed: `text` says why, in the context's language. */
  readonly isError?: boolean;
}

/** A JSON Schema of a tool's input (always an object). */
export interface InputSchema {
  readonly type: 'object';
  readonly properties: Record<string, unknown>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

/** One tool as both adapters publish it: the MCP server's tools and VS Code's chat tools. */
export interface AgentTool<I = Record<string, unknown>> {
  readonly name: string;
  /** Changes files: only offered when writing is allowed, and only applied after a confirmation. */
  readonly writes?: boolean;
  description(locale: Locale): string;
  readonly inputSchema: InputSchema;
  /** Runs on input already validated against `inputSchema`. Throws ToolError for a clear refusal. */
  run(input: I, context: ToolContext): Promise<ToolResult>;
}

/** A refusal with a message for the caller (an unknown ID, a path outside the root...). */
export class ToolError extends Error {
  constructor(message: string, readonly structured: Record<string, unknown> = {}) {
    super(message);
  }
}
