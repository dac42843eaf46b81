// The keyboard commands and the link context menu (manifest: `commands`, `contextMenus`), handled
// in the background: open the reading list; save the paper of this tab, or every paper on it;
// save the paper a link points to. Saves go through lib/library like the page's own Save, and tell
// every tab. What happened shows on the toolbar button of that tab (a ✓ or ! badge and its title),
// since a command has no page of its own to speak in.
import { browser } from 'wxt/browser';
import { paperFromAddress } from './detect/address';
import { paperLinkOf } from './detect/links';
import { count } from './display';
import { savePapers } from './library/library';
import { TabPapersSchema } from './messages';
import { idTerms } from './paper/ids';
import type { Paper } from './paper/model';
import { openSidePanel } from './side-panel';
import { notifyTabs } from './tabs';

/** The manifest's commands, by name. */
export const COMMANDS = {
  openSidePanel: 'open-side-panel',
  saveTabPaper: 'save-tab-paper',
  saveTabPapers: 'save-tab-papers',
} as const;

/** The id of the context menu entry on links to papers. */
export const SAVE_LINK_MENU = 'save-link';

/**
 * Links the context menu is offered on: every address whose paper the readers name by itself
 * (lib/detect/links.ts: arXiv and its mirrors, Hugging Face papers, DOIs, OpenReview, ACL,
 * PubMed/PMC, Semantic Scholar, bioRxiv/medRxiv, proceedings pages, PDFs). The handler checks
 * the address again with the reader, so a pattern a little wider than a reader costs nothing.
 */
export const PAPER_LINK_PATTERNS = [
  '*://arxiv.org/abs/*',
  '*://arxiv.org/pdf/*',
  '*://arxiv.org/html/*',
  '*://arxiv.org/format/*',
  '*://arxiv.org/ps/*',
  '*://*.arxiv.org/abs/*',
  '*://*.arxiv.org/pdf/*',
  '*://*.arxiv.org/html/*',
  '*://ar5iv.org/*',
  '*://*.alphaxiv.org/abs/*',
  '*://alphaxiv.org/abs/*',
  '*://huggingface.co/papers/*',
  '*://doi.org/10.*',
  '*://dx.doi.org/10.*',
  '*://*/doi/*',
  '*://*/*/10.*',
  '*://*/*doi=10.*',
  '*://*/*id=10.*',
  '*://*.nature.com/articles/*',
  '*://openreview.net/forum*',
  '*://openreview.net/pdf*',
  '*://aclanthology.org/*',
  '*://*.aclweb.org/anthology/*',
  '*://pubmed.ncbi.nlm.nih.gov/*',
  '*://*.ncbi.nlm.nih.gov/pubmed/*',
  '*://pmc.ncbi.nlm.nih.gov/articles/*',
  '*://*.ncbi.nlm.nih.gov/pmc/articles/*',
  '*://europepmc.org/article/*',
  '*://europepmc.org/abstract/*',
  '*://*.semanticscholar.org/paper/*',
  '*://proceedings.neurips.cc/paper*',
  '*://papers.nips.cc/paper*',
  '*://proceedings.mlr.press/*',
  '*://openaccess.thecvf.com/content*',
  '*://*.jmlr.org/papers/*',
  '*://ojs.aaai.org/index.php/*',
  '*://*.aaai.org/papers/*',
  '*://*.ijcai.org/proceedings/*',
  '*://ieeexplore.ieee.org/*document/*',
  '*://*.sciencedirect.com/science/article/*',
  '*://papers.ssrn.com/sol3/papers.cfm*',
  '*://*.researchgate.net/publication/*',
  '*://*/*.pdf',
  '*://*/*.pdf?*',
];

/** The tab a command or menu acts on, as the browser gives it. */
export interface TabInfo {
  id?: number;
  url?: string;
  windowId?: number;
}

/** What a command did, in words (shown as the toolbar button's title, and returned to tests). */
export interface Outcome {
  ok: boolean;
  message: string;
  saved: string[];
}

async function tabPapers(tabId: number): Promise<Paper[]> {
  try {
    const answer = TabPapersSchema.safeParse(await browser.tabs.sendMessage(tabId, { type: 'get-papers' }));
    return answer.success ? answer.data.papers : [];
  } catch {
    return []; // no content script there (a PDF, a page papershelf does not read)
  }
}

function sharesAnId(paper: Paper, terms: Set<string>): boolean {
  return idTerms(paper).some((term) => terms.has(term));
}

/**
 * The one paper an address is about, among the papers found on its page: the one the address
 * names by its ids (an arXiv abstract page, a DOI landing page), else the page's only paper,
 * else the paper the address names by itself (a PDF tab). Undefined on a listing.
 */
export function paperOfPage(url: string, papers: Paper[]): Paper | undefined {
  const named = paperFromAddress(url) ?? undefined;
  const terms = new Set(named ? idTerms(named) : []);
  return (
    papers.find((paper) => sharesAnId(paper, terms) || paper.url === url) ??
    (papers.length === 1 ? papers[0] : undefined) ??
    named
  );
}

