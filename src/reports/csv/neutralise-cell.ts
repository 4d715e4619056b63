/**
 * Spreadsheets run a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula (CSV injection, OWASP). Such text cells get a leading apostrophe, which spreadsheets show
 * as plain text. Cells that already begin with apostrophes before such a character get one more, so
 * the rule stays reversible: `restoreCell` gives back exactly the text that was neutralised.
 */
const APOSTROPHE = 0x27;

/** `= + - @`, tab and carriage return: the first characters a spreadsheet runs. */
function startsFormula(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

// Read by character code, not by a regular expression: an export asks this of a million cells.
function runsAsFormula(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === APOSTROPHE) i += 1;
  return startsFormula(text.charCodeAt(i));
}

/** The cell as written to the file: a leading `'` when a spreadsheet would run it. */
export function neutraliseCell(text: string): string {
  return runsAsFormula(text) ? `'${text}` : text;
}

/** The text a neutralised cell stood for (the inverse of neutraliseCell). */
export function restoreCell(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && runsAsFormula(cell) ? cell.slice(1) : cell;
}
