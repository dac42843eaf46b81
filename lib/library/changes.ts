// Telling every extension context (popup, side panel, background) that the library changed.
import { z } from 'zod';

/** The BroadcastChannel every extension context listens on. */
export const LIBRARY_CHANNEL = 'papershelf-library';

/** A change announcement: the keys saved, updated or removed (merged-away duplicates included). */
export const LibraryChangeSchema = z.object({ type: z.literal('changed'), keys: z.array(z.string()) });

/** A change announcement, as listeners receive it. */
export type LibraryChange = z.infer<typeof LibraryChangeSchema>;

let sender: BroadcastChannel | undefined;

/** Announces committed changes to the other contexts (and to this context's own listeners). */
export function announceChange(keys: string[]): void {
  if (keys.length === 0 || typeof BroadcastChannel === 'undefined') return;
  if (!sender) {
    sender = new BroadcastChannel(LIBRARY_CHANNEL);
    // Node keeps a process alive while a channel is open; the sender lives as long as the context.
    (sender as { unref?: () => void }).unref?.();
  }
  const change: LibraryChange = { type: 'changed', keys: [...new Set(keys)] };
  sender.postMessage(change);
}

/** Calls `listener` with the changed keys of every change announced in any context; returns the unsubscribe function. */
export function onLibraryChange(listener: (keys: string[]) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = LibraryChangeSchema.safeParse(event.data);
    if (parsed.success) listener(parsed.data.keys);
  };
  return () => channel.close();
}