/** The paper a link points to: as the page shows it when the page lists it, else from the address. */
export function paperOfLink(link: string, papers: Paper[]): Paper | undefined {
  if (!paperLinkOf(link)) return undefined;
  const named = paperFromAddress(link) ?? undefined;
  const terms = new Set(named ? idTerms(named) : []);
  return (
    papers.find((paper) => sharesAnId(paper, terms) || [paper.url, paper.pdfUrl, paper.pageUrl].includes(link)) ?? named
  );
}

async function save(papers: Paper[]): Promise<string[]> {
  const results = await savePapers(papers);
  const keys = results.map((result) => result.record.key);
  void notifyTabs(keys);
  return keys;
}

const DEFAULT_TITLE = 'papershelf';
const SHOWN_MS = 4000;

// The badge normally counts the tab's papers (the background sets it from the content script);
// an outcome replaces it for a few seconds, then the count comes back.
async function show(tab: TabInfo, outcome: Outcome, papersOnTab: number): Promise<Outcome> {
  if (tab.id === undefined) return outcome;
  const tabId = tab.id;
  const restore = papersOnTab > 0 ? String(papersOnTab) : '';
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: outcome.ok ? '✓' : '!' }),
    browser.action.setTitle({ tabId, title: `papershelf: ${outcome.message}` }),
  ]).catch(() => undefined); // the tab closed meanwhile
  setTimeout(() => {
    void Promise.all([
      browser.action.setBadgeText({ tabId, text: restore }),
      browser.action.setTitle({ tabId, title: DEFAULT_TITLE }),
    ]).catch(() => undefined);
  }, SHOWN_MS);
  return outcome;
}

function failure(error: unknown): Outcome {
  return { ok: false, message: `could not save: ${error instanceof Error ? error.message : String(error)}`, saved: [] };
}

/** Saves the paper this tab shows (an article page, a PDF): not a listing's papers. */
export async function saveTabPaper(tab: TabInfo): Promise<Outcome> {
  if (tab.id === undefined) return { ok: false, message: 'no tab to read', saved: [] };
  const papers = await tabPapers(tab.id);
  const paper = tab.url ? paperOfPage(tab.url, papers) : undefined;
  if (!paper) {
    const message =
      papers.length > 1
        ? `this page lists ${count(papers.length, 'paper')}; use "Save all papers on this tab"`
        : 'no paper found on this page';
    return show(tab, { ok: false, message, saved: [] }, papers.length);
  }
  try {
    const saved = await save([paper]);
    return show(tab, { ok: true, message: `saved "${paper.title}"`, saved }, papers.length);
  } catch (error) {
    return show(tab, failure(error), papers.length);
  }
}

/** Saves every paper the tab shows. */
export async function saveTabPapers(tab: TabInfo): Promise<Outcome> {
  if (tab.id === undefined) return { ok: false, message: 'no tab to read', saved: [] };
  const found = await tabPapers(tab.id);
  const papers = found.length > 0 ? found : [paperOfPage(tab.url ?? '', [])].filter((paper) => paper !== undefined);
  if (papers.length === 0) return show(tab, { ok: false, message: 'no paper found on this page', saved: [] }, 0);
  try {
    const saved = await save(papers);
    return show(tab, { ok: true, message: `saved ${count(papers.length, 'paper')}`, saved }, found.length);
  } catch (error) {
    return show(tab, failure(error), found.length);
  }
}

/** Saves the paper a link points to (the context menu). */
export async function saveLink(link: string, tab: TabInfo | undefined): Promise<Outcome> {
  const papers = tab?.id === undefined ? [] : await tabPapers(tab.id);
  const paper = paperOfLink(link, papers);
  const shown = (outcome: Outcome) => (tab ? show(tab, outcome, papers.length) : Promise.resolve(outcome));
  if (!paper) return shown({ ok: false, message: 'that link does not name a paper papershelf can read', saved: [] });
  try {
    const saved = await save([paper]);
    return shown({ ok: true, message: `saved "${paper.title}"`, saved });
  } catch (error) {
    return shown(failure(error));
  }
}

/** Runs a manifest command on the tab it was pressed in. */
export function runCommand(command: string, tab: TabInfo | undefined): Promise<unknown> {
  // The side panel opens only in the turn of the key press: no await before it.
  if (command === COMMANDS.openSidePanel) return openSidePanel({ tabId: tab?.id, windowId: tab?.windowId });
  if (!tab) return Promise.resolve({ ok: false, message: 'no tab to read', saved: [] });
  if (command === COMMANDS.saveTabPaper) return saveTabPaper(tab);
  if (command === COMMANDS.saveTabPapers) return saveTabPapers(tab);
  return Promise.resolve({ ok: false, message: `unknown command ${command}`, saved: [] });
}

/** Listens for the commands and the link menu; creates the menu when the extension is installed. */
export function registerCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab));
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: SAVE_LINK_MENU,
        title: 'Save linked paper to papershelf',
        contexts: ['link'],
        targetUrlPatterns: PAPER_LINK_PATTERNS,
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_LINK_MENU && info.linkUrl) void saveLink(info.linkUrl, tab);
  });
  // The test build lets the browser tests press a command or choose the menu: headless keys reach
  // only the page, and a context menu cannot be clicked.
  if (import.meta.env.MODE === 'test') {
    Object.assign(globalThis, { papershelfCommands: { runCommand, saveLink } });
  }
}
