// The messages between the side panel's LibraryView and its search worker. Both ends parse what
// they receive: the worker a panel's asks, the panel the worker's answers.
import { z } from 'zod/mini';
import { StatusSchema } from '../paper/model';

const id = z.int().check(z.nonnegative());

export const ViewQuerySchema = z.object({
  text: z.string().check(z.maxLength(1000)),
  sort: z.enum(['saved', 'published', 'title']),
  status: z.optional(StatusSchema),
  starred: z.optional(z.boolean()),
  tag: z.optional(z.string().check(z.maxLength(1000))),
});

export const AskSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('query'), id, query: ViewQuerySchema }),
  z.object({ type: z.literal('tags'), id }),
]);

export const AnswerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id,
    // The matching papers as the index's numbers, in order: one block of 4 bytes a paper crosses to
    // the panel, which maps them to keys it already holds (an array of 50,000 key strings, or one
    // string of them split again there, cost both sides 20–40 ms a keystroke and the garbage).
    result: z.object({ total: z.int(), numbers: z.instanceof(Uint32Array), terms: z.array(z.string()) }),
    // The keys of the numbers given out since the last answer, from number `from` on, one a line:
    // the panel learns each key once.
    names: z.object({ from: z.int().check(z.nonnegative()), keys: z.string() }),
  }),
  z.object({ type: z.literal('tags'), id, tags: z.array(z.object({ tag: z.string(), count: z.int() })) }),
  /** The library could not be read: the ask `id` fails with `message`. */
  z.object({ type: z.literal('failed'), id, message: z.string() }),
  /** The view took in these keys (loaded, changed or removed); the panel asks its query again. */
  z.object({ type: z.literal('changed'), keys: z.array(z.string()) }),
]);

export type Ask = z.infer<typeof AskSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
