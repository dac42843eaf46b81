// The rolling backup in the test build: written after a save (in storage.local and in OPFS), and
// after the database is deleted (as Chromium does after a disk-full error) the side panel and the
// popup offer a restore that puts back exactly what was saved.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, hasChromium, launch, savedRecords, servePage } from './browser';
import { backupPlaces, deleteIndexedDb } from './durability';
import { FIXTURES, TEST_BUILD } from './paths';

const hf = JSON.parse(readFileSync(join(FIXTURES, 'huggingface/daily-listing/expected.json'), 'utf8')) as {
  url: string;
  papers: Paper[];
};

const control = (page: Page, key: string) => page.locator(`[data-papershelf-key="${key}"]`);

function byKey<T extends { key: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => a.key.localeCompare(b.key));
}

describe.skipIf(!hasChromium)('the rolling backup in Chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-durability-'));
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('is written after a save, and restores a deleted database exactly after a restart', async () => {
    browser = await launch(TEST_BUILD, profile);
    const { extensionId } = browser;
    await servePage(browser.context, hf.url, 'huggingface/daily-listing');
    const page = await browser.context.newPage();
    await page.goto(hf.url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(hf.papers.length);
    const saved = hf.papers.slice(0, 3);
    for (const paper of saved) {
      // The control counts a click once the browser has seen it on screen (its clickjacking
      // defence: IntersectionObserver v2 reports after 100 ms).
      await control(page, paper.key).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await control(page, paper.key).click();
      await expect.poll(() => control(page, paper.key).getAttribute('data-papershelf-state')).toBe('saved');
    }
    // The side panel changes one record itself (status), as a user does.
    const panel = await browser.openExtensionPage('sidepanel.html');
    const row = panel.locator(`[data-paper-key="${saved[0]?.key}"]`);
    await expect.poll(() => row.count()).toBe(1);
    // As a user does: select the row, then the status key (3 = read, the panel's help lists it).
    await row.locator('.row-title').click();
    await panel.keyboard.press('3');
    await expect
      .poll(async () => (await savedRecords(browser as Browser)).find((r) => r.key === saved[0]?.key)?.status)
      .toBe('read');
    await panel.close();

    // Both places hold the three papers a moment later.
    await expect
      .poll(
        async () => {
          const places = await backupPlaces(browser as Browser);
          return [places.storageLocal?.count, places.opfs?.count];
        },
        { timeout: 20_000 },
      )
      .toEqual([3, 3]);
    const before = byKey(await savedRecords(browser));
    expect(before.map((record) => record.key)).toEqual(byKey(saved).map((paper) => paper.key));
    await browser.close();
    browser = undefined;

    // Chromium deleted the database; the backup is all that is left.
    expect(deleteIndexedDb(profile, extensionId).length).toBeGreaterThan(0);
    browser = await launch(TEST_BUILD, profile);
    expect(browser.extensionId).toBe(extensionId);
    expect(await savedRecords(browser)).toEqual([]);

    const popup = await browser.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.locator('[data-durability="restore-offer"]').textContent())
      .toContain('3 papers missing from your library');
    await popup.close();

    const restoring = await browser.openExtensionPage('sidepanel.html');
    const offer = restoring.locator('[data-durability="restore-offer"]');
    await expect.poll(() => offer.textContent()).toContain('3 papers missing from your library');
    await offer.locator('[data-action="restore-backup"]').click();
    await expect.poll(() => offer.textContent()).toContain('Restored 3 papers from the backup.');
    expect(byKey(await savedRecords(browser))).toEqual(before);
    // The side panel shows them, and the offer is gone on the next open.
    // The list's worker reads the library again after the restore's change notice: on a loaded
    // machine that took longer than the default 5 s.
    await expect.poll(() => restoring.locator('[data-paper-key]').count(), { timeout: 30_000 }).toBe(3);
    const again = await browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => again.locator('[data-paper-key]').count(), { timeout: 30_000 }).toBe(3);
    expect(await again.locator('[data-durability="restore-offer"]').count()).toBe(0);
  }, 180_000);
});
