import { Box, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import { useSelector } from '@xstate/react';
import type { ActiveRow } from '../../../machines/generation/active-generations.notices.ts';
import type { DualGenerationActorRef } from '../../../machines/generation/dual-generation.machine.ts';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import {
  type GenerationPhase,
  selectIsBackground,
  selectPhase,
} from '../../../machines/generation/generation.selectors.ts';
import { selectImported, selectProgress } from './active-selectors.ts';
import { RowActions } from './RowActions.tsx';
import { RowDetails } from './RowDetails.tsx';
import { RowHeader } from './RowHeader.tsx';
import { RowFailure } from './RowFailure.tsx';
import { useRowCommands } from './row-commands.ts';
import { ACTIVE_PHASES, stepLabel } from './active-row-view.ts';

/** Props of {@link ActiveGenerationRow}. */
export interface ActiveGenerationRowProps {
  /** The row as the Active generations machine lists it. */
  row: ActiveRow;
  /** The generation behind the row (a pair's slot for Dual Mode). */
  generation: GenerationActorRef;
  /** The Dual Mode pair the slot belongs to, or null for a single generation. */
  pair: DualGenerationActorRef | null;
}

/** Queued grey (waiting), later steps orange (active), done green, failed red (modelbridge-docs.md §5). */
function labelColor(phase: GenerationPhase | null): string {
  if (phase === 'done') return 'green';
  if (phase === 'failed') return 'red';
  if (phase === null || phase === 'queued' || phase === 'sending' || phase === 'cancelled') return 'dimmed';
  return 'orange';
}

/** A note under the header for runs in the background, cancelled ones, and ones past the polling cap. */
function PhaseNote({ phase, background }: { phase: GenerationPhase | null; background: boolean }) {
  const note =
    phase === 'cancelled'
      ? 'Cancelled. fal.ai may still bill it: modelBridge checks the actual cost.'
      : phase === 'stillRunning'
        ? 'Still running on fal.ai after 30 minutes: modelBridge keeps checking its cost.'
        : background && ACTIVE_PHASES.includes(phase)
          ? 'Moved to background: the Generate form is free again.'
          : null;
  return note === null ? null : (
    <Text size="xs" c={phase === 'cancelled' ? 'yellow' : 'blue'} role="note">
      {note}
    </Text>
  );
}

/**
 * One row of Active generations: status dot, model, elapsed timer, current step ("Queued #3",
 * "Generating", …, "Imported"), an expand button for the tracker and inputs, and Cancel / Retry / Dismiss.
 */
export function ActiveGenerationRow({ row, generation, pair }: ActiveGenerationRowProps) {
  const [open, { toggle }] = useDisclosure(false);
  const detailsId = useId();
  const phase = useSelector(generation, selectPhase);
  const progress = useSelector(generation, selectProgress);
  const imported = useSelector(generation, selectImported);
  const background = useSelector(generation, selectIsBackground);
  const commands = useRowCommands(row, generation, pair);
  const label = stepLabel(phase, progress, imported);
  const header = { row, generation, label, open, onToggle: toggle, detailsId };
  return (
    <Box component="li" aria-label={`${row.modelName}: ${label}`} data-phase={phase} py={6}>
      <Stack gap={4}>
        <RowHeader {...header} />
        <Text size="xs" c={labelColor(phase)} data-step-label>
          {label}
        </Text>
        <PhaseNote phase={phase} background={background} />
        {phase === 'failed' && (
          <RowFailure generation={generation} onDismiss={commands.canDismiss ? commands.dismiss : null} />
        )}
        <Collapse expanded={open} keepMountedMode="display-none">
          <RowDetails generation={generation} id={detailsId} />
        </Collapse>
        <RowActions generation={generation} commands={commands} withDismiss={phase !== 'failed'} />
      </Stack>
    </Box>
  );
}
