// @vitest-environment jsdom
import '../setup/dom.ts';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { SimulatedClock } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { catalog } from '../../src/domain/index.ts';
import type { GenerationFetchOutput } from '../../src/machines/generation/generation-fetch.machine.ts';
import { generationMachine } from '../../src/machines/generation/generation.machine.ts';
import type { GenerationRunOutput } from '../../src/machines/generation/generation-run.machine.ts';
import {
  type FakeFal,
  falFailure,
  falImageResult,
  falStatus,
} from '../../stories/fixtures/generate-fakes.ts';
import { emptyScenario, type Scenario } from '../../stories/fixtures/generate-scenarios.ts';
import {
  type AnyEvent,
  DOLLAR,
  eventsFor,
  FOREGROUND,
  FOREGROUND_MS,
  INPUT,
  key,
  POLL_CAP_MS,
  type Snap,
  UI_PROMPT,
} from '../dom/generate/generation-ui-model.ts';
import { costText, renderPanel, rowOf, typePrompt } from '../dom/generate/render-generate.tsx';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { type FakeClock, fakeClock } from '../fixtures/machines/ports.ts';

/**
 * The generation machine's test model drives the real Generate view and Active generations panel.
 * Every shortest path renders a fresh panel over fakes whose every fal call is held (deferred); each
 * model event is performed as its real cause (a click, a typed duration, fal answering a held call,
 * the foreground window passing) and, in every state, the test checks what the user sees.
 */

// The graph adds a bare `{ type }` for every event the state accepts; only the ones the UI can cause stay.
const model = createTestModel(asTestModel(generationMachine), {
  events: eventsFor as never,
  filterEvents: ((s: Snap, event: AnyEvent) =>
    eventsFor(s).some((e) => JSON.stringify(e) === JSON.stringify(event))) as never,
  serializeState: key as never,
});

/** The panel under test: its fakes, the clocks, and which held fal call was answered last. */
interface Sut {
  scenario: Scenario;
  user: UserEvent;
  timers: SimulatedClock;
  wall: FakeClock;
  answered: Record<keyof FakeFal['held'], number>;
}

function start(): Sut {
  const wall = fakeClock('2025-11-03T09:00:00.000Z');
  const scenario = emptyScenario({
    models: [DOLLAR, ...catalog],
    defaultModel: DOLLAR,
    settings: { pollCapMs: POLL_CAP_MS },
    pollIntervalMs: 1,
    clock: wall,
  });
  const timers = new SimulatedClock();
  renderPanel(scenario, undefined, undefined, { clock: timers });
  const answered = { submit: -1, status: -1, result: -1, cancel: -1 };
  return { scenario, user: userEvent.setup(), timers, wall, answered };
}

/** The newest held call of `method` not answered yet (waits for the machine to make it). */
async function held<M extends keyof FakeFal['held']>(
  sut: Sut,
  method: M,
): Promise<FakeFal['held'][M][number]> {
  const calls = sut.scenario.fakes.fal.held[method];
  await waitFor(() => expect(calls.length - 1).toBeGreaterThan(sut.answered[method]));
  sut.answered[method] = calls.length - 1;
  return calls[calls.length - 1] as FakeFal['held'][M][number];
}

const generateButton = () => screen.getByRole('button', { name: 'Generate' });
const row = () => rowOf(DOLLAR.display_name);
const dialog = () => screen.queryByRole('dialog', { name: 'Confirm generation cost' });

async function performRun(sut: Sut, event: AnyEvent): Promise<void> {
  const output = event.output as GenerationRunOutput;
  if (output.outcome === 'completed') return (await held(sut, 'status')).resolve(falStatus('COMPLETED'));
  if (output.outcome === 'cancelled') return (await held(sut, 'cancel')).resolve('OK');
  if (output.outcome === 'stillRunning') {
    sut.wall.advance(POLL_CAP_MS + 1_000);
    return (await held(sut, 'status')).resolve(falStatus('IN_PROGRESS'));
  }
  if (output.requestId === null) {
    return (await held(sut, 'submit')).reject(
      falFailure('BALANCE_EMPTY', 'no', 'Your fal.ai balance is empty.'),
    );
  }
  (await held(sut, 'status')).reject(falFailure('VALIDATION', 'no', 'fal.ai refused the inputs.'));
}

async function performSnapshot(sut: Sut, event: AnyEvent): Promise<void> {
  const { value } = event.snapshot as { value: unknown };
  if (value === 'cancelling') return sut.user.click(within(row()).getByRole('button', { name: 'Cancel' }));
  if (JSON.stringify(value) === '{"polling":"queued"}') {
    const call = await held(sut, 'submit');
    return call.resolve({ requestId: call.requestId ?? 'req', queuePosition: 3 });
  }
  (await held(sut, 'status')).resolve(falStatus('IN_PROGRESS'));
}

