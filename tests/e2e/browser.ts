// Runs a built extension in headless Chromium (CONTRIBUTING.md, "The browser tests, headless")
// and serves saved pages at their real addresses, so the content script meets them exactly as a
// user's browser would.
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Paper, SavedPaper } from '../../lib/paper/model';
import { CHROMIUM, FIXTURES } from './paths';

export const hasChromium = existsSync(CHROMIUM);

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (`popup.html?tab=3`, `sidepanel.html`) as a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the service worker, as the browser does when it is idle. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

// How every browser of the tests and the bench is started, apart from the extension: a page alone
// is measured in the same configuration (a persistent profile with these switches) as with papershelf.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium on a fresh profile (or `profileDir`), started as every browser of the tests and the
 * bench is, with `args` added (the extension's, or none: the page alone). Nothing leaves this
 * machine: whatever a page asks for that is not routed gets a 404. `close` removes a fresh profile.
 */
export async function launchChromium(
  args: string[] = [],
  profileDir?: string,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'papershelf-e2e-'));
  if (profileDir) await profileReleased(profile);
  const context = await chromium.launchPersistentContext(profile, {
    // Playwright waits 180 s by default, as long as the slowest test may take in all: a start
    // that hangs should fail as itself, with its own message.
    timeout: 60_000,
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [...args, ...CHROMIUM_ARGS],
  });
  await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: '' }));
  return {
    context,
    async close() {
      await context.close();
      if (!profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Launches Chromium with the unpacked extension in `extensionDir` and a fresh profile. */
export async function launch(extensionDir: string, profileDir?: string): Promise<Browser> {
  const { context, close } = await launchChromium(
    [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    profileDir,
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const session = await context.newCDPSession(page);
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await session.detach();
    },
    close,
  };
}

/**
 * Waits until no Chromium holds `profile` (its `SingletonLock` names `host-pid`). A test that
 * restarts the browser on the same profile can otherwise start while the last one is still
 * shutting down on a loaded machine; a lock whose process is gone is removed.
 */
async function profileReleased(profile: string): Promise<void> {
  const lock = join(profile, 'SingletonLock');
  const deadline = Date.now() + 30_000;
  for (;;) {
    let target: string;
    try {
      target = readlinkSync(lock);
    } catch {
      return;
    }
    const pid = Number(target.slice(target.lastIndexOf('-') + 1));
    if (!Number.isInteger(pid) || !alive(pid)) {
      for (const name of ['SingletonLock', 'SingletonSocket', 'SingletonCookie'])
        rmSync(join(profile, name), { force: true });
      return;
    }
    if (Date.now() > deadline)
      throw new Error(`Chromium ${pid} still holds the profile ${profile} 30 s after it was closed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Answers `url` with the saved page `tests/fixtures/<fixture>/page.html`. */
export async function servePage(context: BrowserContext, url: string, fixture: string): Promise<void> {
  const body = readFileSync(join(FIXTURES, fixture, 'page.html'));
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** The tab id Chromium gave `page`, read from inside the extension. */
export async function tabIdOf(browser: Browser, page: Page): Promise<number> {
  const probe = await browser.openExtensionPage('popup.html');
  const url = page.url();
  const id = await probe.evaluate(async (target) => {
    type Tabs = { query(filter: object): Promise<{ id?: number; url?: string }[]> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id;
  }, url);
  await probe.close();
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Every record in the extension's IndexedDB, read from an extension page. */
export async function savedRecords(browser: Browser): Promise<SavedPaper[]> {
  const page = await browser.openExtensionPage('sidepanel.html');
  const records = await recordsIn(page);
  await page.close();
  return records;
}

/**
 * Every record in the extension's IndexedDB, read from an extension page already open. It never
 * creates the database: opened before the extension has made it (after a restart that lost it),
 * a plain `open` would make an empty version 1 with no store, the read would throw inside the
 * callback and the page's promise never settle.
 */
export function recordsIn(page: Page): Promise<SavedPaper[]> {
  return page.evaluate(
    () =>
      new Promise<SavedPaper[]>((resolve, reject) => {
        let absent = false;
        const request = indexedDB.open('papershelf');
        request.onupgradeneeded = () => {
          absent = true;
          request.transaction?.abort();
        };
        request.onerror = () => (absent ? resolve([]) : reject(request.error));
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('papers')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('papers').objectStore('papers').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => {
            db.close();
            reject(all.error);
          };
        };
      }),
  );
}

/**
 * Saves `papers` through the test build's hook of the extension page `page` (sidepanel.html): one
 * write of all of them, or one a paper (`oneByOne`, each its own savedAt) when order matters.
 */
export function saveThroughHook(page: Page, papers: readonly Paper[], oneByOne = false): Promise<void> {
  return page.evaluate(
    async ([list, each]) => {
      const hooks = globalThis as unknown as {
        papershelfLibrary: { savePapers(papers: readonly unknown[]): Promise<unknown> };
      };
      if (!each) await hooks.papershelfLibrary.savePapers(list);
      else for (const paper of list) await hooks.papershelfLibrary.savePapers([paper]);
    },
    [papers, oneByOne] as const,
  );
}

/** A message to the background from an extension page, as the side panel sends it; the answer. */
export function sendFrom(page: Page, message: object): Promise<{ ok: boolean; queued?: number; error?: string }> {
  return page.evaluate(
    (body) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<never> } } }
      ).chrome.runtime.sendMessage(body),
    message,
  );
}

/** Turns completion on for `services` as the settings would (the test build holds every host already). */
export function turnOnCompletion(page: Page, services: string[]): Promise<void> {
  return page.evaluate(
    (list) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ completion: { services: list, requested: [] } }),
    services,
  );
}

/** How many papers wait in the completion queue (the database exists: the page has saved). */
export function queuedIn(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('papershelf');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('completionQueue').objectStore('completionQueue').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** The recorded response `tests/fixtures/services/<name>.json` holds (its first interaction). */
export function recordedResponse(name: string): { status: number; contentType: string; body: string } {
  const file = JSON.parse(readFileSync(join(FIXTURES, 'services', `${name}.json`), 'utf8')) as {
    interactions: { response: { status: number; headers?: Record<string, string>; body: string } }[];
  };
  const response = file.interactions[0]?.response;
  if (!response) throw new Error(`${name} holds no response`);
  return {
    status: response.status,
    contentType: response.headers?.['content-type'] ?? 'application/json',
    body: response.body,
  };
}

/** An element of the page that holds a closed shadow root, as the browser itself sees it. */
export interface ClosedHost {
  nodeName: string;
  /** Its attributes as name/value pairs. */
  attributes: string[];
}

/**
 * Every element of `page` with a closed shadow root: the page controls in the production build,
 * which carries no attribute a page (or a test's selector) could find them by. Read through the
 * DevTools protocol, which sees into closed roots; a page's scripts cannot.
 */
export async function closedHosts(page: Page): Promise<ClosedHost[]> {
  type Node = {
    nodeName: string;
    attributes?: string[];
    children?: Node[];
    shadowRoots?: (Node & { shadowRootType?: string })[];
    contentDocument?: Node;
  };
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const found: ClosedHost[] = [];
    const walk = (node: Node): void => {
      if (node.shadowRoots?.some((shadow) => shadow.shadowRootType === 'closed')) {
        found.push({ nodeName: node.nodeName, attributes: node.attributes ?? [] });
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    return found;
  } finally {
    await session.detach();
  }
}

/**
 * Computed style of the first `button` inside the closed root of the host whose
 * `data-papershelf-key` is `key` (test build), read through the DevTools protocol.
 */
export async function controlStyle(
  page: Page,
  key: string,
  properties: readonly string[],
): Promise<Record<string, string>> {
  type Node = {
    nodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: Node[];
    shadowRoots?: Node[];
  };
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (node: Node, test: (node: Node) => boolean): Node | undefined => {
      if (test(node)) return node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const found = find(child, test);
        if (found) return found;
      }
      return undefined;
    };
    const host = find(root, (node) => {
      const attributes = node.attributes ?? [];
      const at = attributes.indexOf('data-papershelf-key');
      return at >= 0 && at % 2 === 0 && attributes[at + 1] === key;
    });
    const shadow = host?.shadowRoots?.[0];
    const button = shadow && find(shadow, (node) => node.nodeName === 'BUTTON');
    if (!button) throw new Error(`no control for ${key}`);
    const { computedStyle } = (await session.send('CSS.getComputedStyleForNode', { nodeId: button.nodeId })) as {
      computedStyle: { name: string; value: string }[];
    };
    return Object.fromEntries(
      properties.map((name) => [name, computedStyle.find((entry) => entry.name === name)?.value ?? '']),
    );
  } finally {
    await session.detach();
  }
}

/**
 * What papershelf may leave around the page's own content: the children of `<html>` (tag names,
 * joined), and the body's `isolation` and `overflow-anchor` (overlay.ts puts a layer and a style
 * there for floating controls). A page that does not float reads `['HEAD,BODY', 'auto', 'auto']`.
 */
export function pageFrame(page: Page): Promise<[string, string, string]> {
  return page.evaluate(() => [
    [...document.documentElement.children].map((child) => child.tagName).join(),
    getComputedStyle(document.body).isolation,
    getComputedStyle(document.body).overflowAnchor,
  ]);
}
