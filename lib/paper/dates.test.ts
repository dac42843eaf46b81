import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates';

describe('toIsoDate', () => {
  it.each([
    ['2023-10-05T23:30:00.000Z', '2023-10-05'],
    ['2023-10-05T23:30:00-05:00', '2023-10-06'],
    ['2023/10/05', '2023-10-05'],
    ['2020-01-01 00:00:00', '2020-01-01'],
    ['2023-10-05T23:30:00', '2023-10-05'],
    ['2012 Nov 26', '2012-11-26'],
    ['2012 Nov', '2012-11'],
    ['2023-10', '2023-10'],
    ['2023', '2023'],
    ['5 Oct 2023', '2023-10-05'],
    ['Thu, 5 Oct 2023 17:59:59 UTC', '2023-10-05'],
    ['Oct 5, 2023', '2023-10-05'],
    ['October 5th, 2023', '2023-10-05'],
    ['October 2023', '2023-10'],
    ['2023/02/30', undefined],
    ['2023-13', undefined],
    ['Smarch 5, 2023', undefined],
    ['yesterday', undefined],
  ])('%s', (text, expected) => {
    expect(toIsoDate(text)).toBe(expected);
  });

  it('completes a date shown without its year only when told the year', () => {
    expect(toIsoDate('Apr 6')).toBeUndefined();
    expect(toIsoDate('Apr 6', 2026)).toBe('2026-04-06');
  });
});
