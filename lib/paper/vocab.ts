// The model's names and patterns as plain values, without zod: the content scripts build papers
// (lib/paper/build.ts) and must not carry a validation library to do it (issue 9: zod was a third
// of every content script). lib/paper/model.ts builds its schemas from these, and
// model.test.ts checks that the two name the same fields.

/** What kind of work a paper is, as a citation needs it. */
export const PAPER_TYPES = [
  'article',
  'conference',
  'chapter',
  'book',
  'thesis',
  'report',
  'preprint',
  'dataset',
  'software',
  'webpage',
  // Films, video recordings and broadcasts (Zotero's film, videoRecording, tvBroadcast): a film
  // and the TV series of one title, director and year are different works.
  'film',
  'video',
  'broadcast',
  'other',
] as const;

/** ISO date as precise as known: 2023-10-05, 2023-10 or 2023. */
export const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A paper's key: a scheme, a colon and no whitespace (docs/CONTRACT.md, "Paper"). */
export const KEY_PATTERN = /^(arxiv|doi|shortdoi|pubmed|openreview|acl|s2|url|ref):\S+$/;

/** The identifiers a paper may carry, in the model's order. */
export const ID_NAMES = [
  'arxiv',
  'arxivVersion',
  'doi',
  'shortDoi',
  'pubmed',
  'pmcid',
  'openreview',
  'acl',
  's2',
  'dblp',
] as const;

/** A paper's fields, in the model's order (a merge writes them in this order). */
export const PAPER_FIELDS = [
  'key',
  'title',
  'authors',
  'authorCount',
  'abstract',
  'published',
  'venue',
  'organization',
  'ids',
  'url',
  'pdfUrl',
  'codeUrl',
  'projectUrl',
  'upvotes',
  'stars',
  'comments',
  'keywords',
  'source',
  'pageUrl',
  'type',
  'names',
  'editors',
  'container',
  'volume',
  'issue',
  'pages',
  'publisher',
  'place',
  'edition',
  'series',
  'isbn',
  'issn',
  'language',
  'genre',
  'issued',
  'extra',
  'publication',
] as const;
