// The content scripts' one runner: detects the papers on the page with the readers its script
// carries, puts a save control beside each, keeps their saved state current, and answers the
// popup. It reaches the library only through the background. Each script is a file of its own
// (entrypoints/<site>.content.ts for a site, content/index.ts for every other page) so it carries
// only its readers.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectWith } from '../../lib/detect/engine';
import { worthScanning } from '../../lib/detect/gate';
import { metadataReaders } from '../../lib/detect/readers';
import type { Source } from '../../lib/detect/types';
import {
  type BackgroundRequest,
  type BackgroundResponse,
  BackgroundResponseSchema,
  TabRequestSchema,
} from '../../lib/messages';
import { idTerms } from '../../lib/paper/ids';
import type { Paper } from '../../lib/paper/model';
import { isSiteDisabled, setSiteDisabled, siteOf } from '../../lib/site-settings';
import { type Control, createControl, isControlHost, placeControl } from './overlay';

// Dynamic pages change in bursts (a route change, a page of results); detect once it settles.
const SETTLE_MS = 250;
// How long a control removed from the page offers Undo (the background keeps the record longer).
const UNDO_MS = 15_000;

/**
 * A content script reading pages with `readers`: in the manifest for the pages `matches` names, or,
 * with no `matches`, registered or injected at run time (lib/access.ts).
 */
export function shelfScript(matches: readonly string[], readers: readonly Source[]) {
  return defineContentScript({
    matches: [...matches],
    registration: matches.length > 0 ? 'manifest' : 'runtime',
    // As soon as the DOM is parsed, not after every image: controls appear with the titles.
    runAt: 'document_end',
    async main(ctx) {
      // Read once, before any work: on a site the user turned off, papershelf does nothing at all.
      if (await isSiteDisabled(location.href)) return;
      startShelf(ctx, readers);
    },
  });
}

/** Id terms per `lookup` message: the message table's cap. */
const LOOKUP_TERMS = 10_000;

async function ask(request: BackgroundRequest): Promise<BackgroundResponse> {
  try {
    const answer: unknown = await browser.runtime.sendMessage(request);
    const parsed = BackgroundResponseSchema.safeParse(answer);
    return parsed.success ? parsed.data : { ok: false, error: 'papershelf did not answer' };
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    return {
      ok: false,
      error: /context invalidated|receiving end/i.test(text)
        ? 'papershelf was updated or restarted: reload the page'
        : text,
    };
  }
}

/** The content script of one site: its reader, then the metadata the site's pages embed. */
export function siteScript(reader: Source) {
  return shelfScript(reader.patterns, [reader, ...metadataReaders]);
}

function startShelf(ctx: ContentScriptContext, readers: readonly Source[]): void {
  const controls = new Map<Element, Control>();
  let timer: ReturnType<ContentScriptContext['setTimeout']> | undefined;
  let reportedCount = -1;

  function clear(): void {
    for (const control of controls.values()) control.destroy();
    controls.clear();
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(scan, SETTLE_MS);
  }

  function report(count: number): void {
    if (count === reportedCount) return;
    reportedCount = count;
    void ask({ type: 'detected', count });
  }

  function scan(): void {
    timer = undefined;
    const url = new URL(location.href);
    // The cheap gate: nothing on this page any reader could use, so no deep work and no controls.
    if (!worthScanning(readers, document, url)) {
      clear();
      report(0);
      return;
    }
    const detections = detectWith(readers, document, url);
    const seen = new Set<Element>();
    const fresh: Control[] = [];
    for (const { paper, anchor } of detections) {
      if (!anchor) continue;
      seen.add(anchor);
      const existing = controls.get(anchor);
      if (existing && existing.paper.key === paper.key && existing.host.isConnected) {
        existing.paper = paper;
        continue;
      }
      existing?.destroy();
      const control = createControl(document, paper, {
        save: () => void save(control),
        remove: () => void remove(control),
        undoRemove: () => void undoRemove(control),
        openSidePanel: () => void ask({ type: 'open-side-panel', key: control.paper.key }),
        turnOffSite: () => void turnOff(),
      });
      placeControl(control, anchor);
      controls.set(anchor, control);
      fresh.push(control);
    }
    for (const [anchor, control] of controls) {
      if (!seen.has(anchor)) {
        control.destroy();
        controls.delete(anchor);
      }
    }
    report(controls.size);
    if (fresh.length > 0) void refresh(fresh);
  }

  async function refresh(targets: Iterable<Control>): Promise<void> {
    const list = [...targets];
    const terms = [...new Set(list.flatMap((control) => idTerms(control.paper)))];
    if (terms.length === 0) return;
    // In messages under the lookup cap (a 12,000-entry listing has more terms than one may carry).
    const found: Record<string, string> = {};
    for (let start = 0; start < terms.length; start += LOOKUP_TERMS) {
      const answer = await ask({ type: 'lookup', terms: terms.slice(start, start + LOOKUP_TERMS) });
      if (!answer.ok) return;
      Object.assign(found, answer.found);
    }
    for (const control of list) {
      const savedKey = idTerms(control.paper)
        .map((term) => found[term])
        .find((key) => key !== undefined);
      control.savedKey = savedKey;
      // A control offering Undo keeps offering it until the user answers or it expires.
      if (control.state === 'removed' && !savedKey) continue;
      control.setState(savedKey ? 'saved' : 'unsaved');
    }
  }

  async function save(control: Control): Promise<void> {
    control.setState('saving');
    const answer = await ask({ type: 'save', papers: [control.paper] });
    if (!answer.ok) return control.setState('error', answer.error);
    control.savedKey = answer.saved?.[0]?.key ?? control.paper.key;
    control.setState('saved');
  }

  async function remove(control: Control): Promise<void> {
    const key = control.savedKey ?? control.paper.key;
    const answer = await ask({ type: 'remove', key });
    if (!answer.ok) return control.setState('error', answer.error);
    control.savedKey = undefined;
    control.removedKey = key;
    control.setState('removed');
    ctx.setTimeout(() => {
      if (control.state === 'removed') control.setState('unsaved');
    }, UNDO_MS);
  }

  async function undoRemove(control: Control): Promise<void> {
    const key = control.removedKey;
    if (!key) return control.setState('unsaved');
    control.setState('saving');
    const answer = await ask({ type: 'undo-remove', key });
    if (!answer.ok) return control.setState('error', answer.error);
    control.removedKey = undefined;
    control.savedKey = answer.saved?.[0]?.key ?? key;
    control.setState('saved');
  }

  async function turnOff(): Promise<void> {
    await setSiteDisabled(siteOf(location.href), true);
    report(0);
    ctx.abort();
  }

  function currentPapers(): Paper[] {
    return [...controls.values()].map((control) => control.paper);
  }

  // Answers with sendResponse (not a returned promise), which every browser supports.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): boolean => {
    if (sender.id !== browser.runtime.id) return false;
    const request = TabRequestSchema.safeParse(message);
    if (!request.success) return false;
    if (request.data.type === 'get-papers') {
      sendResponse({ url: location.href, papers: currentPapers() });
      return false;
    }
    // A change may merge records under another key than the one detected here, so every control
    // asks again: one lookup message for the whole page.
    void refresh(controls.values());
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    clear();
  });

  // In-app navigation (Hugging Face is a SvelteKit app): drop the old route's controls at once,
  // detect again once the new route has rendered.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    clear();
    schedule();
  });
  const observer = new MutationObserver((mutations) => {
    const ours = mutations.every((mutation) =>
      [...mutation.addedNodes, ...mutation.removedNodes].every((node) => isControlHost(node)),
    );
    if (!ours) schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  scan();
}