/** Performs a model event as its real cause. */
async function perform(sut: Sut, event: AnyEvent): Promise<void> {
  switch (event.type) {
    case 'SET_PARAMS': {
      const input = screen.getByRole('textbox', { name: 'Duration' });
      await sut.user.clear(input);
      return sut.user.type(input, String((event.params as { duration: number }).duration));
    }
    case 'GENERATE':
      return sut.user.click(generateButton());
    case 'CONTINUE':
    case 'CANCEL': {
      const open = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
      const name = event.type === 'CONTINUE' ? 'Continue' : 'Cancel';
      return sut.user.click(within(open).getByRole('button', { name }));
    }
    case 'RETRY':
      return sut.user.click(within(row()).getByRole('button', { name: 'Retry' }));
    case FOREGROUND.type:
      return act(() => sut.timers.increment(FOREGROUND_MS));
    case 'xstate.snapshot.run':
      return act(() => performSnapshot(sut, event));
    case 'xstate.done.actor.run':
      return act(() => performRun(sut, event));
    case 'xstate.done.actor.fetch': {
      const call = await held(sut, 'result');
      return act(() =>
        event.output && (event.output as GenerationFetchOutput).outcome === 'done'
          ? call.resolve(falImageResult(1))
          : call.reject(falFailure('SERVER', 'maybe', 'fal.ai storage answered with an error.')),
      );
    }
  }
}

const stepText = () => row().querySelector('[data-step-label]')?.textContent ?? '';

function activeLabel(s: Snap): string {
  const c = s.context;
  if (s.matches({ active: 'fetching' })) return 'Downloading';
  if (c.cancelling) return 'Cancelling…';
  if (c.requestId === null) return 'Sending…';
  return c.progress.step === 'queued' ? 'Queued #3' : 'Generating';
}

const FINISHED_LABEL: Record<string, string> = {
  done: 'Imported',
  failed: 'Failed',
  cancelled: 'Cancelled',
  stillRunning: 'Still running on fal',
};

/** What the user sees in the model's state `s`. */
function assertSees(s: Snap): void {
  const c = s.context;
  const price = c.estimate.usdMicros === 5_000_000 ? 'Estimated $5.00' : 'Estimated $5.01';
  if (s.matches('confirming')) {
    expect(dialog()?.textContent).toContain(price);
    return;
  }
  expect(dialog()).toBeNull();
  if (s.matches('editing') && c.attempt === 1) {
    expect(costText()).toContain(price);
    expect(generateButton().hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('list', { name: 'Generations' })).toBeNull();
    return;
  }
  if (s.matches('editing')) {
    expect(stepText()).toBe('Not sent');
    expect(within(row()).getByRole('button', { name: 'Dismiss' })).toBeTruthy();
    return;
  }
  // While its first run holds the form the button waits. Once it went to the background or ended, the
  // form moved on to a new draft for good: a retried run no longer holds it.
  const holdsForm = s.matches('active') && !c.background && c.attempt === 1 && c.retry === null;
  expect(generateButton().hasAttribute('disabled')).toBe(holdsForm);
  if (s.matches('active')) {
    expect(stepText()).toBe(activeLabel(s));
    if (c.background) expect(within(row()).getByRole('note').textContent).toContain('Moved to background');
    return;
  }
  expect(stepText()).toBe(FINISHED_LABEL[String(s.value)]);
  if (s.matches('failed')) {
    expect(within(row()).getByRole('button', { name: 'Retry' })).toBeTruthy();
    const warning = c.retry === 'reuse' ? 'it costs nothing' : 'A new request may be charged again.';
    expect(row().textContent).toContain(warning);
  }
}

const EVENT_TYPES = [
  'SET_PARAMS',
  'GENERATE',
  'CONTINUE',
  'CANCEL',
  'RETRY',
  FOREGROUND.type,
  'xstate.snapshot.run',
  'xstate.done.actor.run',
  'xstate.done.actor.fetch',
];

afterEach(() => cleanup());

describe('generation machine drives the Generate and Active generations views (model)', () => {
  const paths = model.getShortestPaths({ input: INPUT });

  test('every state node is reached by some path', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(asTestModel(generationMachine)));
  });

  const short = (type: string) => type.replace('xstate.', '').replace('.actor', '');
  const named = paths.map((path, i) => {
    const value = JSON.stringify(path.state.value);
    const steps = path.steps.map((step) => short(step.event.type)).join(' → ');
    return [`${i + 1}. ${value}: ${steps}`, path] as const;
  });

  test.each(named)(
    '%s',
    async (_, path) => {
      const sut = start();
      await screen.findByRole('combobox', { name: 'Model' });
      await typePrompt(sut.user, UI_PROMPT);
      await path.test({
        events: Object.fromEntries(
          EVENT_TYPES.map((type) => [type, ({ event }: { event: AnyEvent }) => perform(sut, event)]),
        ) as never,
        states: { '*': (expected: Snap) => waitFor(() => assertSees(expected), { timeout: 3_000 }) },
      });
    },
    60_000,
  );
});
