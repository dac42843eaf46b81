// The durability notices of a view (popup, side panel): a one-click restore when the library came
// back empty or short of its backup (lib/durability), and a warning when storage is nearly full.
// With `keepBackup` the view also keeps the backup up to date after the changes it makes itself
// (the side panel writes the library while the background may be asleep).
import { useEffect, useState } from 'preact/hooks';
import { type BackupGap, findBackupGap, restoreGap } from '../lib/durability/backup';
import { backupFileAfter } from '../lib/durability/backup-file';
import { keepBackedUp } from '../lib/durability/follow';
import { formatBytes, type StorageHealth, storageHealth } from '../lib/durability/storage-health';
import { notifyTabs } from '../lib/tabs';

type Restore =
  | { state: 'offer' }
  | { state: 'busy' }
  | { state: 'done'; count: number }
  | { state: 'failed'; message: string };

function papers(count: number): string {
  return `${count.toLocaleString('en')} paper${count === 1 ? '' : 's'}`;
}

function describeGap(gap: BackupGap): string {
  const when = new Date(gap.backup.meta.readAt).toLocaleString();
  const parts = [];
  if (gap.missing.length > 0) parts.push(`${papers(gap.missing.length)} missing from your library`);
  if (gap.newer.length > 0) parts.push(`newer notes, tags or status on ${papers(gap.newer.length)}`);
  return `Your backup of ${when} holds ${parts.join(' and ')}.`;
}

/** Offers to restore from the backup when the library lacks what it holds; warns when storage is nearly full. */
export function RestoreOffer({ keepBackup = false }: { keepBackup?: boolean }) {
  const [gap, setGap] = useState<BackupGap>();
  const [restore, setRestore] = useState<Restore>({ state: 'offer' });
  const [dismissed, setDismissed] = useState(false);
  const [health, setHealth] = useState<StorageHealth>();

  useEffect(() => {
    let live = true;
    // Counts first (cheap: a short database shows the offer at once). The side panel then compares
    // every record (lost notes, tags, status) once the browser is idle, after its own first paint.
    let idle: number | undefined;
    findBackupGap({ quick: true }).then(
      (found) => {
        if (!live) return;
        if (found) setGap(found);
        else if (keepBackup) {
          idle = requestIdleCallback(() =>
            findBackupGap().then(
              (full) => live && setGap(full),
              () => undefined,
            ),
          );
        }
      },
      () => undefined,
    );
    storageHealth().then((found) => live && setHealth(found));
    const follower = keepBackup ? keepBackedUp({ onBackup: (backup) => void backupFileAfter(backup) }) : undefined;
    return () => {
      live = false;
      if (idle !== undefined) cancelIdleCallback(idle);
      follower?.stop();
    };
  }, [keepBackup]);

  async function run(found: BackupGap): Promise<void> {
    setRestore({ state: 'busy' });
    try {
      const summary = await restoreGap(found);
      void notifyTabs([...found.missing, ...found.newer].map((paper) => paper.key));
      setRestore({ state: 'done', count: summary.exact + summary.merged });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setRestore({ state: 'failed', message: `Nothing was restored: ${detail}` });
    }
  }

  return (
    <>
      {gap && !dismissed && (
        <div class="ps-alert" role="alert" data-durability="restore-offer">
          {restore.state === 'done' ? (
            <p>Restored {papers(restore.count)} from the backup.</p>
          ) : (
            <>
              <p>{describeGap(gap)}</p>
              {restore.state === 'failed' && <p>{restore.message}</p>}
              <button
                type="button"
                class="ps-button ps-button-primary"
                data-action="restore-backup"
                disabled={restore.state === 'busy'}
                onClick={() => void run(gap)}
              >
                {restore.state === 'busy' ? 'Restoring…' : `Restore ${papers(gap.missing.length + gap.newer.length)}`}
              </button>{' '}
              <button type="button" class="ps-button ps-button-quiet" onClick={() => setDismissed(true)}>
                Not now
              </button>
            </>
          )}
        </div>
      )}
      {health?.low && (
        <p class="ps-alert" role="alert" data-durability="storage-low">
          Your disk is nearly full: papershelf uses {formatBytes(health.usage)} and the browser can give it only{' '}
          {formatBytes(Math.max(0, health.quota - health.usage))} more. Free some disk space soon: when it runs out, new
          saves fail.
        </p>
      )}
    </>
  );
}
