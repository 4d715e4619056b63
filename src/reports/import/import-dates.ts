import { isCalendarDay } from '../../domain/index.ts';

/** How a file writes numeric dates whose order is not ISO: day first (31/12/2026) or month first. */
export type DayOrder = 'day-first' | 'month-first';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$|^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

// A plain calendar check, not a date library: an import reads up to 100k dates.
function isoDay(year: number, month: number, day: number): string | null {
  if (!isCalendarDay(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The order a file's numeric dates prove (a first part over 12 is a day; a second part over 12 is a day); null when none proves one or they disagree. */
export function dayOrderOf(texts: readonly string[]): DayOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const text of texts) {
    const m = NUMERIC.exec(text.trim());
    if (!m || m[2] === '.') continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[3]) > 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return null;
  return dayFirst ? 'day-first' : 'month-first';
}

/** A date as the ledger keeps it (YYYY-MM-DD), or why not. */
export type ParsedDate = { ok: true; day: string } | { ok: false; reason: string };

/**
 * Reads ISO dates (a timestamp keeps its written day), numeric dates (31/12/2026, 12/31/2026, and
 * dotted ones, always day-first: 03.11.2026) and named months (3 Nov 2026, Nov 3, 2026). A slashed
 * date that reads both ways (03/04/2026) is taken in the order the file's other dates prove; when none
 * proves it, it is reported, never guessed.
 */
export function parseImportDate(text: string, fileOrder: DayOrder | null): ParsedDate {
  let order = fileOrder;
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day ? { ok: true, day } : { ok: false, reason: `"${t}" is not a date in the calendar` };
  }
  const numeric = NUMERIC.exec(t);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
    // Dotted dates (03.11.2026) are day-first wherever they are written (de, sv, fi, ru…).
    if (numeric[2] === '.') order = 'day-first';
    const readsBothWays = a <= 12 && b <= 12 && a !== b;
    if (readsBothWays && order === null) {
      return {
        ok: false,
        reason: `"${t}" could be ${isoDay(year, b, a) ?? '?'} or ${isoDay(year, a, b) ?? '?'}: write it as YYYY-MM-DD`,
      };
    }
    const dayFirst = a > 12 || (b <= 12 && order !== 'month-first');
    const day = dayFirst ? isoDay(year, b, a) : isoDay(year, a, b);
    return day ? { ok: true, day } : { ok: false, reason: `"${t}" is not a date in the calendar` };
  }
  const named = NAMED.exec(t);
  if (named) {
    const [dayText, monthText, yearText] = named[1]
      ? [named[1], named[2], named[3]]
      : [named[5], named[4], named[6]];
    const month = MONTHS.indexOf((monthText ?? '').toLowerCase()) + 1;
    const day = month > 0 ? isoDay(Number(yearText), month, Number(dayText)) : null;
    if (day) return { ok: true, day };
  }
  return { ok: false, reason: t === '' ? 'the date is empty' : `"${t}" is not a date this import reads` };
}
