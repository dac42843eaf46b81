// The documents say what the code does: every message that crosses between contexts is in the
// message table of docs/ARCHITECTURE.md; every field of a paper and a saved paper, every id, every
// converter format, the database name and each schema step are in docs/CONTRACT.md. A change to
// the code that adds one of these fails here until the document names it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../lib/formats/catalog';
import { DB_NAME, DB_VERSION } from '../lib/library/db';
import { BackgroundRequestSchema, TabRequestSchema } from '../lib/messages';
import { PaperIdsSchema, SavedPaperSchema } from '../lib/paper/model';

const read = (path: string) => readFileSync(join(import.meta.dirname, '..', path), 'utf8');
const architecture = read('docs/ARCHITECTURE.md');
const contract = read('docs/CONTRACT.md');

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
}

/** The JSON Schema of a zod schema (any zod flavour), for reading its names. */
const jsonSchema = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;

/** The `type` of every message a union of message schemas accepts. */
function messageTypes(schema: z.core.$ZodType): string[] {
  const json = jsonSchema(schema);
  return (json.oneOf ?? json.anyOf ?? []).map((option) => String(option.properties?.type?.const));
}

describe('docs/ARCHITECTURE.md', () => {
  it('names every message type in its message table', () => {
    const types = [...messageTypes(BackgroundRequestSchema), ...messageTypes(TabRequestSchema)];
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((type) => !architecture.includes(`\`${type}\``))).toEqual([]);
  });
});

describe('docs/CONTRACT.md', () => {
  it('names every field of a saved paper and every id', () => {
    const fields = [
      ...Object.keys(jsonSchema(SavedPaperSchema).properties ?? {}),
      ...Object.keys(jsonSchema(PaperIdsSchema).properties ?? {}),
    ];
    expect(fields).toContain('key');
    expect(fields.filter((field) => !contract.includes(`\`${field}\``))).toEqual([]);
  });

  it('names every converter format', () => {
    expect(EXPORT_FORMATS.filter((format) => !contract.includes(`\`${format}\``))).toEqual([]);
  });

  it('names the database and has a row for each schema version', () => {
    expect(contract).toContain(`**\`${DB_NAME}\`**`);
    const missing = Array.from({ length: DB_VERSION }, (_, i) => i + 1).filter(
      (version) => !new RegExp(`^\\| ${version} \\|`, 'm').test(contract),
    );
    expect(missing).toEqual([]);
  });
});
