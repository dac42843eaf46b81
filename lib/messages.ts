// The one message table of the extension. Every runtime message is parsed with these schemas by
// the side that receives it; what does not parse is refused, never half-handled.
import { z } from 'zod/mini';
import { PaperSchema, SavedPaperSchema } from './paper/model';

const keys = z.array(z.string().check(z.minLength(1))).check(z.maxLength(10_000));

/** Messages a content script sends to the background (which alone writes for it). */
export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  /** Saves papers; a larger set comes as the parts of one `batch`, saved together at its last part (lib/save-batch.ts). */
  z.object({
    type: z.literal('save'),
    papers: z.array(PaperSchema).check(z.minLength(1), z.maxLength(1000)),
    batch: z.optional(
      z.object({
        id: z.string().check(z.minLength(1), z.maxLength(64)),
        part: z.int().check(z.nonnegative(), z.maximum(999)),
        parts: z.int().check(z.minimum(2), z.maximum(1000)),
      }),
    ),
  }),
  z.object({ type: z.literal('remove'), key: z.string().check(z.minLength(1)) }),
  /** Put back what this page's control just removed (its Undo). */
  z.object({ type: z.literal('undo-remove'), key: z.string().check(z.minLength(1), z.maxLength(4096)) }),
  /** Which of these id terms are saved, and under which key. */
  z.object({ type: z.literal('lookup'), terms: keys }),
  /** How many papers the tab shows: the toolbar badge. */
  z.object({ type: z.literal('detected'), count: z.int().check(z.nonnegative()) }),
  /**
   * Complete these papers (every paper, without `keys`) from the services the user turned on: an
   * extension page's request only (the side panel); answered with how many were queued.
   */
  z.object({ type: z.literal('complete'), keys: z.optional(keys) }),
  /** Open the side panel; with `key`, scrolled to that paper (`sidepanel.html?paper=<key>`). */
  z.object({
    type: z.literal('open-side-panel'),
    key: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
  }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;

/** What the background answers; `error` carries a message a user can read. */
export const BackgroundResponseSchema = z.union([
  z.object({
    ok: z.literal(true),
    saved: z.optional(z.array(SavedPaperSchema)),
    found: z.optional(z.record(z.string(), z.string())),
    queued: z.optional(z.int()),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type BackgroundResponse = z.infer<typeof BackgroundResponseSchema>;

/** Messages an extension context sends to the content script of a tab. */
export const TabRequestSchema = z.discriminatedUnion('type', [
  /** The library changed: these keys were saved, updated or removed. */
  z.object({ type: z.literal('library-changed'), keys }),
  /** The background (re)started and may have missed telling this tab of a change: ask again for every paper. */
  z.object({ type: z.literal('library-resync') }),
  /** The papers this tab shows, for the popup. */
  z.object({ type: z.literal('get-papers') }),
]);
export type TabRequest = z.infer<typeof TabRequestSchema>;

export const TabPapersSchema = z.object({ url: z.string(), papers: z.array(PaperSchema) });
export type TabPapers = z.infer<typeof TabPapersSchema>;
