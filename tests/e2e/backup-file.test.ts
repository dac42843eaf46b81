// The backup file in the test build (which holds the `downloads` permission from install, as a
// click on the browser's prompt would give it): turned on in the side panel's settings, it is
// written after a save made through the background (the service worker's data: URL path), again
// on demand from the panel (the page's object-URL path), and a fresh profile imports it whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, hasChromium, launch, savedRecords, sendFrom } from './browser';
import { FIXTURES, TEST_BUILD } from './paths';

const hf = JSON.parse(readFileSync(join(FIXTURES, 'huggingface/daily-listing/expected.json'), 'utf8')) as {
  papers: Paper[];
};

interface Status {
  files: { id: number; path: string; at: string; count: number; bytes: number }[];
  problem?: string;
}

function statusIn(page: Page): Promise<Status | undefined> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<never> } } } })
      .chrome;
    return ((await chrome.storage.local.get('backupFileStatus')) as { backupFileStatus?: Status }).backupFileStatus;
  });
}

// The keys of the backup a file holds.
function keysInFile(path: string): string[] {
  const backup = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as { format: string; papers: Paper[] };
  expect(backup.format).toBe('papershelf');
  return backup.papers.map((paper) => paper.key).sort();
}

describe.skipIf(!hasChromium)('the backup file in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is written after a save once turned on, again on demand, and a fresh profile imports it', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.locator('[data-action="settings"]').click();
    const toggle = panel.locator('[data-action="backup-file"]');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect
      .poll(() => panel.locator('[data-backup-file-status]').textContent())
      .toBe('No backup file written yet.');
    await panel.close();

    // A save through the background, with no side panel open: the service worker writes the file.
    const popup = await browser.openExtensionPage('popup.html');
    const saved = hf.papers.slice(0, 3);
    expect((await sendFrom(popup, { type: 'save', papers: saved })).ok).toBe(true);
    await expect.poll(async () => (await statusIn(popup))?.files.length ?? 0, { timeout: 30_000 }).toBe(1);
    const [first] = (await statusIn(popup))?.files ?? [];
    expect(first).toMatchObject({ count: 3 });
    expect(first?.path).toMatch(/\.json\.gz$|[0-9a-f-]{36}$/);
    expect(keysInFile(first?.path ?? '')).toEqual(saved.map((paper) => paper.key).sort());

    // A second save the same day makes no second file.
    expect((await sendFrom(popup, { type: 'save', papers: hf.papers.slice(3, 4) })).ok).toBe(true);
    await popup.waitForTimeout(5000);
    expect((await statusIn(popup))?.files).toHaveLength(1);
    await popup.close();

    // On demand from the side panel: the file holds every paper saved until now.
    const again = await browser.openExtensionPage('sidepanel.html');
    await again.locator('[data-action="settings"]').click();
    await again.locator('[data-action="backup-file-now"]').click();
    await expect
      .poll(() => again.locator('.ps-toast').textContent(), { timeout: 30_000 })
      .toContain('Backup file written');
    const files = (await statusIn(again))?.files ?? [];
    expect(files).toHaveLength(2);
    const latest = files[1]?.path ?? '';
    const everyKey = (await savedRecords(browser)).map((record) => record.key).sort();
    expect(everyKey).toHaveLength(4);
    expect(keysInFile(latest)).toEqual(everyKey);
    await expect.poll(() => again.locator('[data-backup-file-status]').textContent()).toContain('4 papers');
    await again.close();

    const fresh = await launch(TEST_BUILD);
    try {
      const empty = await fresh.openExtensionPage('sidepanel.html');
      await empty.locator('[data-action="settings"]').click();
      await empty.locator('input[type="file"]').setInputFiles(latest);
      await expect.poll(() => empty.locator('.ps-toast').textContent()).toContain('4 papers added');
      expect((await savedRecords(fresh)).map((record) => record.key).sort()).toEqual(everyKey);
    } finally {
      await fresh.close();
    }
  }, 180_000);
});
