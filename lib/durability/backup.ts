// The rolling backup of the library outside IndexedDB: the JSON backup (lib/formats/backup.ts),
// gzip-compressed, kept in every place of lib/durability/places.ts. A new backup never forgets a
// paper the previous one held unless this context saw it change (removed, merged away): a paper
// that is simply gone from the database (Chromium deleted it after a disk-full error, or lost a
// commit) stays in the backup, and the restore offer puts it back.
import { backupPieces, parseBackup } from '../formats/backup';
import { createLibrary } from '../library/library';
import { type RestoreSummary, restoreRecords } from '../library/restore';
import type { SavedPaper } from '../paper/model';
import { gunzipText, gzipPieces } from './compress';
import { type BackupMeta, type BackupPlace, type KeptBackup, opfsPlace, storageLocalPlace } from './places';

/** Where the backup lives and which database it copies; tests and the bench pass their own. */
export interface BackupOptions {
  places?: BackupPlace[];
  name?: string;
  now?: () => Date;
}

/** The places used when none are given: both, so that one surviving is enough. */
export function defaultPlaces(): BackupPlace[] {
  return [storageLocalPlace(), opfsPlace()];
}

/** A backup read back: its description, the place it came from and its papers. */
export interface OpenedBackup {
  meta: BackupMeta;
  place: BackupPlace['id'];
  papers: SavedPaper[];
}

// The places' backups, newest first (by `readAt`), not yet decompressed.
async function keptNewestFirst(places: BackupPlace[]): Promise<{ place: BackupPlace; backup: KeptBackup }[]> {
  const kept = await Promise.all(
    places.map(async (place) => ({ place, backup: await place.read().catch(() => undefined) })),
  );
  return kept
    .filter((entry): entry is { place: BackupPlace; backup: KeptBackup } => entry.backup !== undefined)
    .sort((a, b) => b.backup.meta.readAt.localeCompare(a.backup.meta.readAt));
}

/** The newest readable backup among the places (by `readAt`), or undefined when none is. */
export async function readNewestBackup(places: BackupPlace[] = defaultPlaces()): Promise<OpenedBackup | undefined> {
  for (const { place, backup } of await keptNewestFirst(places)) {
    try {
      const { papers } = parseBackup(await gunzipText(backup.gzip));
      return { meta: backup.meta, place: place.id, papers };
    } catch {
      // Damaged (a torn write, bad gzip): try the next place.
    }
  }
  return undefined;
}

// What this context last wrote: each key's updatedAt, so that the next backup decompresses the
// previous one only when the database lacks something it held (50,000 papers: seconds saved).
let lastWritten: { meta: BackupMeta; versions: Map<string, string> } | undefined;

function sameMeta(a: BackupMeta, b: BackupMeta): boolean {
  return a.readAt === b.readAt && a.bytes === b.bytes && a.count === b.count;
}

// The previous backup's papers that `keepUnexplained` may need: none when the backup is the one
// this context wrote and the database holds every paper of it, as new or newer.
async function previousPapers(
  places: BackupPlace[],
  records: SavedPaper[],
  changed: ReadonlySet<string>,
): Promise<SavedPaper[]> {
  const [newest] = await keptNewestFirst(places);
  if (!newest) return [];
  if (lastWritten && sameMeta(lastWritten.meta, newest.backup.meta)) {
    const current = new Map(records.map((record) => [record.key, record.updatedAt]));
    let complete = true;
    for (const [key, updatedAt] of lastWritten.versions) {
      const now = current.get(key);
      if (!changed.has(key) && (now === undefined || now < updatedAt)) {
        complete = false;
        break;
      }
    }
    if (complete) return [];
  }
  return (await readNewestBackup(places))?.papers ?? [];
}

/** Options of one backup: `signal` gives it up (nothing is written; the caller tries again later). */
export interface WriteOptions extends BackupOptions {
  signal?: AbortSignal;
}

/** The outcome of one backup: what was written (the backup itself), where, and where it failed. */
export interface BackupResult extends KeptBackup {
  written: BackupPlace['id'][];
  failed: { place: BackupPlace['id']; message: string }[];
}

