import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LIFECYCLE_STAGES } from '../../src/core';
import { defaultAllowed } from '../../src/core/vocabulary';

/** The repository root: this file runs bundled from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');

/** The parts of a schema file that name stages. */
interface SchemaFile {
  readonly properties?: {
    readonly stage?: { readonly enum?: unknown; readonly default?: unknown };
    readonly deliverables?: { readonly propertyNames?: { readonly enum?: unknown } };
  };
  readonly 'x-specboard'?: { readonly stage?: unknown };
}

/** A schema as shipped: VS Code and other JSON tools read these files, not the core's list. */
function schema(name: string): SchemaFile {
  return JSON.parse(readFileSync(path.join(ROOT, 'schemas', name), 'utf8')) as SchemaFile;
}

// JSON schemas cannot import the core's list, so they repeat it; these tests keep the copies equal.
describe('the lifecycle stage list (src/core/stages.ts)', () => {
  it('is the stage enum of common.schema.json, in order', () => {
    assert.deepEqual(schema('common.schema.json').properties?.stage?.enum, [...LIFECYCLE_STAGES]);
  });

  it('is the set of keys specboard-config.schema.json allows under deliverables, in order', () => {
    assert.deepEqual(schema('specboard-config.schema.json').properties?.deliverables?.propertyNames?.enum, [...LIFECYCLE_STAGES]);
  });

  it('holds the stage and the default stage of every built-in document type', () => {
    const files = readdirSync(path.join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json'));
    for (const file of files) {
      const s = schema(file);
      for (const stage of [s['x-specboard']?.stage, s.properties?.stage?.default]) {
        if (stage !== undefined) assert.ok((LIFECYCLE_STAGES as readonly unknown[]).includes(stage), `${file}: ${String(stage)}`);
      }
    }
  });

  it('is what the vocabulary allows for a document stage when no schema says otherwise', () => {
    assert.deepEqual([...defaultAllowed('doc.stage')], [...LIFECYCLE_STAGES]);
  });
});
