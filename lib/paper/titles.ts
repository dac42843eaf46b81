// One rule for "is this the same title?", used by every merge: two records that share only an
// address (chapters on one repository page) are one paper only when their titles agree.

// A TeX command with its braces ("\emph{", "\textit{"), an accent command ("\'", "\"", "\v"), or
// a lone brace: what TeX markup adds to a title without changing its words.
const TEX_MARKUP = /\\[a-zA-Z]+\*?\s*|\\[^a-zA-Z\s]|[{}$]/g;

/**
 * A title folded for comparison: TeX markup, diacritics, case and punctuation removed, spaces
 * collapsed. "{BERT}: Pre-training of Deep \emph{Bidirectional}" → "bert pre training of deep bidirectional".
 */
export function foldTitle(title: string): string {
  return title
    .replace(TEX_MARKUP, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when two titles name the same work: equal once folded (foldTitle). */
export function titlesAgree(a: string, b: string): boolean {
  return foldTitle(a) === foldTitle(b);
}
