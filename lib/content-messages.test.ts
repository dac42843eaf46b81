// The content script's plain reading of what the extension sends it agrees with the message
// table's schemas: what they accept it takes (the fields it uses), what they refuse it refuses.
import { describe, expect, it } from 'vitest';
import { readAnswer, readTabRequest } from './content-messages';
import { BackgroundResponseSchema, TabRequestSchema } from './messages';

const saved = {
  key: 'arxiv:2310.03646',
  title: 'T',
  authors: [],
  source: 'arxiv',
  status: 'unread',
  savedAt: '2026-12-04T07:00:00.000Z',
  updatedAt: '2026-12-04T07:00:00.000Z',
};

describe('the content script reading messages', () => {
  it('takes what the tab-request schema accepts and refuses what it refuses', () => {
    const messages: unknown[] = [
      { type: 'library-changed', keys: ['arxiv:2310.03646', 'doi:10.1/x'] },
      { type: 'library-changed', keys: [] },
      { type: 'library-resync' },
      { type: 'get-papers' },
      { type: 'library-changed', keys: [''] },
      { type: 'library-changed', keys: [1] },
      { type: 'library-changed', keys: 'arxiv:1' },
      { type: 'library-changed', keys: Array.from({ length: 10_001 }, (_, i) => `k${i}`) },
      { type: 'library-changed' },
      { type: 'save', papers: [] },
      { keys: [] },
      null,
      'library-resync',
      [],
    ];
    for (const message of messages) {
      const schema = TabRequestSchema.safeParse(message);
      expect(readTabRequest(message), JSON.stringify(message).slice(0, 80)).toEqual(
        schema.success ? schema.data : undefined,
      );
    }
  });

  it('takes ok, the error, the keys found and the key saved from an answer, and nothing from a malformed one', () => {
    const answers: [unknown, ReturnType<typeof readAnswer>][] = [
      [{ ok: true }, { ok: true }],
      [
        { ok: true, saved: [saved] },
        { ok: true, savedKey: 'arxiv:2310.03646' },
      ],
      [
        { ok: true, found: { 'arxiv:2310.03646': 'arxiv:2310.03646' } },
        { ok: true, found: { 'arxiv:2310.03646': 'arxiv:2310.03646' } },
      ],
      [
        { ok: false, error: 'No space left on the disk' },
        { ok: false, error: 'No space left on the disk' },
      ],
      [{ ok: false }, undefined],
      [{ ok: 'yes' }, undefined],
      [undefined, undefined],
      ['ok', undefined],
    ];
    for (const [answer, read] of answers) {
      expect(readAnswer(answer)).toEqual(read);
      // Every answer read as one is one the background could send.
      if (read) expect(BackgroundResponseSchema.safeParse(answer).success).toBe(true);
    }
    // A malformed part is dropped, never passed on as something else.
    expect(readAnswer({ ok: true, found: { a: 1, b: 'doi:10.1/x' }, saved: [{ key: 3 }] })).toEqual({
      ok: true,
      found: { b: 'doi:10.1/x' },
    });
  });
});
