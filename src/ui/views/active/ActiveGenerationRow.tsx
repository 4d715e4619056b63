import { ActionIcon, Badge, Box, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import { useSelector } from '@xstate/react';
import type { ActiveRow } from '../../../machines/active-generations.notices.ts';
import type { DualGenerationActorRef } from '../../../machines/dual-generation.machine.ts';
import type { GenerationActorRef } from '../../../machines/generation.machine.ts';
import { selectIsBackground, selectPhase } from '../../../machines/generation.selectors.ts';
import { ElapsedTimer, StatusDot } from '../../components/index.ts';
import { selectFinishedAt, selectImported, selectProgress } from './active-selectors.ts';
import { RowActions } from './RowActions.tsx';
import { RowDetails } from './RowDetails.tsx';
import { RowFailure } from './RowFailure.tsx';
import { useRowCommands } from './row-commands.ts';
import { dotStatus, stepLabel } from './row-view.ts';

/** Props of {@link ActiveGenerationRow}. */
export interface ActiveGenerationRowProps {
  /** The row as the Active generations machine lists it. */
  row: ActiveRow;
  /** The generation behind the row (a pair's slot for Dual Mode). */
  generation: GenerationActorRef;
  /** The Dual Mode pair the slot belongs to, or null for a single generation. */
  pair: DualGenerationActorRef | null;
}

const ACTIVE_PHASES = ['sending', 'queued', 'generating', 'downloading', 'importing', 'cancelling'];

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 12 12"
      aria-hidden="true"
      style={{ rotate: open ? '180deg' : '0deg' }}
    >
      <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** Queued grey (waiting), later steps orange (active), done green, failed red (modelbridge-docs.md §5). */
function labelColor(phase: string | null): string {
  if (phase === 'done') return 'green';
  if (phase === 'failed') return 'red';
  if (phase === null || phase === 'queued' || phase === 'sending' || phase === 'cancelled') return 'dimmed';
  return 'orange';
}

/** A note under the header for runs in the background, cancelled ones, and ones past the polling cap. */
function PhaseNote({ phase, background }: { phase: string | null; background: boolean }) {
  const note =
    phase === 'cancelled'
      ? 'Cancelled. fal.ai may still bill it: modelBridge checks the actual cost.'
      : phase === 'stillRunning'
        ? 'Still running on fal.ai after 30 minutes: modelBridge keeps checking its cost.'
        : background && phase !== null && ACTIVE_PHASES.includes(phase)
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
  const finishedAt = useSelector(generation, selectFinishedAt);
  const commands = useRowCommands(row, generation, pair);
  const label = stepLabel(phase, progress, imported);
  const sentAt = progress.startedAt.sent;
  const running = ACTIVE_PHASES.includes(phase);
  return (
    <Box component="li" aria-label={`${row.modelName}: ${label}`} data-phase={phase} py={6}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Group gap={6} wrap="nowrap" miw={0}>
            <StatusDot status={dotStatus(phase)} label={label} />
            <Text size="xs" fw={600} truncate>
              {row.modelName}
            </Text>
            {row.slot !== null && (
              <Badge size="xs" variant="outline" color="gray">
                {row.slot === 'primary' ? 'Dual 1' : 'Dual 2'}
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            {sentAt !== undefined && (
              <ElapsedTimer startedAt={sentAt} endedAt={running ? undefined : (finishedAt ?? undefined)} />
            )}
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label="Details"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={toggle}
            >
              <Chevron open={open} />
            </ActionIcon>
          </Group>
        </Group>
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
