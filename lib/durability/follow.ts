// Keeps the rolling backup up to date in one extension context (the background, and the side
// panel, which writes the library itself while the background may be asleep). Off the save path:
// a save is acknowledged when IndexedDB commits; the backup follows a moment later, debounced,
// under a Web Lock so two contexts never write at once, and a context skips a backup another one
// already made after the change it saw.
import { onLibraryChange } from '../library/changes';
import { type BackupOptions, type BackupResult, defaultPlaces, readNewestBackup, writeBackup } from './backup';

/** How long after the last change the backup is written: a "Save all" or an import is one backup. */
export const BACKUP_DELAY_MS = 2000;

/** After a failed backup (disk full), the next try; a new change also tries again. */
export const RETRY_MS = 30_000;

const LOCK = 'papershelf-backup';

/** Options of `keepBackedUp`: the delay, and hooks for the tests and the UI. */
export interface FollowOptions extends BackupOptions {
  delayMs?: number;
  onBackup?: (result: BackupResult) => void;
  onFailure?: (error: unknown) => void;
}

/** Writes a backup after each burst of library changes seen in this context; returns the stop function. */
export function keepBackedUp(options: FollowOptions = {}): () => void {
  const delay = options.delayMs ?? BACKUP_DELAY_MS;
  const places = options.places ?? defaultPlaces();
  let changed = new Set<string>();
  let lastChangeAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function schedule(after: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), after);
  }

  async function backUp(): Promise<void> {
    const newest = await readNewestBackup(places);
    // Another context read the library after the last change this one saw: that backup has it.
    if (newest && Date.parse(newest.meta.readAt) > lastChangeAt) {
      changed = new Set();
      return;
    }
    const taken = changed;
    changed = new Set();
    try {
      // Not `onBackup?.(await writeBackup(…))`: an optional call skips its arguments when absent.
      const result = await writeBackup(taken, { ...options, places });
      options.onBackup?.(result);
    } catch (error) {
      for (const key of taken) changed.add(key);
      throw error;
    }
  }

  async function run(): Promise<void> {
    if (stopped) return;
    try {
      if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request(LOCK, backUp);
      else await backUp();
    } catch (error) {
      (options.onFailure ?? ((failure) => console.warn('papershelf: the backup could not be written:', failure)))(
        error,
      );
      if (!stopped) schedule(RETRY_MS);
    }
  }

  const unsubscribe = onLibraryChange((keys) => {
    for (const key of keys) changed.add(key);
    lastChangeAt = Date.now();
    schedule(delay);
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
