import dayjs from 'dayjs';

/**
 * An ISO-8601 timestamp with the recorder's own UTC offset (`2026-11-27T00:30:00.000+01:00`), not `Z`:
 * the ledger reads a cost's calendar day from the timestamp as written, so a Stockholm editor's
 * 00:30 run counts on the 27th, as their invoices do, not on the 26th in UTC.
 */
export function localIsoTimestamp(date: Date): string {
  return dayjs(date).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}
