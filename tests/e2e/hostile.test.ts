// What a hostile page can learn or do through the content script's framework: nothing. The
// production build is used, so no test hook is there to help the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, hasChromium, launch, servePage } from './browser';
import { FIXTURES, PRODUCTION_BUILD } from './paths';

const listing = JSON.parse(readFileSync(join(FIXTURES, 'arxiv/listing-new/expected.json'), 'utf8')) as {
  url: string;
  papers: unknown[];
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
    const hosts = () => page.evaluate(() => document.querySelectorAll('papershelf-control').length);
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
      for (const old of body.querySelectorAll('papershelf-control')) old.remove();
      list.append(copy, body);
    });
    await expect.poll(hosts, { timeout: 5000 }).toBe(listing.papers.length + 1);
    await page.close();
  });
});
