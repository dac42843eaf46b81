// Whether the browser is running out of room for the library, from `navigator.storage.estimate()`.
// With `unlimitedStorage` Chromium's quota for the extension is its usage plus the free space of
// the disk (less a reserve it keeps), so "near quota" means "the disk is nearly full" — the case
// where IndexedDB writes fail and Chromium has been seen deleting a database.

/** Warn when the extension has used this fraction of what the browser would give it. */
export const WARN_FRACTION = 0.8;

/** ...or when less than this is left, whatever the fraction: a big disk can still be nearly full. */
export const WARN_FREE_BYTES = 200 * 1024 * 1024;

/** How full storage is: bytes used and available to the extension, and whether to warn. */
export interface StorageHealth {
  usage: number;
  quota: number;
  low: boolean;
}

/** Decides from an estimate whether to warn (pure; `storageHealth` reads the estimate). */
export function judgeStorage(estimate: { usage?: number; quota?: number }): StorageHealth | undefined {
  const { usage, quota } = estimate;
  if (usage === undefined || quota === undefined || !(quota > 0)) return undefined;
  return { usage, quota, low: usage >= quota * WARN_FRACTION || quota - usage < WARN_FREE_BYTES };
}

/** Reads the browser's estimate; undefined where the browser gives none. */
export async function storageHealth(): Promise<StorageHealth | undefined> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return undefined;
  try {
    return judgeStorage(await navigator.storage.estimate());
  } catch {
    return undefined;
  }
}

/** A size for people: "38 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
