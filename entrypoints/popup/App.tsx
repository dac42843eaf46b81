// The popup: the papers detected on the current tab, each with save / remove, "Save all", how
// many are saved already, and the way to the side panel. `popup.html?tab=<id>` shows that tab.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PaperSummary } from '../../components/PaperSummary';
import { detectInTab, hasAllSites, removeAllSites, requestAllSites } from '../../lib/access';
import { paperFromAddress } from '../../lib/detect/address';
import { findSaved, onLibraryChange } from '../../lib/library/library';
import { type BackgroundRequest, BackgroundResponseSchema, TabPapersSchema } from '../../lib/messages';
import { idTerms } from '../../lib/paper/ids';
import type { Paper } from '../../lib/paper/model';

type Load =
  | { state: 'loading' }
  | { state: 'none'; reason: string; canDetect: boolean }
  | { state: 'ready'; papers: Paper[]; fromAddress?: boolean };

async function targetTab(): Promise<{ tabId: number; windowId?: number } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return { tabId: Number(param) };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { tabId: tab.id, windowId: tab.windowId };
}

async function askTab(tabId: number): Promise<Paper[] | undefined> {
  try {
    const answer = TabPapersSchema.safeParse(await browser.tabs.sendMessage(tabId, { type: 'get-papers' }));
    return answer.success ? answer.data.papers : undefined;
  } catch {
    return undefined; // no content script in that tab
  }
}

/** The tab's papers: from its content script, else from its address (a PDF), else none. */
async function loadTabPapers(tabId: number): Promise<Load> {
  const papers = await askTab(tabId);
  if (papers && papers.length > 0) return { state: 'ready', papers };
  if (papers) return { state: 'none', reason: 'No papers found on this page.', canDetect: false };
  const url = await browser.tabs.get(tabId).then(
    (tab) => tab.url,
    () => undefined,
  );
  const fromAddress = url ? paperFromAddress(url) : null;
  if (fromAddress) return { state: 'ready', papers: [fromAddress], fromAddress: true };
  return /^https?:/.test(url ?? '')
    ? { state: 'none', reason: 'papershelf does not read this site by itself.', canDetect: true }
    : { state: 'none', reason: 'papershelf cannot read this page.', canDetect: false };
}

/** Maps each detected paper's key to the key it is saved under, for those already saved. */
async function savedKeys(papers: Paper[]): Promise<Map<string, string>> {
  const found = await findSaved(papers.flatMap((paper) => idTerms(paper)));
  const result = new Map<string, string>();
  for (const paper of papers) {
    const key = idTerms(paper)
      .map((term) => found.get(term))
      .find((value) => value !== undefined);
    if (key) result.set(paper.key, key);
  }
  return result;
}

export function App() {
  const [tab, setTab] = useState<{ tabId: number; windowId?: number }>();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [saved, setSaved] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [everywhere, setEverywhere] = useState<boolean>();

  const papers = load.state === 'ready' ? load.papers : [];
  const refreshSaved = useCallback(async () => {
    if (papers.length > 0) setSaved(await savedKeys(papers));
  }, [papers]);

  useEffect(() => {
    void targetTab().then(async (target) => {
      setTab(target);
      setLoad(
        target ? await loadTabPapers(target.tabId) : { state: 'none', reason: 'No tab to read.', canDetect: false },
      );
    });
    void hasAllSites().then(setEverywhere);
  }, []);
  useEffect(() => {
    void refreshSaved();
    return onLibraryChange(() => void refreshSaved());
  }, [refreshSaved]);

  // Writes go through the background, which finishes them even if this popup closes at once,
  // and tells the open tabs.
  async function run(request: BackgroundRequest): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      const answer = BackgroundResponseSchema.parse(await browser.runtime.sendMessage(request));
      if (!answer.ok) throw new Error(answer.error);
      await refreshSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const save = (list: Paper[]) => run({ type: 'save', papers: list });
  const remove = (key: string) => run({ type: 'remove', key });
  async function detectHere(): Promise<void> {
    if (!tab) return;
    setError(undefined);
    try {
      await detectInTab(tab.tabId);
      const papers = await askTab(tab.tabId);
      setLoad(
        papers && papers.length > 0
          ? { state: 'ready', papers }
          : { state: 'none', reason: 'No papers found on this page.', canDetect: false },
      );
    } catch (failure) {
      setError(`Could not read this page: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  async function toggleEverywhere(on: boolean): Promise<void> {
    try {
      const granted = on ? await requestAllSites() : !(await removeAllSites());
      setEverywhere(granted);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function openSidePanel(): Promise<void> {
    try {
      if (import.meta.env.FIREFOX) {
        await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
      } else if (tab?.windowId !== undefined) {
        await browser.sidePanel.open({ windowId: tab.windowId });
      } else {
        await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      }
      window.close();
    } catch (failure) {
      setError(`Could not open the side panel: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  const unsaved = papers.filter((paper) => !saved.has(paper.key));
  return (
    <main>
      <header>
        <h1>papershelf</h1>
        <button type="button" onClick={() => void openSidePanel()}>
          Reading list
        </button>
        {papers.length > 0 && (
          <button
            type="button"
            class="primary"
            data-action="save-all"
            disabled={busy || unsaved.length === 0}
            onClick={() => void save(unsaved)}
          >
            Save all
          </button>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {load.state === 'loading' && <p class="status-line">Looking for papers…</p>}
      {load.state === 'none' && (
        <div class="status-line">
          <p>{load.reason}</p>
          {load.canDetect && (
            <button type="button" class="primary" data-action="detect" onClick={() => void detectHere()}>
              Find papers on this page
            </button>
          )}
        </div>
      )}
      {load.state === 'ready' && (
        <>
          <p class="status-line" aria-live="polite">
            {load.fromAddress
              ? 'This tab shows a paper (named by its address until you save it from its page).'
              : `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} on this page, ${papers.length - unsaved.length} already saved`}
          </p>
          <ul class="papers">
            {papers.map((paper) => {
              const savedKey = saved.get(paper.key);
              return (
                <li key={paper.key} data-paper-key={paper.key}>
                  <PaperSummary paper={paper} />
                  <div class="actions">
                    {savedKey ? (
                      <>
                        <span class="saved-mark">Saved</span>
                        <button
                          type="button"
                          disabled={busy}
                          aria-label={`Remove ${paper.title}`}
                          onClick={() => void remove(savedKey)}
                        >
                          Remove
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        class="primary"
                        disabled={busy}
                        aria-label={`Save ${paper.title}`}
                        onClick={() => void save([paper])}
                      >
                        Save
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <footer class="settings">
        <label>
          <input
            type="checkbox"
            checked={everywhere === true}
            disabled={everywhere === undefined}
            onChange={(event) => void toggleEverywhere(event.currentTarget.checked)}
          />{' '}
          Find papers on every site (asks your browser for access to all pages)
        </label>
      </footer>
    </main>
  );
}
