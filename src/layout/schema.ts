import * as z from 'zod/mini';
import { PERSONNEL_GROUPS } from '../session/personnel';

/**
 * Layout documents: which modules stand where, for one personnel group and device class, as
 * data. Version 1 of the schema. A document either lists the whole page (`items`) or changes the
 * level below it (`changes`, in the vocabulary add, remove, order, resize, configure).
 */
export const LAYOUT_SCHEMA_VERSION = 1;
export const GRID_COLUMNS = 12;

const Size = { w: z.number().check(z.int(), z.gte(1), z.lte(GRID_COLUMNS)), h: z.number().check(z.int(), z.gte(1), z.lte(12)) };

export const LayoutItemSchema = z.object({
  module: z.string().check(z.minLength(1)),
  ...Size,
  config: z.optional(z.record(z.string(), z.unknown())),
});

export const LayoutChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), module: z.string(), index: z.optional(z.number().check(z.int(), z.gte(0))), w: z.optional(Size.w), h: z.optional(Size.h), config: z.optional(z.record(z.string(), z.unknown())) }),
  z.object({ op: z.literal('remove'), module: z.string() }),
  z.object({ op: z.literal('order'), modules: z.array(z.string()) }),
  z.object({ op: z.literal('resize'), module: z.string(), ...Size }),
  z.object({ op: z.literal('configure'), module: z.string(), config: z.record(z.string(), z.unknown()) }),
]);

export const LayoutScopeSchema = z.object({
  /** Kommunenummer; absent for the product default. */
  municipality: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  group: z.optional(z.enum(PERSONNEL_GROUPS)),
  device: z.enum(['tablet', 'desktop']),
  page: z.enum(['home', 'patient']),
  /** Practitioner id, for a user's own changes. */
  user: z.optional(z.string()),
});

export const LayoutDocumentSchema = z.object({
  schemaVersion: z.literal(LAYOUT_SCHEMA_VERSION),
  scope: LayoutScopeSchema,
  /** Named variant (for example "A" and "B" in a usability test); absent = the main layout. */
  variant: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** For group layouts with variants: the variant users see. */
  active: z.optional(z.boolean()),
  items: z.optional(z.array(LayoutItemSchema)),
  changes: z.optional(z.array(LayoutChangeSchema)),
});

export type LayoutItem = z.infer<typeof LayoutItemSchema>;
export type LayoutChange = z.infer<typeof LayoutChangeSchema>;
export type LayoutScope = z.infer<typeof LayoutScopeSchema>;
export type LayoutDocument = z.infer<typeof LayoutDocumentSchema>;

export type ParseResult = { ok: true; document: LayoutDocument } | { ok: false; problems: string[] };

/** Reads a layout document from JSON text or a parsed value; never throws. */
export function parseLayoutDocument(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
    }
  }
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value && (value as { schemaVersion: unknown }).schemaVersion !== LAYOUT_SCHEMA_VERSION) {
    return { ok: false, problems: [`schemaVersion ${String((value as { schemaVersion: unknown }).schemaVersion)} is not supported (expected ${LAYOUT_SCHEMA_VERSION})`] };
  }
  const result = z.safeParse(LayoutDocumentSchema, value);
  if (!result.success) return { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`) };
  if (!result.data.items && !result.data.changes) return { ok: false, problems: ['a layout document needs items or changes'] };
  return { ok: true, document: result.data };
}
