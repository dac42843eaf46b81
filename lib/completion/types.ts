// What completion (issue 13) asks of a scholarly service, and what a service answers. The services
// in lib/completion/services/ are pure: they build requests and parse response text; the runner in
// the background does the fetching, the queue, the rate limits and the merge into the library.
import type { Paper, PaperIds, Publication } from '../paper/model';

export type { Publication };

/**
 * The services a user can turn on, one switch each (the side panel's settings). OpenReview's API is
 * not here yet: no recorded response of it to build and test on.
 */
export const SERVICE_IDS = [
  'arxiv',
  'crossref',
  'datacite',
  'pubmed',
  'semantic-scholar',
  'openalex',
  'huggingface',
  'dblp',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/**
 * One question about one paper. `record` asks for the paper's own record by an identifier it
 * carries; `published` asks where a preprint was published (by identifier where the service links
 * preprints to publications, else by title, first author and year).
 */
export interface Query {
  /** The library key of the paper asked about; answers come back under it. */
  key: string;
  kind: 'record' | 'published';
  ids: PaperIds;
  url?: string;
  title: string;
  /** Family name of the first author, when known (title searches). */
  firstFamily?: string;
  /** Year of the first public version, when known. */
  year?: string;
}

/** What a user may give a service (each optional; sent only to the service it belongs to). */
export interface ServiceSettings {
  /** A contact address for Crossref's and OpenAlex's polite pools. */
  contact?: string;
  semanticScholarKey?: string;
  ncbiKey?: string;
}

/** One HTTP request a service wants made, and the queries it answers. */
export interface ServiceRequest {
  service: ServiceId;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  queries: Query[];
}

/** The fields completion may fill, all from the paper model, in the model's order. */
export const COMPLETABLE = [
  'title',
  'authors',
  'names',
  'abstract',
  'venue',
  'container',
  'volume',
  'issue',
  'pages',
  'publisher',
  'type',
  'published',
  'issued',
  'issn',
  'isbn',
  'language',
  'editors',
  'url',
  'pdfUrl',
] as const satisfies readonly (keyof Paper)[];

export type Completable = Partial<Pick<Paper, (typeof COMPLETABLE)[number]>>;

/**
 * A service's answer for one query: the record it found (its own title, for the title check the
 * merge makes), fields it can fill, identifiers it links, and for `published` queries the
 * publication. Every string has passed through the model's bounds; nothing here is trusted.
 */
export interface Found {
  key: string;
  service: ServiceId;
  title?: string;
  fields: Completable;
  ids?: Partial<PaperIds>;
  publication?: Publication;
}

/** What a response said besides findings: a query it does not know, or text it could not read. */
export interface ParseResult {
  found: Found[];
  /** Keys of queries the service answered "not found" for. */
  missing: string[];
  /** Plain-words problems (a malformed entry skipped), never a thrown exception. */
  problems: string[];
}

/** A scholarly service: pure request building and response parsing. */
export interface Service {
  id: ServiceId;
  /** Display name ("Semantic Scholar"). */
  label: string;
  /** Host permission patterns it needs (the manifest's optional_host_permissions). */
  origins: readonly string[];
  /** Its published rate limit: at most `requests` per `perMs` milliseconds (with no key). */
  rate: { requests: number; perMs: number };
  /** The most queries one request carries (1 where the API has no batch form). */
  batch: number;
  /** Whether it can answer this query. */
  accepts(query: Query): boolean;
  /** Requests for the queries it accepts, each carrying at most `batch` of them. `base` replaces the API's origin (tests). */
  requests(queries: Query[], settings: ServiceSettings, base?: string): ServiceRequest[];
  /** Reads a successful response's body for `request`'s queries; never throws. */
  parse(body: string, request: ServiceRequest): ParseResult;
}
