import { describe, expect, it } from 'vitest';
import { FormatError } from './errors';
import { jsonErrorOffset, lineColumn, parseJsonText } from './json-text';

describe('jsonErrorOffset', () => {
  it('points at the first character that breaks the grammar', () => {
    expect(jsonErrorOffset('{"a": [1, 2,, 3]}')).toBe(12);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('[1, 2] x')).toBe(7);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('["a\\qb"]')).toBe(4);
    expect(jsonErrorOffset('["tab\there"]')).toBe(5);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const valid = '{"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n\\"y"], "b": {}, "c": [], "d": 0.1}';
    // Every prefix, and the text with each character dropped, is valid exactly when JSON.parse says so.
    const texts = [
      valid,
      ...Array.from({ length: valid.length }, (_, n) => valid.slice(0, n)),
      ...Array.from({ length: valid.length }, (_, n) => valid.slice(0, n) + valid.slice(n + 1)),
    ];
    for (const text of texts) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(jsonErrorOffset(text) === -1, text).toBe(parses);
    }
  });
});

describe('parseJsonText', () => {
  it('counts lines and columns from 1, in characters', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('张三x', 2)).toEqual({ line: 1, column: 3 });
  });

  it('throws a FormatError with the position; parses valid text', () => {
    expect(parseJsonText('{"a": 1}', 'input')).toEqual({ a: 1 });
    expect(() => parseJsonText('{\r\n  "a": 1\r\n  "b": 2}', 'input')).toThrow(
      new FormatError('input: not valid JSON at line 3, column 3: unexpected "\\""', { line: 3, column: 3 }),
    );
  });
});
