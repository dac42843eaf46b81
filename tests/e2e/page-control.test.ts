// The page control's own menu in the built extension: turning papershelf off on a site from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, hasChromium, launch, servePage } from './browser';
import { FIXTURES, TEST_BUILD } from './paths';

const fixture = 'huggingface/daily-listing';
const hf = JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as {
  url: string;
  papers: Paper[];
};

describe.skipIf(!hasChromium)('the page control in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('turns papershelf off on the site from the menu: controls go, and stay gone after a reload', async () => {
    await servePage(browser.context, hf.url, fixture);
    const page = await browser.context.newPage();
    await page.goto(hf.url);
    await expect.poll(() => page.locator('papershelf-control').count()).toBe(hf.papers.length);
    const paper = hf.papers[0] as Paper;
    const host = page.locator(`papershelf-control[data-papershelf-key="${paper.key}"]`);
    await host.click();
    await expect.poll(() => host.getAttribute('data-papershelf-state')).toBe('saved');
    // The menu opens on the saved control with focus on its first item; the third turns the site off.
    await host.click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('papershelf-control').count()).toBe(0);

    const probe = await browser.openExtensionPage('sidepanel.html');
    const stored = await probe.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get('disabledSites'),
    );
    expect(stored.disabledSites).toEqual(['huggingface.co']);
    await probe.close();

    await page.reload();
    await page.waitForLoadState('load');
    // Give the runner the time it would take to place controls on an enabled site, then check none came.
    await page.waitForTimeout(1000);
    expect(await page.locator('papershelf-control').count()).toBe(0);
    await page.close();
  });
});
