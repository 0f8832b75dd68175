import { SCHEMAS_DIR } from './config';
import { decodeText } from './decode';
import type { Logger } from './logger';
import { message } from './messages';
import { errorCode, isNotFound, kindLabel, NotAFileError } from './readErrors';
import type { CustomSchemaFile } from './schemaSet';
import { range } from './text';
import type { Locale, SpecDiagnostic } from './types';
import { relativeTo, type SpecWorkspace } from './workspace';

/**
 * The largest custom schema file read, in bytes. The largest built-in (prd.schema.json) is 5 KB,
 * so 256 KB leaves fifty times that. The limit is about time, not memory: Ajv compiles a custom
 * schema while the folder loads, on the extension host's only thread, and compile time grows with
 * the schema (measured under load: 2.5 s for 256 KB of properties, 7 s for 1 MB, 21 s for 1.5 MB).
 * A larger file is refused with a config-error instead of being read.
 */
export const MAX_SCHEMA_BYTES = 256 * 1024;

export interface CustomSchemaFiles {
  readonly files: CustomSchemaFile[];
  /** One config-error per schema file that could not be read: too large, binary, not UTF-8. */
  readonly diagnostics: SpecDiagnostic[];
}

/** Reads `root`'s `.specboard/schemas/*.json`, in name order. */
export async function readCustomSchemas(workspace: SpecWorkspace, root: string, locale: Locale, logger: Logger): Promise<CustomSchemaFiles> {
  const files: CustomSchemaFile[] = [];
  const diagnostics: SpecDiagnostic[] = [];
  let paths: string[] = [];
  const folder = `${root}/${SCHEMAS_DIR}`;
  try {
    paths = await workspace.listFiles(folder, () => true);
  } catch (e) {
    // No custom schemas folder: the built-ins apply. A folder that is there but cannot be listed is said.
    if (!isNotFound(e)) {
      logger.warn(`Could not list ${folder}; only the built-in schemas apply`, e);
      diagnostics.push({
        path: folder, range: range(0, 0, 0, 0), severity: 'error', code: 'config-error',
        message: message(locale, 'schema.unreadable', { file: SCHEMAS_DIR, reason: message(locale, 'schema.notRead', { reason: message(locale, 'why.failed', { code: errorCode(e) }) }) }),
      });
    }
    return { files, diagnostics };
  }
  for (const path of paths.filter((p) => p.endsWith('.json')).sort()) {
    const displayName = relativeTo(root, path);
    const refuse = (reason: string) => diagnostics.push({
      path, range: range(0, 0, 0, 1), severity: 'error', code: 'config-error', message: message(locale, 'schema.unreadable', { file: displayName, reason }),
    });
    const tooLarge = (size: number) => refuse(message(locale, 'schema.tooLarge', { size, max: MAX_SCHEMA_BYTES }));
    let bytes: Uint8Array;
    try {
      // Inside the try: a stat can fail where the listing did not (a folder readable but not searchable).
      const size = await workspace.fileSize?.(path);
      if (size !== undefined && size > MAX_SCHEMA_BYTES) {
        tooLarge(size);
        continue;
      }
      bytes = await workspace.readFile(path);
    } catch (e) {
      const why = e instanceof NotAFileError ? message(locale, 'why.notAFile', { kind: kindLabel(locale, e.kind) }) : message(locale, 'why.failed', { code: errorCode(e) });
      logger.warn(`Could not read the schema ${path}`, e);
      refuse(message(locale, 'schema.notRead', { reason: why }));
      continue;
    }
    const decoded = decodeText(bytes, MAX_SCHEMA_BYTES);
    if (decoded.ok) files.push({ path, displayName, text: decoded.text });
    else if (decoded.reason === 'skip.tooLarge') tooLarge(bytes.byteLength);
    else refuse(message(locale, 'schema.notRead', { reason: message(locale, decoded.reason === 'skip.binary' ? 'why.binary' : 'why.encoding') }));
  }
  return { files, diagnostics };
}
