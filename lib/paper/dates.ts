// Dates as pages show them, turned into the ISO forms a Paper keeps: 2023-10-05, 2023-10 or 2023.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function format(year: number, month?: number, day?: number): string | undefined {
  if (year < 1000 || year > 2999) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/**
 * Turns a date as written on a page or in metadata into an ISO date as precise as the text is:
 * "2023-10-05T17:22:00.000Z" (the UTC date), "2023/10/05", "5 Oct 2023", "Oct 5, 2023",
 * "October 2023", MEDLINE's "2012 Nov 26", "2023". A date-time with no zone keeps its written date.
 * `currentYear` completes a date shown without one ("Apr 6").
 */
export function toIsoDate(text: string, currentYear?: number): string | undefined {
  const value = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  // A date-time with no zone is the date as written, whatever this machine's zone.
  if (match) return format(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/.exec(value);
  if (match) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    }
  }
  match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value);
  if (match) {
    return format(Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined);
  }
  // MEDLINE: "2012 Nov 26", "2012 Nov"
  match = /^(\d{4})\s+([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?$/.exec(value);
  if (match?.[2] && monthNumber(match[2])) {
    return format(Number(match[1]), monthNumber(match[2]), match[3] ? Number(match[3]) : undefined);
  }
  // "5 Oct 2023", "05 October 2023", "Thu, 5 Oct 2023 ..."
  match = /(?:^|\s|,)(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(value);
  if (match?.[2] && monthNumber(match[2])) {
    return format(Number(match[3]), monthNumber(match[2]), Number(match[1]));
  }
  // "Oct 5, 2023", "October 5 2023"
  match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(value);
  if (match?.[1] && monthNumber(match[1])) {
    return format(Number(match[3]), monthNumber(match[1]), Number(match[2]));
  }
  // "Oct 5" with the current year
  match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(value);
  if (match?.[1] && currentYear && monthNumber(match[1])) {
    return format(currentYear, monthNumber(match[1]), Number(match[2]));
  }
  // "October 2023"
  match = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(value);
  if (match?.[1] && monthNumber(match[1])) return format(Number(match[2]), monthNumber(match[1]));
  return undefined;
}