/**
 * Writes a new backup of the library to every place. `changed` are the keys this context saw
 * change since the last backup: a paper of the previous backup that the database lacks, or holds
 * in an older version, is kept from the previous backup unless its key is among them.
 * Throws when no place could be written, and with the signal's reason when it was given up.
 */
export async function writeBackup(changed: ReadonlySet<string>, options: WriteOptions = {}): Promise<BackupResult> {
  const places = options.places ?? defaultPlaces();
  const now = options.now ?? (() => new Date());
  const { signal } = options;
  // Between steps other work runs (the background answers a save while a backup is made), and a
  // backup given up (`signal`) stops there, before any place is written.
  const between = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal?.throwIfAborted();
  };
  signal?.throwIfAborted();
  const readAt = now().toISOString();
  const records = await createLibrary({ name: options.name }).allPapers();
  await between();
  const papers = keepUnexplained(records, await previousPapers(places, records, changed), changed);
  const gzip = await gzipPieces(backupPieces(papers), between);
  signal?.throwIfAborted();
  const meta: BackupMeta = { layout: 1, readAt, count: papers.length, bytes: gzip.length };
  const outcomes = await Promise.allSettled(places.map((place) => place.write({ meta, gzip })));
  const result: BackupResult = { meta, gzip, written: [], failed: [] };
  outcomes.forEach((outcome, at) => {
    const id = (places[at] as BackupPlace).id;
    if (outcome.status === 'fulfilled') result.written.push(id);
    else result.failed.push({ place: id, message: String(outcome.reason) });
  });
  if (result.written.length > 0) {
    lastWritten = { meta, versions: new Map(papers.map((paper) => [paper.key, paper.updatedAt])) };
  }
  if (result.written.length === 0) {
    throw new Error(
      `the backup could not be written: ${result.failed.map((f) => `${f.place}: ${f.message}`).join('; ')}`,
    );
  }
  return result;
}

// The database's records, with each record of the previous backup that the database lacks or
// holds older put back in, unless this context saw its key change (a removal, a merge).
function keepUnexplained(records: SavedPaper[], previous: SavedPaper[], changed: ReadonlySet<string>): SavedPaper[] {
  const byKey = new Map(records.map((record) => [record.key, record]));
  for (const old of previous) {
    if (changed.has(old.key)) continue;
    const current = byKey.get(old.key);
    if (!current || current.updatedAt < old.updatedAt) byKey.set(old.key, old);
  }
  return [...byKey.values()].sort((a, b) =>
    a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.key < b.key ? -1 : 1,
  );
}

/** What the backup holds that the database does not: papers missing, and papers it holds newer. */
export interface BackupGap {
  backup: OpenedBackup;
  missing: SavedPaper[];
  newer: SavedPaper[];
}

/**
 * Compares the newest backup with the database; undefined when there is no backup or nothing to
 * restore. With `quick` (the popup, opened often) a database holding at least as many papers as
 * the backup is taken as complete without reading either whole: only a short database is compared.
 */
export async function findBackupGap(options: BackupOptions & { quick?: boolean } = {}): Promise<BackupGap | undefined> {
  const places = options.places ?? defaultPlaces();
  const library = createLibrary({ name: options.name });
  if (options.quick) {
    const [[newest], count] = await Promise.all([keptNewestFirst(places), library.countPapers()]);
    if (!newest || count >= newest.backup.meta.count) return undefined;
  }
  const [backup, records] = await Promise.all([readNewestBackup(places), library.allPapers()]);
  if (!backup) return undefined;
  const byKey = new Map(records.map((record) => [record.key, record]));
  const missing: SavedPaper[] = [];
  const newer: SavedPaper[] = [];
  for (const paper of backup.papers) {
    const current = byKey.get(paper.key);
    if (!current) missing.push(paper);
    else if (current.updatedAt < paper.updatedAt) newer.push(paper);
  }
  return missing.length + newer.length > 0 ? { backup, missing, newer } : undefined;
}

/** Puts the backup's missing and newer papers back into the database, exactly as the backup holds them. */
export function restoreGap(gap: BackupGap, options: BackupOptions = {}): Promise<RestoreSummary> {
  return restoreRecords([...gap.missing, ...gap.newer], { name: options.name });
}
