import { type SandboxModel, sandboxModel } from './models.ts';
import { between, hashString, type Random, seededRandom } from './random.ts';
import { readScenario, type Scenario } from './scenarios.ts';
import { type RunShape, runShape } from './units.ts';

/** A request the sandbox accepted; its phase is derived from the clock (see timeline.ts). */
export interface SandboxRequest {
  id: string;
  endpointId: string;
  /** `owner/app` (with a `workflows/`/`comfy/` prefix when present): status, result and cancel use it. */
  appPath: string;
  input: Record<string, unknown>;
  scenario: Scenario;
  model: SandboxModel;
  shape: RunShape;
  /** Monotonic ms (the store's clock) and wall-clock ms of the submit. */
  submittedAt: number;
  submittedWall: number;
  queueMs: number;
  runMs: number;
  /** How long a running app takes to stop after a cancel (ms). */
  stopMs: number;
  startPosition: number;
  cancelledAt: number | null;
  /** Successful result reads so far (for `[units-late]`). */
  resultReads: number;
}

/** Realistic timings in seconds at speed 1: [queue min, queue max, run min, run max]. */
const TIMINGS: Record<SandboxModel['kind'], readonly [number, number, number, number]> = {
  image: [0.8, 2.5, 3, 8],
  video: [2, 6, 40, 90],
  audio: [0.5, 1.5, 2, 6],
};

/** The most requests kept in memory; the oldest is dropped first. */
export const MAX_SANDBOX_REQUESTS = 500;
const NAMESPACES = new Set(['workflows', 'comfy']);

/** In-memory, bounded store of sandbox requests with seeded timings scaled by `speed`. */
export class SandboxStore {
  private readonly requests = new Map<string, SandboxRequest>();
  private counter = 0;

  constructor(
    private readonly speed: number,
    private readonly seed: number,
    readonly now: () => number = () => performance.now(),
  ) {}

  /** Accepts a submit for the full endpoint id and returns the new request. */
  create(endpointId: string, input: Record<string, unknown>): SandboxRequest {
    const random = seededRandom(hashString(`${this.seed}:${this.counter++}:${endpointId}`));
    const model = sandboxModel(endpointId);
    const scenario = readScenario(input);
    const request: SandboxRequest = {
      id: crypto.randomUUID(),
      endpointId,
      appPath: appPathOf(endpointId),
      input,
      scenario,
      model,
      shape: runShape(model, input),
      submittedAt: this.now(),
      submittedWall: Date.now(),
      ...this.timings(model, scenario, random),
      cancelledAt: null,
      resultReads: 0,
    };
    this.requests.set(request.id, request);
    for (const oldest of this.requests.keys()) {
      if (this.requests.size <= MAX_SANDBOX_REQUESTS) break;
      this.requests.delete(oldest);
    }
    return request;
  }

  /** The request with this id, when it was submitted to the same `owner/app`. */
  get(appPath: string, id: string): SandboxRequest | undefined {
    const request = this.requests.get(id);
    return request && request.appPath === appPath ? request : undefined;
  }

  /** All requests whose id is in the list (any app), for the fake billing-events API. */
  byIds(ids: readonly string[]): SandboxRequest[] {
    return ids.map((id) => this.requests.get(id)).filter((r): r is SandboxRequest => r !== undefined);
  }

  /** All requests, oldest first. */
  all(): SandboxRequest[] {
    return [...this.requests.values()];
  }

  private timings(model: SandboxModel, scenario: Scenario, random: Random) {
    const [qMin, qMax, rMin, rMax] = TIMINGS[model.kind];
    const toMs = (seconds: number) => (seconds * 1000) / this.speed;
    return {
      queueMs: toMs(between(random, qMin, qMax) * (scenario.slow ? 3 : 1)),
      runMs: toMs(between(random, rMin, rMax) * (scenario.slow ? 10 : 1)),
      stopMs: toMs(0.5),
      startPosition: 1 + Math.floor(random() * 4),
    };
  }
}

/** `owner/app` of an endpoint id, keeping a `workflows/` or `comfy/` namespace (as @fal-ai/client does). */
export function appPathOf(endpointId: string): string {
  const parts = endpointId.split('/');
  const take = NAMESPACES.has(parts[0] ?? '') ? 3 : 2;
  return parts.slice(0, take).join('/');
}
