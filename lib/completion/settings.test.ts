// The completion switches against a stand-in for the browser's permissions and storage: a host is
// asked for only when not granted, a refusal changes nothing, and a host this feature asked for is
// given back with the last service that needs it (never one the user granted otherwise).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  granted: new Set<string>(),
  allow: true,
  requested: [] as string[][],
  removed: [] as string[][],
}));

vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string) => (key in state.stored ? { [key]: state.stored[key] } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(state.stored, structuredClone(items));
        },
      },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((origin) => state.granted.has(origin)),
      request: async ({ origins }: { origins: string[] }) => {
        state.requested.push(origins);
        if (state.allow) for (const origin of origins) state.granted.add(origin);
        return state.allow;
      },
      remove: async ({ origins }: { origins: string[] }) => {
        state.removed.push(origins);
        for (const origin of origins) state.granted.delete(origin);
        return true;
      },
    },
  },
}));

const { contactOf, grantedServices, readCompletionSettings, switchService } = await import('./settings');

beforeEach(() => {
  state.stored = {};
  state.granted = new Set();
  state.allow = true;
  state.requested = [];
  state.removed = [];
});

describe('completion settings', () => {
  it('is off until a service is turned on, and reads anything malformed as off', async () => {
    expect(await readCompletionSettings()).toEqual({ services: [], requested: [] });
    state.stored.completion = { services: ['crossref', 'not-a-service'], requested: [] };
    expect(await readCompletionSettings()).toEqual({ services: [], requested: [] });
  });

  it('asks for a host only when it is not granted, and gives back only what it asked for', async () => {
    let settings = await switchService('crossref', true, false);
    expect(state.requested).toEqual([['https://api.crossref.org/*']]);
    expect(settings).toEqual({ services: ['crossref'], requested: ['https://api.crossref.org/*'] });
    expect((await grantedServices()).crossref).toBe(true);

    // Already granted (the user gave papershelf every site): not asked, not recorded as ours.
    state.granted.add('https://api.openalex.org/*');
    settings = await switchService('openalex', true, true);
    expect(state.requested).toHaveLength(1);
    expect(settings.services).toEqual(['crossref', 'openalex']);
    expect(settings.requested).toEqual(['https://api.crossref.org/*']);

    await switchService('openalex', false, true);
    expect(state.removed).toEqual([]);
    settings = await switchService('crossref', false, true);
    expect(state.removed).toEqual([['https://api.crossref.org/*']]);
    expect(settings).toEqual({ services: [], requested: [] });
    expect(state.granted.has('https://api.openalex.org/*')).toBe(true);
  });

  it('changes nothing when the browser refuses the host', async () => {
    state.allow = false;
    await expect(switchService('pubmed', true, false)).rejects.toThrow(
      'The browser did not allow papershelf to reach PubMed',
    );
    expect(await readCompletionSettings()).toEqual({ services: [], requested: [] });
  });

  it('sends a contact address only when it is one', () => {
    expect(contactOf(' lab@example.org ')).toBe('lab@example.org');
    expect(contactOf('lab at example.org')).toBeUndefined();
    expect(contactOf('')).toBeUndefined();
  });
});
