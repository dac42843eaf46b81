import type { ComponentChildren } from 'preact';
import { siteCounts, sourceName } from '../lib/display';
import type { Paper } from '../lib/paper/model';
import { texToText } from '../lib/tex-text';
import { safeHref } from './links';

const SHOWN_AUTHORS = 3;

/** "A, B, C et al. (12 authors)" from the authors a paper lists or counts. */
export function authorLine(paper: Paper): string {
  const total = Math.max(paper.authors.length, paper.authorCount ?? 0);
  if (total === 0) return 'Authors unknown';
  if (paper.authors.length === 0) return `${total} authors`;
  const shown = paper.authors.slice(0, SHOWN_AUTHORS).join(', ');
  return total > SHOWN_AUTHORS ? `${shown} et al. (${total} authors)` : shown;
}

/** The date, venue, site and the site's counts of a paper, as one line of words. */
export function metaLine(paper: Paper): string {
  const site = sourceName(paper);
  const venue = paper.venue ? texToText(paper.venue) : undefined;
  return [paper.published, venue, site && site.toLowerCase() !== venue?.toLowerCase() ? site : undefined]
    .concat(siteCounts(paper))
    .filter(Boolean)
    .join(' · ');
}

interface Props {
  paper: Paper;
  /** Renders the title and author line (the side panel marks search matches with it). */
  renderText?: (text: string) => ComponentChildren;
}

/** Title, authors, date, source and links of one paper; page text is rendered as text only. */
export function PaperSummary({ paper, renderText = (text) => text }: Props) {
  const url = safeHref(paper.url);
  const title = texToText(paper.title);
  const links = [
    ['PDF', safeHref(paper.pdfUrl)],
    ['Code', safeHref(paper.codeUrl)],
    ['Project', safeHref(paper.projectUrl)],
  ] as const;
  return (
    <div class="ps-summary">
      <div class="ps-title">
        {url ? (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {renderText(title)}
          </a>
        ) : (
          renderText(title)
        )}
      </div>
      <div class="ps-authors">{renderText(authorLine(paper))}</div>
      <div class="ps-meta">
        {metaLine(paper)}
        {links.map(([label, href]) =>
          href ? (
            <a key={label} class="ps-link" href={href} target="_blank" rel="noopener noreferrer">
              {label}
            </a>
          ) : null,
        )}
      </div>
    </div>
  );
}
