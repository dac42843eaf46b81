// The popup: the papers detected on the current tab, each with Save / Remove, "Save all" when
// some are unsaved, the way to the reading list, and the switches for this site and every site.
// `popup.html?tab=<id>` shows that tab. Focus stays where the keyboard is: a saved row's Remove
// takes the Save button's place, and after Save all the summary line says what happened.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PaperSummary } from '../../components/PaperSummary';
import { RestoreOffer } from '../../components/RestoreOffer';
import { Switch } from '../../components/Switch';
import { detectInTab, hasAllSites, removeAllSites, requestAllSites } from '../../lib/access';
import { paperFromAddress } from '../../lib/detect/address';
import { count } from '../../lib/display';
import { findSaved, onLibraryChange } from '../../lib/library/library';
import {
  type BackgroundRequest,
  type BackgroundResponse,
  BackgroundResponseSchema,
  TabPapersSchema,
} from '../../lib/messages';
import { idTerms } from '../../lib/paper/ids';
import type { Paper } from '../../lib/paper/model';
import { plainError } from '../../lib/plain-error';
import { sendSaveAll, workerGone } from '../../lib/save-batch';
import { openSidePanel } from '../../lib/side-panel';
import { isSiteDisabled, setSiteDisabled, siteOf } from '../../lib/site-settings';

type Load =
  | { state: 'loading' }
  | { state: 'none'; title: string; hint: string; canDetect: boolean }
  | { state: 'off' }
  | { state: 'ready'; papers: Paper[]; fromAddress?: boolean };

interface Target {
  tabId: number;
  windowId?: number;
  url?: string;
}

