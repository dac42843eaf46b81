import { describe, expect, it } from 'vitest';
import { queryWords } from './view-index';

// Where MiniSearch splits words: white space and punctuation, by Unicode class.
const UNICODE_SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

describe('the words of a text', () => {
  it('are split in ASCII text at exactly the characters the Unicode classes name', () => {
    for (let code = 0; code < 128; code++) {
      const text = `ab${String.fromCharCode(code)}cd`;
      const expected = text
        .toLowerCase()
        .split(UNICODE_SEPARATORS)
        .filter((word) => word.length > 0);
      expect(queryWords(text), `U+${code.toString(16).padStart(4, '0')}`).toEqual(expected);
    }
  });

  it('are split by the Unicode classes in any other text', () => {
    expect(queryWords('Schrödinger’s cat — «naïve»\u00a0approach, 𝛼-decay')).toEqual([
      'schrödinger',
      's',
      'cat',
      'naïve',
      'approach',
      '𝛼',
      'decay',
    ]);
  });
});
