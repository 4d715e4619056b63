// @vitest-environment jsdom
import '../setup/dom.ts';
import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import type { SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import {
  type ResetEvent,
  type ResetLedgerOutput,
  type ResetTypeEvent,
  resetMachine,
} from '../../src/machines/reset/reset.machine.ts';
import { selectCanConfirmReset } from '../../src/machines/reset/reset.selectors.ts';
import { ResetCostHistory } from '../../src/ui/views/billing/ResetCostHistory.tsx';
import { resetLogic, STORY_RESET_OUTPUT } from '../../stories/fixtures/billing-fakes.ts';
import { STORY_RESET_FAILURE } from '../../stories/fixtures/billing-states.ts';
import { renderBilling } from '../dom/billing/render-billing.tsx';
import { asTestModel } from '../fixtures/machines/model.ts';

/**
 * The reset machine's test model drives the real ResetCostHistory (button + typed-DELETE modal): each
 * path renders it fresh over a fake `resetLedger` the test settles by hand, performs every event as the
 * user would, and checks the modal against the machine's state (RETRY is the failed modal's Try again).
 */

type ResetSnapshot = SnapshotFrom<typeof resetMachine>;

// createTestModel refuses invokes: asTestModel turns `resetLedger` into a spawned child whose done /
// error events are plain transitions (same states, guards and actions).
const testMachine = asTestModel(resetMachine);
const DONE = 'xstate.done.actor.resetLedger';
const ERROR = 'xstate.error.actor.resetLedger';

// The invoked reset's outcomes, as the machine receives them; the executors settle the fake instead.
const MODEL_EVENTS = [
  { type: 'OPEN' },
  { type: 'TYPE', text: '' },
  { type: 'TYPE', text: 'DEL' },
  { type: 'TYPE', text: 'DELETE' },
  { type: 'CONFIRM' },
  { type: 'CLOSE' },
  { type: 'RETRY' },
  { type: DONE, output: STORY_RESET_OUTPUT },
  { type: ERROR, error: new Error(STORY_RESET_FAILURE) },
] as unknown as ResetEvent[];

/** Only what a user can do in the modal: no typing while busy or after, no Cancel while resetting. */
function canPerform(snapshot: ResetSnapshot, event: ResetEvent): boolean {
  const step = snapshot.value;
  switch (event.type) {
    case 'OPEN':
      return step === 'idle';
    case 'TYPE':
      return (step === 'typing' || step === 'armed') && event.text !== snapshot.context.text;
    case 'CONFIRM':
      return step === 'armed';
    case 'CLOSE':
      return step !== 'idle' && step !== 'resetting';
    case 'RETRY':
      return step === 'failed';
    default:
      return step === 'resetting';
  }
}

const model = createTestModel(testMachine, {
  events: MODEL_EVENTS,
  filterEvents: canPerform,
});

interface Held {
  settle: { resolve: (o: ResetLedgerOutput) => void; reject: (e: unknown) => void } | null;
}

const deleteButton = () =>
  screen.queryByRole('button', { name: 'Delete cost history' }) as HTMLButtonElement | null;

async function assertModal(snapshot: ResetSnapshot): Promise<void> {
  const step = snapshot.value;
  if (step === 'idle') {
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    return;
  }
  await waitFor(() => expect(screen.getByRole('dialog', { name: 'Reset cost history' })).toBeTruthy());
  if (step === 'typing' || step === 'armed') {
    const box = screen.getByRole('textbox', { name: 'Type DELETE to confirm' }) as HTMLInputElement;
    expect(box.value).toBe(snapshot.context.text);
    expect(deleteButton()?.disabled).toBe(!selectCanConfirmReset(snapshot));
  }
  if (step === 'resetting') {
    expect(screen.getByRole('status').textContent).toBe('Backing up and deleting…');
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
  }
  if (step === 'done') {
    await waitFor(() => expect(screen.getByText(snapshot.context.backupPath ?? '')).toBeTruthy());
    expect(deleteButton()).toBeNull();
  }
  if (step === 'failed') {
    await waitFor(() => expect(screen.getByText(snapshot.context.reason ?? '')).toBeTruthy());
    expect(screen.getByText('Nothing was deleted')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  }
}

/** The path being run: its user-event session and the held fake reset. */
const session: { user: UserEvent; held: Held } = { user: userEvent.setup(), held: { settle: null } };
type Step = { event: { type: string } };

/** Each reset event performed as a user action; the actor's outcome settles the held fake. */
const EXECUTORS = {
  OPEN: async () => session.user.click(screen.getByRole('button', { name: 'Reset cost history' })),
  TYPE: async ({ event }: Step) => {
    const box = screen.getByRole('textbox', { name: 'Type DELETE to confirm' });
    await session.user.clear(box);
    const { text } = event as ResetTypeEvent;
    if (text !== '') await session.user.type(box, text);
  },
  CONFIRM: async () => session.user.click(deleteButton()!),
  CLOSE: async () => session.user.click(screen.getByRole('button', { name: /^(Cancel|Close)$/ })),
  RETRY: async () => session.user.click(screen.getByRole('button', { name: 'Try again' })),
  [DONE]: async () => session.held.settle?.resolve(STORY_RESET_OUTPUT),
  [ERROR]: async () => session.held.settle?.reject(new Error(STORY_RESET_FAILURE)),
};

const paths = model.getShortestPaths();

describe('ResetCostHistory driven by the reset test model', () => {
  test('the paths reach every state of the reset machine and take every user transition', () => {
    const reached = new Set(paths.flatMap((p) => p.steps.map((s) => s.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(resetMachine.root.states).sort());
    const closedFrom = paths.flatMap((p) =>
      p.steps.flatMap((s, i) => (s.event.type === 'CLOSE' ? [p.steps[i - 1]?.state.value] : [])),
    );
    expect(new Set(closedFrom)).toEqual(new Set(['typing', 'armed', 'done', 'failed']));
    expect(paths.some((p) => p.steps.some((s) => s.event.type === 'RETRY'))).toBe(true);
  });

  for (const path of paths) {
    test(path.description, async () => {
      const held: Held = { settle: null };
      session.held = held;
      session.user = userEvent.setup({ delay: null });
      const logic = resetLogic({
        run: () => new Promise((resolve, reject) => (held.settle = { resolve, reject })),
      });
      await renderBilling({ reset: { logic } }, <ResetCostHistory />);
      await assertModal(resetMachine.getInitialSnapshot(undefined as never));
      await path.test({ events: EXECUTORS, states: { '*': assertModal } });
    });
  }
});
