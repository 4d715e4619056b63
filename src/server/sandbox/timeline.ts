import type { SandboxRequest } from './store.ts';

/** Where a sandbox request is at a moment; COMPLETED is terminal for success, failure and cancel alike. */
export type Phase =
  | { status: 'IN_QUEUE'; position: number }
  | { status: 'IN_PROGRESS'; progress: number }
  | { status: 'COMPLETED'; outcome: 'success' | 'failed' | 'cancelled'; atMs: number };

/** One log line as fal sends it with `logs=1`. */
export interface SandboxLog {
  message: string;
  level: 'INFO' | 'ERROR' | 'WARN';
  source: 'USER';
  timestamp: string;
}

/** Milliseconds after submit at which the run leaves the queue and at which it ends (or stops). */
function marks(req: SandboxRequest): { queueEnd: number; runEnd: number; stoppedAt: number | null } {
  const work = req.scenario.failAt === 'worker' ? req.runMs * 0.3 : req.runMs;
  const queueEnd = req.queueMs;
  const runEnd = queueEnd + work;
  if (req.cancelledAt === null) return { queueEnd, runEnd, stoppedAt: null };
  const c = req.cancelledAt - req.submittedAt;
  if (c < queueEnd) return { queueEnd, runEnd, stoppedAt: c };
  // A running app decides how to stop (fal-api.md § Cancel); `[cancel-billed]` models one that finishes anyway.
  if (c < runEnd && !req.scenario.cancelBilled)
    return { queueEnd, runEnd, stoppedAt: Math.min(runEnd, c + req.stopMs) };
  return { queueEnd, runEnd, stoppedAt: null };
}

/** The phase of a request at `nowMs` (same clock as `submittedAt`); computed, never stored, so no timers. */
export function phaseAt(req: SandboxRequest, nowMs: number): Phase {
  const t = nowMs - req.submittedAt;
  const { queueEnd, runEnd, stoppedAt } = marks(req);
  if (stoppedAt !== null && t >= stoppedAt)
    return { status: 'COMPLETED', outcome: 'cancelled', atMs: stoppedAt };
  if (t < queueEnd) {
    // queue_position falls from its start value to 0 as the request nears the front.
    return { status: 'IN_QUEUE', position: Math.floor(req.startPosition * (1 - t / queueEnd)) };
  }
  if (t < runEnd) return { status: 'IN_PROGRESS', progress: (t - queueEnd) / (runEnd - queueEnd) };
  const outcome = req.scenario.failAt === 'worker' ? 'failed' : 'success';
  return { status: 'COMPLETED', outcome, atMs: runEnd };
}

/** The log lines written up to `nowMs`, oldest first. */
export function logsAt(req: SandboxRequest, nowMs: number): SandboxLog[] {
  const t = nowMs - req.submittedAt;
  const { queueEnd, runEnd, stoppedAt } = marks(req);
  const end = stoppedAt ?? runEnd;
  const entries: Array<[number, SandboxLog['level'], string]> = [
    [queueEnd, 'INFO', 'Runner assigned; loading model weights'],
  ];
  for (const pct of [25, 50, 75]) {
    const at = queueEnd + ((runEnd - queueEnd) * pct) / 100;
    if (at < end) entries.push([at, 'INFO', `Generating: ${pct}%`]);
  }
  if (stoppedAt !== null) {
    entries.push([
      req.cancelledAt === null ? end : req.cancelledAt - req.submittedAt,
      'WARN',
      'Cancellation requested',
    ]);
    entries.push([end, 'WARN', 'Stopped before completion']);
  } else if (req.scenario.failAt === 'worker')
    entries.push([end, 'ERROR', `Run failed: ${req.scenario.failure}`]);
  else entries.push([end, 'INFO', 'Generation finished; uploading output']);
  return entries
    .filter(([at]) => at <= t)
    .sort((a, b) => a[0] - b[0])
    .map(([at, level, message]) => ({
      message,
      level,
      source: 'USER',
      timestamp: new Date(req.submittedWall + at).toISOString(),
    }));
}
