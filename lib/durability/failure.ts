// A failed write on a full disk, in plain words. Chromium does not report ENOSPC in IndexedDB as a
// QuotaExceededError: measured on a full tmpfs (tests/e2e/durability-disk-full.test.ts), the
// first save fails with "The transaction was aborted" (AbortError) and every later one with
// "Internal error opening backing store for indexedDB.open." (UnknownError). Neither says why, so
// the storage estimate decides whether the disk is the cause.
import { storageHealth } from './storage-health';

/** A message for a failed write: says the disk is full when storage is low, else the error's own message. */
export async function explainWriteFailure(error: unknown): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && 'code' in error && error.code === 'quota') return message;
  const health = await storageHealth();
  if (!health?.low) return message;
  return `No space left on the disk: nothing was saved. Free some disk space, then try again. (${message})`;
}
