// Markdown reading lists, for notes, a README or a chat:
//   toMarkdown      "- [Title](link) — A. Author, B. Author, C. Author et al. (2023), Venue", one line a paper
//   toMarkdownFull  a "## [Title](link)" heading, every author, the ids, and the abstract as a quote
// The link is the landing page, else the arXiv page, else doi.org (fields.ts, paperLink); a paper
// with none is a plain title. Text from pages is escaped so that it shows as written: the
// characters CommonMark gives a meaning inside a line (\ ` * _ [ ] < > | ~ $ and an entity-like &)
// get a backslash; in a link, spaces, parentheses and angle brackets are percent-encoded.
import { parseArxivId } from '../paper/ids';
import type { Paper, SavedPaper } from '../paper/model';
import { paperLink } from './fields';

/** A short list names this many authors, then "et al.". */
const SHORT_AUTHORS = 3;

/** Escapes text so that Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~$]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#+-])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function linkTarget(url: string): string {
  return url.replace(/[ ()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function titleLink(paper: Paper): string {
  const title = escapeMarkdown(paper.title);
  const link = paperLink(paper);
  return link ? `[${title}](${linkTarget(link)})` : title;
}

function authorList(paper: Paper, limit: number): string {
  const shown = paper.authors.slice(0, limit).map(escapeMarkdown).join(', ');
  const more = paper.authors.length > limit || (paper.authorCount ?? 0) > paper.authors.length;
  return shown && more ? `${shown} et al.` : shown;
}

function byline(paper: Paper, limit: number): string {
  let line = authorList(paper, limit);
  const year = paper.published?.slice(0, 4);
  if (year) line += `${line ? ' ' : ''}(${year})`;
  if (paper.venue) line += `${line ? ', ' : ''}${escapeMarkdown(paper.venue)}`;
  return line;
}

/** One line a paper: "- [Title](link) — Authors (year), venue", with a final newline. */
export function toMarkdown(papers: readonly (Paper | SavedPaper)[]): string {
  return papers
    .map((paper) => {
      const line = byline(paper, SHORT_AUTHORS);
      return `- ${titleLink(paper)}${line ? ` — ${line}` : ''}\n`;
    })
    .join('');
}

function idLine(paper: Paper): string {
  const arxiv = paper.ids?.arxiv ? (parseArxivId(paper.ids.arxiv)?.id ?? paper.ids.arxiv) : undefined;
  return [arxiv && `arXiv:${arxiv}`, paper.ids?.doi && `doi:${paper.ids.doi}`]
    .filter((part): part is string => Boolean(part))
    .map(escapeMarkdown)
    .join(' · ');
}

/**
 * A section a paper: a "## [Title](link)" heading, all authors with year and venue, its arXiv id and
 * DOI, and the abstract as a block quote.
 */
export function toMarkdownFull(papers: readonly (Paper | SavedPaper)[]): string {
  return papers
    .map((paper) => {
      const blocks = [`## ${titleLink(paper)}`];
      const details = [byline(paper, Number.POSITIVE_INFINITY), idLine(paper)].filter(Boolean);
      if (details.length > 0) blocks.push(details.join('  \n'));
      if (paper.abstract)
        blocks.push(
          paper.abstract
            .split('\n')
            .map((line) => `> ${escapeMarkdown(line)}`)
            .join('\n'),
        );
      return `${blocks.join('\n\n')}\n`;
    })
    .join('\n');
}
