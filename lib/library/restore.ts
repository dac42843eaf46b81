// Putting records from the durability backup (lib/durability) back into the library exactly as
// the backup holds them: status, tags, note, savedAt and updatedAt untouched. library.ts merges
// on every write (its importRecords re-dates and unites); a restore must not, unless the paper
// was saved again since under another key, and then it merges like an import.
import { z } from 'zod';
import { idTerms } from '../paper/ids';
import { type SavedPaper, SavedPaperSchema } from '../paper/model';
import { announceChange } from './changes';
import { DB_NAME, openLibraryDb } from './db';
import { createLibrary, LibraryError, toLibraryError } from './library';

/** What a restore did: records put back as they were, and records merged into a paper saved again since. */
export interface RestoreSummary {
  exact: number;
  merged: number;
}

/**
 * Puts backup records back: each record whose ids no other stored record holds is written exactly
 * (one transaction, all or none); the rest are merged by `importRecords`. Invalid input changes nothing.
 */
export async function restoreRecords(records: SavedPaper[], options: { name?: string } = {}): Promise<RestoreSummary> {
  const name = options.name ?? DB_NAME;
  const parsed = z.array(SavedPaperSchema).safeParse(records);
  if (!parsed.success) {
    throw new LibraryError(
      'invalid',
      `Nothing was restored: the backup holds an invalid record: ${z.prettifyError(parsed.error)}`,
    );
  }
  const conflicting: SavedPaper[] = [];
  const written: string[] = [];
  try {
    const db = await openLibraryDb(name);
    const tx = db.transaction('papers', 'readwrite');
    tx.done.catch(() => {});
    const index = tx.store.index('ids');
    const owners = await Promise.all(
      parsed.data.map((record) => Promise.all(idTerms(record).map((term) => index.getAllKeys(term)))),
    );
    const pending: Promise<unknown>[] = [];
    parsed.data.forEach((record, at) => {
      const others = (owners[at] ?? []).flat().filter((key) => key !== record.key);
      if (others.length > 0) {
        conflicting.push(record);
        return;
      }
      pending.push(tx.store.put({ ...record, terms: idTerms(record) }));
      written.push(record.key);
    });
    await Promise.all(pending);
    await tx.done;
  } catch (error) {
    throw toLibraryError(error);
  }
  announceChange(written);
  const merged =
    conflicting.length > 0
      ? await createLibrary({ name }).importRecords(conflicting, { parsed: true })
      : { added: 0, merged: 0 };
  return { exact: written.length + merged.added, merged: merged.merged };
}
