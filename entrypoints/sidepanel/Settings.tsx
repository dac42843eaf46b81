// The side panel's settings: the sites where papershelf is turned off (each can be turned back
// on), import and export of the whole library, the backup file, and completion from online services.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DISABLED_SITES_KEY, disabledSites, setSiteDisabled } from '../../lib/site-settings';
import { BackupFileView } from './BackupFile';
import { CompletionSettingsView } from './Completion';

interface Props {
  transfer: preact.ComponentChildren;
  onMessage(text: string, error?: boolean): void;
}

export function Settings({ transfer, onMessage }: Props) {
  const [sites, setSites] = useState<string[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const load = () =>
      disabledSites().then(setSites, (failure: unknown) => setError(`Could not read the settings: ${String(failure)}`));
    void load();
    const changed = (changes: Record<string, unknown>) => {
      if (DISABLED_SITES_KEY in changes) void load();
    };
    browser.storage.local.onChanged.addListener(changed);
    return () => browser.storage.local.onChanged.removeListener(changed);
  }, []);

  return (
    <div class="settings">
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">Sites where papershelf is off</h2>
        {error && (
          <p class="ps-alert" role="alert">
            {error}
          </p>
        )}
        {sites?.length === 0 && (
          <p class="ps-hint">
            None. To turn papershelf off on a site, use the toolbar button’s menu or a Save button’s menu on that site.
          </p>
        )}
        <ul class="site-list">
          {sites?.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="ps-button"
                onClick={() =>
                  setSiteDisabled(site, false).catch((failure: unknown) =>
                    setError(`Could not turn ${site} back on: ${String(failure)}`),
                  )
                }
              >
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">Import and export</h2>
        {transfer}
      </section>
      <section id="backup-file-settings" aria-labelledby="backup-file-title">
        <h2 id="backup-file-title">Backup file</h2>
        <BackupFileView onMessage={onMessage} />
      </section>
      <section id="completion-settings" aria-labelledby="completion-title">
        <h2 id="completion-title">Completing papers from online services</h2>
        <CompletionSettingsView onMessage={onMessage} />
      </section>
    </div>
  );
}
