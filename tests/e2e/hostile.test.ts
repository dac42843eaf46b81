// What a hostile page can learn or do through the content script and its controls: nothing. The
// framework test uses the production build, so no test hook is there to help the page; the others
// use the test build only to find a control and read its state from outside, and the page's own
// probes look only at what a page can reach.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, closedHosts, hasChromium, launch, servePage } from './browser';
import { FIXTURES, PRODUCTION_BUILD, TEST_BUILD } from './paths';

const listing = JSON.parse(readFileSync(join(FIXTURES, 'arxiv/listing-new/expected.json'), 'utf8')) as {
  url: string;
  papers: Paper[];
};

describe.skipIf(!hasChromium)('a hostile page and the content script', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(PRODUCTION_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hears no message naming the extension, and cannot stop the controls by replaying one', async () => {
    await servePage(browser.context, listing.url, 'arxiv/listing-new');
    const page = await browser.context.newPage();
    // The page listens to everything a script of another world could post or dispatch on window.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
    });
    await page.goto(listing.url);
    const hosts = async () => (await closedHosts(page)).length;
    await expect.poll(hosts).toBe(listing.papers.length);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((message) => message.includes(browser.extensionId))).toEqual([]);

    // Replaying what WXT's own context would have announced, under every name it could have used.
    await page.evaluate((id) => {
      for (const script of ['arxiv', 'content']) {
        const type = `${id}:${script}:wxt:content-script-started`;
        const detail = { contentScriptName: script, messageId: 'page' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, contentScriptName: script, messageId: 'page' }, '*');
      }
    }, browser.extensionId);
    // Still alive: a new entry appended to the listing gets its control.
    await page.evaluate(() => {
      const list = document.querySelector('dl');
      const copy = list?.lastElementChild?.previousElementSibling?.cloneNode(true) as Element | undefined;
      const body = list?.lastElementChild?.cloneNode(true) as Element | undefined;
      if (!list || !copy || !body) throw new Error('no listing');
      for (const link of copy.querySelectorAll('a')) {
        link.setAttribute('href', link.getAttribute('href')?.replace(/\d{4}\.\d{5}/, '2501.99999') ?? '');
        link.textContent = link.textContent?.replace(/\d{4}\.\d{5}/, '2501.99999') ?? '';
      }
      list.append(copy, body);
    });
    await expect.poll(hosts, { timeout: 5000 }).toBe(listing.papers.length + 1);
    await page.close();
  });
});

/** What the page's own script caught of the custom element it defined first. */
interface Trap {
  constructed: number;
  internalsRoots: number;
}

// A page that defines the element name papershelf once used, before any content script runs:
// one that grabs every instance's ElementInternals (whose `shadowRoot` reveals a closed root),
// or one that forbids shadow roots on it.
function trapScript(how: 'internals' | 'no-shadow'): string {
  return `(() => {
    const trap = { constructed: 0, internals: [] };
    window.trap = trap;
    class Trap extends HTMLElement {
      ${how === 'no-shadow' ? "static disabledFeatures = ['shadow'];" : ''}
      constructor() {
        super();
        trap.constructed++;
        ${how === 'internals' ? 'trap.internals.push(this.attachInternals());' : ''}
      }
    }
    customElements.define('papershelf-control', Trap);
  })();`;
}

const readTrap = (page: Page): Promise<Trap> =>
  page.evaluate(() => {
    const trap = (window as unknown as { trap: { constructed: number; internals: ElementInternals[] } }).trap;
    return {
      constructed: trap.constructed,
      internalsRoots: trap.internals.filter((internals) => internals.shadowRoot !== null).length,
    };
  });

