// The backup *file*: a copy of the rolling backup (the gzip of the JSON backup) written into the
// user's downloads folder, under a folder they name, at most once a day or a week and only after a
// change, the last few kept. The rolling backup lives in the browser profile, on the profile's
// disk; this copy is an ordinary file the user can see, move to another disk or cloud folder, and
// import on a new machine (side panel, Import: a `.json.gz` is read as it is).
//
// Written through the `downloads` API (an optional permission, asked for when the user turns the
// file on): Chrome's File System Access handles to a folder of the user's choosing can only be kept
// in IndexedDB, lose their permission on restart, and the service worker cannot show a picker.
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { toBase64 } from './compress';
import type { KeptBackup } from './places';

/** The `storage.local` key of what the user chose (docs/CONTRACT.md, "Storage"). */
export const BACKUP_FILE_SETTINGS_KEY = 'backupFile';
/** The `storage.local` key of the files written and the last problem. */
export const BACKUP_FILE_STATUS_KEY = 'backupFileStatus';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a file is written, at most: a change after the period makes the next one. */
export const PERIODS = { day: DAY_MS, week: 7 * DAY_MS } as const;
type Period = keyof typeof PERIODS;
// A file made a little less than a period ago counts as old enough: daily use at a slightly earlier
// hour still gives one file a day.
const SLACK_MS = 60 * 60 * 1000;

/** Most files kept; older ones are deleted from the disk (only files papershelf wrote, by download id). */
export const MAX_KEEP = 60;

const SettingsSchema = z.object({
  on: z.boolean(),
  folder: z.string().check(z.maxLength(200)),
  every: z.enum(['day', 'week']),
  keep: z.int().check(z.minimum(1), z.maximum(MAX_KEEP)),
});
/** What the user chose: on or off, the folder inside their downloads folder, how often, how many. */
export type BackupFileSettings = z.infer<typeof SettingsSchema>;

/** Off, as a new install starts. */
export const BACKUP_FILE_OFF: BackupFileSettings = { on: false, folder: 'papershelf-backups', every: 'day', keep: 7 };

const WrittenSchema = z.object({
  id: z.int(),
  path: z.string().check(z.maxLength(4096)),
  at: z.iso.datetime(),
  count: z.int().check(z.nonnegative()),
  bytes: z.int().check(z.nonnegative()),
});
/** One file written: its download id, where the browser put it, when, how many papers, its size. */
export type WrittenFile = z.infer<typeof WrittenSchema>;

const StatusSchema = z.object({
  files: z.array(WrittenSchema).check(z.maxLength(MAX_KEEP + 1)),
  problem: z.optional(z.string().check(z.maxLength(500))),
});
/** The files written, oldest first, and what went wrong the last time, if it did. */
export type BackupFileStatus = z.infer<typeof StatusSchema>;

/** The part of `browser.downloads` this module uses; tests pass a stand-in. */
export interface Downloads {
  download(options: { url: string; filename: string; saveAs: boolean; conflictAction: 'uniquify' }): Promise<number>;
  search(query: { id: number }): Promise<{ state?: string; error?: string; filename?: string }[]>;
  removeFile(id: number): Promise<void>;
  erase(query: { id: number }): Promise<number[]>;
}

const SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,59}$/u;

/**
 * The folder as typed, made a relative path inside the downloads folder: up to three names of
 * letters, digits, spaces, `.`, `_` and `-`, separated by `/` (or `\`); undefined when it is not
 * one (`..`, a drive, an absolute path, a name the file system may refuse).
 */
export function folderOf(text: string): string | undefined {
  const parts = text
    .trim()
    .split(/[/\\]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return undefined;
  return parts.every((part) => SEGMENT.test(part) && !part.endsWith('.')) ? parts.join('/') : undefined;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `<folder>/papershelf-backup-2026-12-04-0735.json.gz`, in local time (the name people see). */
export function fileNameOf(folder: string, now: Date): string {
  const date = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return `${folder}/papershelf-backup-${date}-${two(now.getHours())}${two(now.getMinutes())}.json.gz`;
}

/** Whether a new file is due: the feature is on and the last file is a period old (or there is none). */
export function isDue(settings: BackupFileSettings, status: BackupFileStatus, now: Date): boolean {
  if (!settings.on) return false;
  const last = status.files.at(-1);
  return !last || now.getTime() - Date.parse(last.at) >= PERIODS[settings.every as Period] - SLACK_MS;
}

export async function readBackupFileSettings(): Promise<BackupFileSettings> {
  const stored = await browser.storage.local.get(BACKUP_FILE_SETTINGS_KEY);
  const parsed = SettingsSchema.safeParse(stored[BACKUP_FILE_SETTINGS_KEY]);
  return parsed.success ? parsed.data : BACKUP_FILE_OFF;
}

export async function writeBackupFileSettings(settings: BackupFileSettings): Promise<void> {
  await browser.storage.local.set({ [BACKUP_FILE_SETTINGS_KEY]: SettingsSchema.parse(settings) });
}

export async function readBackupFileStatus(): Promise<BackupFileStatus> {
  const stored = await browser.storage.local.get(BACKUP_FILE_STATUS_KEY);
  const parsed = StatusSchema.safeParse(stored[BACKUP_FILE_STATUS_KEY]);
  return parsed.success ? parsed.data : { files: [] };
}

async function writeStatus(status: BackupFileStatus): Promise<void> {
  await browser.storage.local.set({ [BACKUP_FILE_STATUS_KEY]: StatusSchema.parse(status) });
}

/** Whether the browser lets papershelf write files into the downloads folder now. */
export function downloadsGranted(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['downloads'] });
}

