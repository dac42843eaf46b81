// The one message table of the extension. Every runtime message is parsed with these schemas by
// the side that receives it; what does not parse is refused, never half-handled.
import { z } from 'zod';
import { PaperSchema, SavedPaperSchema } from './paper/model';

const keys = z.array(z.string().min(1)).max(10_000);

/** Messages a content script sends to the background (which alone writes for it). */
export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('save'), papers: z.array(PaperSchema).min(1).max(1000) }),
  z.object({ type: z.literal('remove'), key: z.string().min(1) }),
  /** Which of these id terms are saved, and under which key. */
  z.object({ type: z.literal('lookup'), terms: keys }),
  /** How many papers the tab shows: the toolbar badge. */
  z.object({ type: z.literal('detected'), count: z.int().nonnegative() }),
  z.object({ type: z.literal('open-side-panel') }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;

/** What the background answers; `error` carries a message a user can read. */
export const BackgroundResponseSchema = z.union([
  z.object({
    ok: z.literal(true),
    saved: z.array(SavedPaperSchema).optional(),
    found: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type BackgroundResponse = z.infer<typeof BackgroundResponseSchema>;

/** Messages an extension context sends to the content script of a tab. */
export const TabRequestSchema = z.discriminatedUnion('type', [
  /** The library changed: these keys were saved, updated or removed. */
  z.object({ type: z.literal('library-changed'), keys }),
  /** The papers this tab shows, for the popup. */
  z.object({ type: z.literal('get-papers') }),
]);
export type TabRequest = z.infer<typeof TabRequestSchema>;

export const TabPapersSchema = z.object({ url: z.string(), papers: z.array(PaperSchema) });
export type TabPapers = z.infer<typeof TabPapersSchema>;
