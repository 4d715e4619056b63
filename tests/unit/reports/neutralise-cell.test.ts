import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { neutraliseCell, restoreCell } from '../../../src/reports/csv/index.ts';

/** The rule as first written: apostrophes, then a character a spreadsheet runs as a formula. */
const RUNS_AS_FORMULA = /^'*[=+\-@\t\r]/;

const anyCell = fc.string({
  unit: fc.oneof(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', 'a', '1'), fc.string()),
});

describe('neutraliseCell', () => {
  test('marks exactly the cells the formula rule names, and restoreCell undoes it', () => {
    fc.assert(
      fc.property(anyCell, (text) => {
        const cell = neutraliseCell(text);
        expect(cell).toBe(RUNS_AS_FORMULA.test(text) ? `'${text}` : text);
        expect(restoreCell(cell)).toBe(text);
        expect(restoreCell(text)).toBe(
          text.startsWith("'") && RUNS_AS_FORMULA.test(text) ? text.slice(1) : text,
        );
      }),
      { numRuns: 2_000 },
    );
  });
});
