import dayjs from 'dayjs';
import type { CostItem, GenerationRow } from '../../../domain/index.ts';

/** A small coloured marker on a Billing row (status, settlement, Dual pair). */
export interface RowMarker {
  /** The badge text, e.g. "Failed · charged". */
  label: string;
  /** Mantine colour; modelbridge-docs.md §16: red failed, orange active/uncertain, grey neutral. */
  color: string;
  /** Longer words for the tooltip and screen readers; empty when the label says it all. */
  description: string;
}

function failureMarker(g: GenerationRow): RowMarker | null {
  if (g.status !== 'failed') return null;
  const why = g.failure?.message ?? '';
  // Whether fal charged a failed run decides how it counts (modelbridge-docs.md §9).
  if (g.failure?.charged === 'yes') return { label: 'Failed · charged', color: 'red', description: why };
  if (g.failure?.charged === 'maybe') {
    return { label: 'Failed · may be charged', color: 'orange', description: why };
  }
  return { label: 'Failed · not charged', color: 'gray', description: why };
}

function cancelMarker(g: GenerationRow): RowMarker | null {
  if (g.status !== 'cancelled') return null;
  const actual = g.actual?.usdMicros ?? null;
  // A cancelled run can still be billed (docs §9): say so until fal's units settle it.
  if (actual === null) {
    return {
      label: 'Cancelled · may be billed',
      color: 'orange',
      description: 'Cancelled after submission: fal.ai may still bill it; the estimate counts until settled.',
    };
  }
  if (actual > 0) {
    return { label: 'Cancelled · billed', color: 'orange', description: 'fal.ai billed this cancelled run.' };
  }
  return { label: 'Cancelled · not billed', color: 'gray', description: '' };
}

/**
 * The markers of one generation row, in reading order: running or not confirmed, failed (charged / not), cancelled
 * (still billed or not), unsettled, and the Dual pair marker naming the partner model.
 */
export function rowMarkers(g: GenerationRow, dualPartner: string | null): RowMarker[] {
  const markers: RowMarker[] = [];
  if (g.status === 'running') markers.push({ label: 'Running', color: 'orange', description: '' });
  if (g.status === 'requested') {
    markers.push({
      label: 'Not confirmed',
      color: 'orange',
      description:
        'Sent to fal.ai, but its answer was never recorded (the panel closed or lost the connection): the estimate counts until it is known.',
    });
  }
  const failure = failureMarker(g);
  if (failure) markers.push(failure);
  const cancel = cancelMarker(g);
  if (cancel) markers.push(cancel);
  if (g.unsettled) {
    markers.push({
      label: 'Unsettled',
      color: 'yellow',
      description: g.unsettledReason ?? 'fal.ai never confirmed the billed units: the estimate stays.',
    });
  }
  if (g.dual) {
    const partner = dualPartner ? `with ${dualPartner}` : 'partner not in this list';
    markers.push({ label: 'Dual pair', color: 'grape', description: `Dual Mode pair, ${partner}` });
  }
  return markers;
}

/** A run time for people: `—` while unknown, `12 s`, `1 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** An ISO timestamp in the viewer's local time, e.g. `3 Nov 2025 10:01`. */
export function formatTimestamp(iso: string): string {
  return dayjs(iso).format('D MMM YYYY HH:mm');
}

/** A calendar day (YYYY-MM-DD) for people, e.g. `1 Nov 2025`. */
export function formatDay(day: string): string {
  return dayjs(day).format('D MMM YYYY');
}

/** A pool's period for people: either end may be open ('' is "no limit"), never "Invalid Date". */
export function formatPeriod(period: { from: string; to: string }): string {
  const from = period.from === '' ? null : formatDay(period.from);
  const to = period.to === '' ? null : formatDay(period.to);
  if (from && to) return `${from} – ${to}`;
  if (from) return `from ${from}`;
  return to ? `until ${to}` : 'any date';
}

/** The tags of a cost as `client · project · deliverable` (empty ones left out), or `Untagged`. */
export function tagLine(item: Pick<CostItem, 'client' | 'project' | 'deliverable'>): string {
  const parts = [item.client, item.project, item.deliverable].filter((t) => t !== '');
  return parts.length === 0 ? 'Untagged' : parts.join(' · ');
}
