/**
 * Spreadsheets run a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula (CSV injection, OWASP). Such text cells get a leading apostrophe, which spreadsheets show
 * as plain text. Cells that already begin with apostrophes before such a character get one more, so
 * the rule stays reversible: `restoreCell` gives back exactly the text that was neutralised.
 */
const NEUTRALISED = /^'*[=+\-@\t\r]/;

/** The cell as written to the file: a leading `'` when a spreadsheet would run it. */
export function neutraliseCell(text: string): string {
  return NEUTRALISED.test(text) ? `'${text}` : text;
}

/** The text a neutralised cell stood for (the inverse of neutraliseCell). */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