/**
 * Turns the file on or off. On: asks the browser for the `downloads` permission unless `granted`
 * (known before the click, so that the request is made within the user's gesture); refused,
 * nothing changes. Off: the permission is given back (only this feature uses it); files written
 * stay where they are. Returns the settings as now stored.
 */
export async function switchBackupFile(on: boolean, granted: boolean): Promise<BackupFileSettings> {
  if (on && !granted) {
    const given = await browser.permissions.request({ permissions: ['downloads'] });
    if (!given) throw new Error('The browser did not allow papershelf to write files to your downloads folder.');
  }
  const next = { ...(await readBackupFileSettings()), on };
  await writeBackupFileSettings(next);
  // A permission the browser gave at install (the test build's) cannot be given back: it stays.
  if (!on) await browser.permissions.remove({ permissions: ['downloads'] }).catch(() => false);
  return next;
}

// Chrome's download interrupt reasons, in words a person can act on.
const INTERRUPTED: Record<string, string> = {
  FILE_NO_SPACE: 'the disk is full',
  FILE_TOO_LARGE: 'the file is too large for the disk',
  FILE_ACCESS_DENIED: 'the browser may not write into that folder',
  FILE_NAME_TOO_LONG: 'the folder’s name is too long',
  FILE_BLOCKED: 'the browser or the system blocked the file',
  FILE_VIRUS_INFECTED: 'a virus scanner refused the file',
  FILE_SECURITY_CHECK_FAILED: 'a security check refused the file',
  USER_CANCELED: 'the download was cancelled',
  USER_SHUTDOWN: 'the browser was closed while writing it',
};

const WAIT_MS = 120_000;
const POLL_MS = 200;

// Waits for the download to end; its full path when complete, else throws in plain words.
async function finished(downloads: Downloads, id: number): Promise<string> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const [item] = await downloads.search({ id });
    if (!item) throw new Error('the download was removed before it finished');
    if (item.state === 'complete') return item.filename ?? '';
    if (item.state === 'interrupted') {
      const reason = item.error ?? 'unknown';
      throw new Error(INTERRUPTED[reason] ?? `the download failed (${reason})`);
    }
    if (Date.now() > until) throw new Error('the download did not finish within two minutes');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

// A page or the Firefox background can hand the browser an object URL; Chrome's service worker
// has none, and hands the bytes as a data: URL.
function addressOf(gzip: Uint8Array): { url: string; release(): void } {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([gzip as Uint8Array<ArrayBuffer>], { type: 'application/gzip' }));
    return { url, release: () => URL.revokeObjectURL(url) };
  }
  return { url: `data:application/gzip;base64,${toBase64(gzip)}`, release: () => {} };
}

/**
 * Writes `backup` as a file into the chosen folder of the downloads folder, waits until the
 * browser has written it, deletes the oldest files papershelf wrote beyond the number kept, and
 * records it. A failure is recorded as the status's problem and thrown.
 */
export async function writeBackupFile(
  backup: KeptBackup,
  options: { now?: Date; downloads?: Downloads } = {},
): Promise<WrittenFile> {
  const downloads = options.downloads ?? (browser.downloads as unknown as Downloads);
  const now = options.now ?? new Date();
  const [settings, status] = await Promise.all([readBackupFileSettings(), readBackupFileStatus()]);
  const address = addressOf(backup.gzip);
  try {
    const id = await downloads.download({
      url: address.url,
      filename: fileNameOf(settings.folder, now),
      saveAs: false,
      conflictAction: 'uniquify',
    });
    const path = await finished(downloads, id);
    const written: WrittenFile = {
      id,
      path,
      at: now.toISOString(),
      count: backup.meta.count,
      bytes: backup.meta.bytes,
    };
    const files = [...status.files, written];
    const old = files.splice(0, Math.max(0, files.length - settings.keep));
    for (const file of old) {
      // The user may have moved or deleted it already: nothing to do then.
      await downloads.removeFile(file.id).catch(() => {});
      await downloads.erase({ id: file.id }).catch(() => {});
    }
    await writeStatus({ files });
    return written;
  } catch (error) {
    const problem = `${now.toISOString()}: the backup file could not be written: ${error instanceof Error ? error.message : String(error)}`;
    await writeStatus({ ...status, problem: problem.slice(0, 500) });
    throw error;
  } finally {
    address.release();
  }
}

const LOCK = 'papershelf-backup-file';

/**
 * After a rolling backup: writes it as a file when the feature is on, the browser allows it and a
 * file is due. Called in every context that writes the rolling backup; a lock and the status
 * re-read inside it keep two contexts from writing two files.
 */
export async function backupFileAfter(backup: KeptBackup, now: () => Date = () => new Date()): Promise<void> {
  const attempt = async () => {
    const [settings, status] = await Promise.all([readBackupFileSettings(), readBackupFileStatus()]);
    if (!isDue(settings, status, now()) || !(await downloadsGranted())) return;
    await writeBackupFile(backup, { now: now() }).catch(() => {
      // Recorded in the status for the side panel; the next change tries again.
    });
  };
  if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request(LOCK, attempt);
  else await attempt();
}
