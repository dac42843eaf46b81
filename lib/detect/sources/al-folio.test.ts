import { describe, expect, it } from 'vitest';
import { alFolioAuthors } from './al-folio';

// Author lines as al-folio printed them on apoorvabeedu.github.io (tests/fixtures/al-folio/).
describe('al-folio author lines', () => {
  it('turns "Last, First" pairs round', () => {
    expect(alFolioAuthors('Beedu, Apoorva, Ren, Zhile, Agrawal, Varun, and Essa, Irfan')).toEqual([
      'Apoorva Beedu',
      'Zhile Ren',
      'Varun Agrawal',
      'Irfan Essa',
    ]);
    expect(alFolioAuthors('Haresamudram, Harish, Beedu, Apoorva, Grady, Patrick L, and Plötz, Thomas')).toEqual([
      'Harish Haresamudram',
      'Apoorva Beedu',
      'Patrick L Grady',
      'Thomas Plötz',
    ]);
  });

  it('keeps "First Last" lists and drops equal-contribution marks', () => {
    expect(alFolioAuthors('Juil Koo*, Seungwoo Yoo*, Minhyuk Sung')).toEqual([
      'Juil Koo',
      'Seungwoo Yoo',
      'Minhyuk Sung',
    ]);
    expect(alFolioAuthors('A. Beedu, Z. Ren, and I. Essa')).toEqual(['A. Beedu', 'Z. Ren', 'I. Essa']);
  });

  it('gives nothing for no text', () => {
    expect(alFolioAuthors(undefined)).toEqual([]);
  });
});
