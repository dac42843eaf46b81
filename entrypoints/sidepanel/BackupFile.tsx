// The side panel's backup-file settings (lib/durability/backup-file.ts): off by default; on, the
// library is written as a file into a folder of the downloads folder once a day or a week after a
// change, the last few kept. Turning it on asks the browser for the `downloads` permission.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Switch } from '../../components/Switch';
import { writeBackup } from '../../lib/durability/backup';
import {
  BACKUP_FILE_SETTINGS_KEY,
  BACKUP_FILE_STATUS_KEY,
  type BackupFileSettings,
  type BackupFileStatus,
  downloadsGranted,
  folderOf,
  MAX_KEEP,
  readBackupFileSettings,
  readBackupFileStatus,
  switchBackupFile,
  writeBackupFile,
  writeBackupFileSettings,
} from '../../lib/durability/backup-file';
import { formatBytes } from '../../lib/durability/storage-health';

export function BackupFileView({ onMessage }: { onMessage(text: string, error?: boolean): void }) {
  const [settings, setSettings] = useState<BackupFileSettings>();
  const [status, setStatus] = useState<BackupFileStatus>();
  const [granted, setGranted] = useState(false);
  const [folder, setFolder] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const load = async () => {
      const [next, last, allowed] = await Promise.all([
        readBackupFileSettings(),
        readBackupFileStatus(),
        downloadsGranted(),
      ]);
      setSettings(next);
      setFolder((shown) => shown ?? next.folder);
      setStatus(last);
      setGranted(allowed);
    };
    const reload = () =>
      void load().catch((error: unknown) => onMessage(`Could not read the settings: ${String(error)}`, true));
    reload();
    const changed = (changes: Record<string, unknown>) => {
      if (BACKUP_FILE_SETTINGS_KEY in changes || BACKUP_FILE_STATUS_KEY in changes) reload();
    };
    browser.storage.local.onChanged.addListener(changed);
    browser.permissions.onAdded.addListener(reload);
    browser.permissions.onRemoved.addListener(reload);
    return () => {
      browser.storage.local.onChanged.removeListener(changed);
      browser.permissions.onAdded.removeListener(reload);
      browser.permissions.onRemoved.removeListener(reload);
    };
  }, []);

  const report = (error: unknown) => onMessage(error instanceof Error ? error.message : String(error), true);

  async function flip(on: boolean) {
    try {
      setSettings(await switchBackupFile(on, granted));
      setGranted(await downloadsGranted());
    } catch (error) {
      report(error);
    }
  }

  async function keep(change: Partial<BackupFileSettings>) {
    const next = { ...(await readBackupFileSettings()), ...change };
    await writeBackupFileSettings(next);
    setSettings(next);
  }

  async function writeNow() {
    setBusy(true);
    try {
      // A fresh rolling backup first, so that the file holds every change made until now.
      const written = await writeBackupFile(await writeBackup(new Set()));
      onMessage(`Backup file written: ${written.path || 'in your downloads folder'}.`);
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  }

  const typed = folder ?? '';
  const folderProblem = typed.trim() !== '' && folderOf(typed) === undefined;
  const last = status?.files.at(-1);

  return (
    <div class="backup-file">
      <Switch
        checked={settings?.on}
        action="backup-file"
        hint="Written into your downloads folder after a change, at most as often as chosen below. Nothing is sent anywhere. To restore, import the file (Import and export)."
        onChange={(next) => void flip(next)}
      >
        Keep a backup file of the library
      </Switch>
      <label class="ps-field">
        <span>Folder inside your downloads folder</span>
        <input
          class="ps-input"
          type="text"
          value={typed}
          aria-invalid={folderProblem || undefined}
          onInput={(event) => setFolder(event.currentTarget.value)}
          onChange={(event) => {
            const chosen = folderOf(event.currentTarget.value);
            if (chosen) void keep({ folder: chosen }).catch(report);
          }}
        />
        <span class="ps-hint">
          {folderProblem
            ? 'Use up to three folder names of letters, digits, spaces, “.”, “_” and “-”, separated by “/”.'
            : 'A folder your own backup or sync program copies elsewhere keeps the library safe from a failed disk.'}
        </span>
      </label>
      <div class="backup-file-choices">
        <label class="ps-field">
          <span>How often</span>
          <select
            class="ps-input"
            value={settings?.every ?? 'day'}
            onChange={(event) =>
              void keep({ every: event.currentTarget.value === 'week' ? 'week' : 'day' }).catch(report)
            }
          >
            <option value="day">Once a day</option>
            <option value="week">Once a week</option>
          </select>
        </label>
        <label class="ps-field">
          <span>Files kept</span>
          <input
            class="ps-input"
            type="number"
            min={1}
            max={MAX_KEEP}
            value={settings?.keep ?? 7}
            onChange={(event) => {
              const keepCount = Math.round(Number(event.currentTarget.value));
              if (keepCount >= 1 && keepCount <= MAX_KEEP) void keep({ keep: keepCount }).catch(report);
            }}
          />
        </label>
      </div>
      <p class="ps-hint" data-backup-file-status="">
        {last
          ? `Last file ${new Date(last.at).toLocaleString()}: ${last.count.toLocaleString('en')} ${last.count === 1 ? 'paper' : 'papers'}, ${formatBytes(last.bytes)}${last.path ? `, ${last.path}` : ''}.`
          : 'No backup file written yet.'}
      </p>
      {status?.problem && (
        <p class="ps-alert" role="alert">
          {status.problem}
        </p>
      )}
      <button
        type="button"
        class="ps-button"
        data-action="backup-file-now"
        disabled={!settings?.on || !granted || busy}
        onClick={() => void writeNow()}
      >
        {busy ? 'Writing…' : 'Write a backup file now'}
      </button>
    </div>
  );
}
