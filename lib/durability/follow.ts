// Keeps the rolling backup up to date in one extension context (the background, and the side
// panel, which writes the library itself while the background may be asleep). Off the save path:
// a save is acknowledged when IndexedDB commits; the backup follows a moment later, debounced,
// under a Web Lock so two contexts never write at once, and a context skips a backup another one
// already made after the change it saw. A backup gives way to writes: one in progress when a
// change or a write request comes is given up and made again after the next quiet moment.
import { onLibraryChange } from '../library/changes';
import { type BackupOptions, type BackupResult, defaultPlaces, readNewestBackup, writeBackup } from './backup';

/** How long after the last change the backup is written: a "Save all" or an import is one backup. */
export const BACKUP_DELAY_MS = 2000;

/** After a failed backup (disk full), the next try; a new change also tries again. */
export const RETRY_MS = 30_000;

/** A backup is given up for writes only while the oldest change it would hold is younger than this. */
export const MAX_POSTPONE_MS = 60_000;

const LOCK = 'papershelf-backup';

/** Options of `keepBackedUp`: the delay, and hooks for the tests and the UI. */
export interface FollowOptions extends BackupOptions {
  delayMs?: number;
  onBackup?: (result: BackupResult) => void;
  onFailure?: (error: unknown) => void;
}

/** What `keepBackedUp` returns. */
export interface BackupFollower {
  /** Stops following changes (a backup in progress finishes). */
  stop(): void;
  /** A write is about to run: a backup in progress is given up, a pending one waits the delay again. */
  postpone(): void;
}

/** Writes a backup after each burst of library changes seen in this context. */
export function keepBackedUp(options: FollowOptions = {}): BackupFollower {
  const delay = options.delayMs ?? BACKUP_DELAY_MS;
  const places = options.places ?? defaultPlaces();
  let changed = new Set<string>();
  let lastChangeAt = 0;
  // When the oldest change not yet in a backup came (0: none waits).
  let waitingSince = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;
  let stopped = false;

  function schedule(after: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), after);
  }

  async function backUp(signal: AbortSignal): Promise<void> {
    const newest = await readNewestBackup(places);
    // Another context read the library after the last change this one saw: that backup has it.
    if (newest && Date.parse(newest.meta.readAt) > lastChangeAt) {
      changed = new Set();
      waitingSince = 0;
      return;
    }
    const taken = changed;
    changed = new Set();
    try {
      // Not `onBackup?.(await writeBackup(…))`: an optional call skips its arguments when absent.
      const result = await writeBackup(taken, { ...options, places, signal });
      if (changed.size === 0) waitingSince = 0;
      options.onBackup?.(result);
    } catch (error) {
      for (const key of taken) changed.add(key);
      throw error;
    }
  }

  async function run(): Promise<void> {
    if (stopped) return;
    const controller = new AbortController();
    running = controller;
    try {
      const work = () => backUp(controller.signal);
      if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request(LOCK, work);
      else await work();
    } catch (error) {
      // Given up for a write: `postpone` has scheduled the next one.
      if (controller.signal.aborted) return;
      (options.onFailure ?? ((failure) => console.warn('papershelf: the backup could not be written:', failure)))(
        error,
      );
      if (!stopped) schedule(RETRY_MS);
    } finally {
      if (running === controller) running = undefined;
    }
  }

  function postpone(): void {
    if (stopped) return;
    if (running) {
      // A backup that has waited long enough for writes finishes (a long run of saves still gets one).
      if (waitingSince !== 0 && Date.now() - waitingSince > MAX_POSTPONE_MS) return;
      running.abort();
      running = undefined;
      schedule(delay);
    } else if (waitingSince !== 0) {
      schedule(delay);
    }
  }

  const unsubscribe = onLibraryChange((keys) => {
    for (const key of keys) changed.add(key);
    lastChangeAt = Date.now();
    if (waitingSince === 0) waitingSince = lastChangeAt;
    postpone();
    schedule(delay);
  });
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    },
    postpone,
  };
}
