import type { GenerationLine } from './report-data-types.ts';

/** Above this many generations the log is folded into one `<details>` per day (issue 13). */
export const MAX_FLAT_LOG_ROWS = 500;

/** One day of the log: its generations in log order and their sum (display micro-units). */
export interface LogDay {
  day: string;
  lines: GenerationLine[];
  amountMicros: number;
}

/** The log's lines cut into days, in the order given (newest first: a day's lines are adjacent). */
export function logDays(lines: readonly GenerationLine[]): LogDay[] {
  const days: LogDay[] = [];
  for (const line of lines) {
    let last = days.at(-1);
    if (last?.day !== line.day) {
      last = { day: line.day, lines: [], amountMicros: 0 };
      days.push(last);
    }
    last.lines.push(line);
    last.amountMicros += line.amountMicros;
  }
  return days;
}