async function targetTab(): Promise<Target | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) {
    const tabId = Number(param);
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return { tabId, windowId: tab?.windowId, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { tabId: tab.id, windowId: tab.windowId, url: tab.url };
}

async function askTab(tabId: number): Promise<Paper[] | undefined> {
  try {
    const answer = TabPapersSchema.safeParse(await browser.tabs.sendMessage(tabId, { type: 'get-papers' }));
    return answer.success ? answer.data.papers : undefined;
  } catch {
    return undefined; // no content script in that tab
  }
}

const NOTHING_FOUND: Load = {
  state: 'none',
  title: 'No papers on this page',
  hint: 'papershelf looks for titles with an arXiv id, a DOI or a publisher’s citation data.',
  canDetect: false,
};

/** The tab's papers: from its content script, else from its address (a PDF), else none. */
async function loadTabPapers(target: Target): Promise<Load> {
  const web = /^https?:/.test(target.url ?? '');
  if (web && target.url && (await isSiteDisabled(target.url))) return { state: 'off' };
  const papers = await askTab(target.tabId);
  if (papers && papers.length > 0) return { state: 'ready', papers };
  if (papers) return NOTHING_FOUND;
  const fromAddress = target.url ? paperFromAddress(target.url) : null;
  if (fromAddress) return { state: 'ready', papers: [fromAddress], fromAddress: true };
  return web
    ? {
        state: 'none',
        title: 'papershelf does not read this site by itself',
        hint: 'It can look for papers on this page once, now.',
        canDetect: true,
      }
    : {
        state: 'none',
        title: 'Nothing to read here',
        hint: 'Open a page with papers — arXiv, Hugging Face, Google Scholar, a journal — and press the button again.',
        canDetect: false,
      };
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

async function ask(request: BackgroundRequest): Promise<BackgroundResponse> {
  return BackgroundResponseSchema.parse(await browser.runtime.sendMessage(request));
}

/** Asks the background; once more if it stopped before answering (saving and removing are safe to repeat). */
async function askOnceMore(request: BackgroundRequest): Promise<BackgroundResponse> {
  try {
    return await ask(request);
  } catch (error) {
    if (!workerGone(error)) throw error;
    return ask(request);
  }
}

const OFF_ICON = { 16: '/icon/off-16.png', 32: '/icon/off-32.png' };
const ON_ICON = { 16: '/icon/16.png', 32: '/icon/32.png' };

// The rows the popup lists: a listing of 100,000 entries as rows kept the popup busy past a
// minute; the first 20,000 (arXiv's largest page and more), the count and Save all serve it.
const LISTED = 20_000;

export function App() {
  const [target, setTarget] = useState<Target>();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [saved, setSaved] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A Save all in parts: how many are sent, of how many.
  const [progress, setProgress] = useState<{ sent: number; total: number }>();
  const [everywhere, setEverywhere] = useState<boolean>();
  const [siteOff, setSiteOff] = useState<boolean>();
  const list = useRef<HTMLUListElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  // Where focus goes once the library has answered: a row's first button, or the summary line.
  const focusNext = useRef<string | 'summary'>();

  const papers = load.state === 'ready' ? load.papers : [];
  const refreshSaved = useCallback(async () => {
    if (papers.length > 0) setSaved(await savedKeys(papers));
  }, [papers]);
  const site = target?.url && /^https?:/.test(target.url) ? siteOf(target.url) : undefined;

  useEffect(() => {
    void targetTab().then(async (found) => {
      setTarget(found);
      if (found?.url && /^https?:/.test(found.url)) setSiteOff(await isSiteDisabled(found.url));
      setLoad(
        found ? await loadTabPapers(found) : { state: 'none', title: 'No tab to read', hint: '', canDetect: false },
      );
    });
    void hasAllSites().then(setEverywhere);
  }, []);
  useEffect(() => {
    void refreshSaved();
    return onLibraryChange(() => void refreshSaved());
  }, [refreshSaved]);
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = undefined;
    if (next === 'summary') summary.current?.focus();
    else list.current?.querySelector<HTMLElement>(`li[data-paper-key="${CSS.escape(next)}"] button`)?.focus();
  }, [saved]);

  // Writes go through the background, which finishes them even if this popup closes at once,
  // and tells the open tabs.
  async function run(work: () => Promise<void>, then: string | 'summary', done?: string): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
      focusNext.current = then;
      if (done) setNotice(done);
      await refreshSaved();
    } catch (failure) {
      setError(plainError(failure));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  }

  const request = (message: BackgroundRequest) => async () => {
    const answer = await askOnceMore(message);
    if (!answer.ok) throw new Error(answer.error);
  };

  // Any number of papers: in parts under the message cap, saved by the background as one write.
  const saveAll = (list: Paper[]) => async () => {
    await sendSaveAll(list, ask, (sent, total) => setProgress(total > 1 ? { sent, total } : undefined));
  };

  async function detectHere(): Promise<void> {
    if (!target) return;
    setError(undefined);
    try {
      await detectInTab(target.tabId);
      const found = await askTab(target.tabId);
      setLoad(found && found.length > 0 ? { state: 'ready', papers: found } : NOTHING_FOUND);
    } catch (failure) {
      setError(plainError(failure));
    }
  }

  async function toggleEverywhere(on: boolean): Promise<void> {
    try {
      setEverywhere(on ? await requestAllSites() : !(await removeAllSites()));
    } catch (failure) {
      setError(plainError(failure));
    }
  }

  async function toggleSite(off: boolean): Promise<void> {
    if (!site || !target) return;
    try {
      await setSiteDisabled(site, off);
      setSiteOff(off);
      await browser.action.setIcon({ tabId: target.tabId, path: off ? OFF_ICON : ON_ICON }).catch(() => undefined);
      setNotice(
        off
          ? `Turned off on ${site}. Its controls go away when the page reloads.`
          : `Turned on again on ${site}. Reload the page to see its controls.`,
      );
      if (!off) setLoad(await loadTabPapers(target));
      else setLoad({ state: 'off' });
    } catch (failure) {
      setError(plainError(failure));
    }
  }

  function openReadingList(): void {
    // No await before it: a side panel opens only in the turn of the click.
    openSidePanel({ tabId: target?.tabId, windowId: target?.windowId }).then(
      () => window.close(),
      (failure) => setError(plainError(failure)),
    );
  }

  const unsaved = papers.filter((paper) => !saved.has(paper.key));
  const savedCount = papers.length - unsaved.length;
  return (
    <main>
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>papershelf</h1>
        <button type="button" class="ps-button ps-button-quiet" onClick={openReadingList}>
          Reading list
        </button>
      </header>
      <RestoreOffer />
      {error && (
        <p class="ps-alert" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="ps-alert" data-tone="success" role="status">
          {notice}
        </p>
      )}
      {load.state === 'loading' && <p class="popup-summary">Looking for papers…</p>}
      {load.state === 'off' && (
        <div class="ps-empty">
          <h2>Turned off on {site}</h2>
          <p>papershelf does not read this site. Turn it back on below.</p>
        </div>
      )}
      {load.state === 'none' && (
        <div class="ps-empty">
          <h2>{load.title}</h2>
          {load.hint && <p>{load.hint}</p>}
          {load.canDetect && (
            <button
              type="button"
              class="ps-button ps-button-primary"
              data-action="detect"
              onClick={() => void detectHere()}
            >
              Find papers on this page
            </button>
          )}
        </div>
      )}
      {load.state === 'ready' && (
        <>
          <div class="popup-bar">
            <p class="popup-summary" ref={summary} tabIndex={-1} aria-live="polite">
              {load.fromAddress
                ? 'This tab shows a paper, named by its address until you save it from its page.'
                : savedCount === papers.length
                  ? `${papers.length === 1 ? 'The paper' : `All ${count(papers.length, 'paper')}`} on this page ${papers.length === 1 ? 'is' : 'are'} saved`
                  : `${count(papers.length, 'paper')} on this page${savedCount > 0 ? ` · ${savedCount} saved` : ''}`}
            </p>
            {unsaved.length > 1 && (
              <button
                type="button"
                class="ps-button ps-button-primary"
                data-action="save-all"
                aria-disabled={busy}
                onClick={() => void run(saveAll(unsaved), 'summary', `Saved ${count(unsaved.length, 'paper')}.`)}
              >
                {savedCount > 0 ? `Save ${unsaved.length} more` : 'Save all'}
              </button>
            )}
          </div>
          {progress && (
            <div class="popup-progress" role="status">
              <progress max={progress.total} value={progress.sent} data-action="save-progress" />
              <span>
                {progress.sent < progress.total
                  ? `Sending ${count(unsaved.length, 'paper')}: part ${progress.sent + 1} of ${progress.total}`
                  : `Saving ${count(unsaved.length, 'paper')}…`}
              </span>
            </div>
          )}
          <ul class="popup-papers" ref={list}>
            {papers.slice(0, LISTED).map((paper) => {
              const savedKey = saved.get(paper.key);
              return (
                <li key={paper.key} data-paper-key={paper.key}>
                  <PaperSummary paper={paper} />
                  <div class="popup-row-actions">
                    {savedKey ? (
                      <>
                        <button
                          type="button"
                          class="ps-button ps-button-quiet ps-button-danger"
                          aria-label={`Remove ${paper.title}`}
                          onClick={() => void run(request({ type: 'remove', key: savedKey }), paper.key)}
                        >
                          Remove
                        </button>
                        <span class="saved-mark">Saved ✓</span>
                      </>
                    ) : (
                      <button
                        type="button"
                        class="ps-button ps-button-primary"
                        aria-label={`Save ${paper.title}`}
                        onClick={() => void run(request({ type: 'save', papers: [paper] }), paper.key)}
                      >
                        Save
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          {papers.length > LISTED && (
            <p class="popup-more" data-action="more-papers">
              And {count(papers.length - LISTED, 'more paper')} on the page, not listed here: Save all saves them too,
              and each has its own control on the page.
            </p>
          )}
        </>
      )}
      <footer class="popup-settings">
        {site && (
          <Switch checked={siteOff} onChange={(off) => void toggleSite(off)} action="site-off">
            Turn off on {site}
          </Switch>
        )}
        <Switch
          checked={everywhere}
          onChange={(on) => void toggleEverywhere(on)}
          hint="Reads every page you open; your browser asks you first."
        >
          Find papers on every site
        </Switch>
      </footer>
    </main>
  );
}
