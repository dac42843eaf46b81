// What the open tabs are told: every message within the message table's caps, every key once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TabRequestSchema } from './messages';

const sent: { tabId: number; message: unknown }[] = [];

vi.mock('wxt/browser', () => ({
  browser: {
    tabs: {
      query: async () => [{ id: 4 }, { id: undefined }, { id: 9 }],
      sendMessage: async (tabId: number, message: unknown) => {
        sent.push({ tabId, message });
        if (tabId === 9) throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
  },
}));

const { notifyTabs, resyncTabs } = await import('./tabs');

beforeEach(() => {
  sent.length = 0;
});

describe('notifyTabs', () => {
  it('tells every tab of 25,000 changed keys in messages the tabs accept, each key once', async () => {
    const keys = Array.from({ length: 25_000 }, (_, index) => `arxiv:2601.${String(index).padStart(5, '0')}`);
    await notifyTabs(keys);
    const toTab4 = sent.filter((entry) => entry.tabId === 4).map((entry) => TabRequestSchema.parse(entry.message));
    expect(toTab4.map((message) => message.type === 'library-changed' && message.keys.length)).toEqual([
      10_000, 10_000, 5_000,
    ]);
    expect(toTab4.flatMap((message) => (message.type === 'library-changed' ? message.keys : []))).toEqual(keys);
    // A tab without our content script is skipped without failing the others.
    expect(sent.filter((entry) => entry.tabId === 9)).toHaveLength(3);
  });

  it('sends nothing for no change', async () => {
    await notifyTabs([]);
    expect(sent).toEqual([]);
  });
});

describe('resyncTabs', () => {
  it('asks every tab to look up its saved state again', async () => {
    await resyncTabs();
    expect(sent.map((entry) => [entry.tabId, TabRequestSchema.parse(entry.message)])).toEqual([
      [4, { type: 'library-resync' }],
      [9, { type: 'library-resync' }],
    ]);
  });
});