describe.skipIf(!hasChromium)('a hostile page and the controls', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const hostOf = (page: Page, paper: Paper) => page.locator(`[data-papershelf-key="${paper.key}"]`);
  const stateOf = (page: Page, paper: Paper) => hostOf(page, paper).getAttribute('data-papershelf-state');

  for (const how of ['internals', 'no-shadow'] as const) {
    it(`gets working controls on a page that defined papershelf-control first (${how}), and the page reaches none`, async () => {
      await servePage(browser.context, listing.url, 'arxiv/listing-new');
      const page = await browser.context.newPage();
      await page.addInitScript(trapScript(how));
      await page.goto(listing.url);
      await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(listing.papers.length);
      const paper = listing.papers[2] as Paper;
      await hostOf(page, paper).evaluate((host) => host.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(300);
      await hostOf(page, paper).click();
      await expect.poll(() => stateOf(page, paper)).toBe('saved');
      expect(await readTrap(page)).toEqual({ constructed: 0, internalsRoots: 0 });
      // The hosts are built-in elements whose roots the page cannot open.
      const probe = await page.evaluate(() =>
        [...document.querySelectorAll('[data-papershelf-key]')].map(
          (host) => `${host.localName}:${host.shadowRoot === null}:${customElements.get(host.localName) === undefined}`,
        ),
      );
      expect(new Set(probe)).toEqual(new Set(['span:true:true']));
      // Leave the library as it was: the menu's second item removes.
      await hostOf(page, paper).click();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => stateOf(page, paper)).toBe('unsaved');
      await page.close();
    });
  }

  it('shows a saved and an unsaved control alike to window.find and to geometry under hostile CSS', async () => {
    await servePage(browser.context, listing.url, 'arxiv/listing-new');
    const page = await browser.context.newPage();
    await page.goto(listing.url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(listing.papers.length);
    const [saved, unsaved] = listing.papers.slice(4, 6) as [Paper, Paper];
    await hostOf(page, saved).evaluate((host) => host.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    await hostOf(page, saved).click();
    await expect.poll(() => stateOf(page, saved)).toBe('saved');
    expect(await stateOf(page, unsaved)).toBe('unsaved');

    const find = (text: string) =>
      page.evaluate((needle) => {
        getSelection()?.removeAllRanges();
        return (window as unknown as { find(text: string): boolean }).find(needle);
      }, text);
    for (const text of ['Saved', 'Save', 'Undo', 'Remove from papershelf']) expect(await find(text), text).toBe(false);

    const boxes = () =>
      page.evaluate(
        (keys) =>
          keys.map((key) => {
            const host = document.querySelector(`[data-papershelf-key="${key}"]`) as HTMLElement;
            const box = host.getBoundingClientRect();
            return [box.width, box.height];
          }),
        [saved.key, unsaved.key],
      );
    const plain = await boxes();
    expect(plain[0]).toEqual(plain[1]);
    // Page CSS that would make a label's length show: every property on every span, with the
    // highest priority a page has (an !important inline style), plus pseudo-elements of its own.
    await page.addStyleTag({
      content: `span { writing-mode: vertical-lr !important; font-size: 40px !important; padding: 9px !important;
        width: auto !important; height: auto !important; display: inline !important; letter-spacing: 3px !important;
        line-height: 3 !important; zoom: 2 !important; border: 5px solid red !important; }
        span::before { content: "xx" !important; } span::after { content: attr(data-x) !important; }`,
    });
    await page.evaluate(() => {
      for (const span of document.querySelectorAll('span')) {
        (span as HTMLElement).style.setProperty('writing-mode', 'vertical-rl', 'important');
        (span as HTMLElement).style.setProperty('font-size', '3em', 'important');
      }
    });
    const hostile = await boxes();
    expect(hostile[0]).toEqual(hostile[1]);
    expect(hostile).toEqual(plain);

    // The hostile CSS moved the control: the browser must see it on screen again before a click
    // counts (the clickjacking defence: IntersectionObserver v2 reports after 100 ms).
    await hostOf(page, saved).evaluate((host) => host.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    await hostOf(page, saved).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => stateOf(page, saved)).toBe('unsaved');
    await page.close();
  });
});
