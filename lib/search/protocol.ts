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
    // The keys in order, one a line: a single string crosses to the panel and is checked there
    // in one step, where an array of 50,000 strings costs both sides a few milliseconds a keystroke.
    result: z.object({ total: z.int(), keys: z.string(), terms: z.array(z.string()) }),
  }),
  z.object({ type: z.literal('tags'), id, tags: z.array(z.object({ tag: z.string(), count: z.int() })) }),
  /** The library could not be read: the ask `id` fails with `message`. */
  z.object({ type: z.literal('failed'), id, message: z.string() }),
  /** The view took in these keys (loaded, changed or removed); the panel asks its query again. */
  z.object({ type: z.literal('changed'), keys: z.array(z.string()) }),
]);

export type Ask = z.infer<typeof AskSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
