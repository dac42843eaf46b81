import type { Paper } from '../lib/paper/model';
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

/** Title, authors, date, source and links of one paper; page text is rendered as text only. */
export function PaperSummary({ paper }: { paper: Paper }) {
  const url = safeHref(paper.url);
  const links = [
    ['PDF', safeHref(paper.pdfUrl)],
    ['Code', safeHref(paper.codeUrl)],
    ['Project', safeHref(paper.projectUrl)],
  ] as const;
  return (
    <div class="summary">
      <div class="title">
        {url ? (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {paper.title}
          </a>
        ) : (
          paper.title
        )}
      </div>
      <div class="authors">{authorLine(paper)}</div>
      <div class="meta">
        {[paper.published, paper.venue, paper.venue?.toLowerCase() === paper.source ? undefined : paper.source]
          .filter(Boolean)
          .join(' · ')}
        {paper.upvotes !== undefined && ` · ▲ ${paper.upvotes}`}
        {paper.stars !== undefined && ` · ★ ${paper.stars}`}
        {links.map(([label, href]) =>
          href ? (
            <a key={label} class="link" href={href} target="_blank" rel="noopener noreferrer">
              {label}
            </a>
          ) : null,
        )}
      </div>
    </div>
  );
}
