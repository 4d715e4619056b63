import { ActionIcon, Badge, Group, Text } from '@mantine/core';
import { useSelector } from '@xstate/react';
import type { ActiveRow } from '../../../machines/generation/active-generations.notices.ts';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import { selectPhase } from '../../../machines/generation/generation.selectors.ts';
import { ElapsedTimer } from '../../components/ElapsedTimer/ElapsedTimer.tsx';
import { StatusDot } from '../../components/StatusDot/StatusDot.tsx';
import { selectFinishedAt, selectProgress } from './active-selectors.ts';
import { Chevron } from './Chevron.tsx';
import { ACTIVE_PHASES, dotStatus } from './active-row-view.ts';

/** Props of {@link RowHeader}. */
export interface RowHeaderProps {
  /** The row (model name, Dual slot). */
  row: ActiveRow;
  /** The generation behind it. */
  generation: GenerationActorRef;
  /** The current step label, also the dot's accessible name. */
  label: string;
  /** Whether the details are expanded. */
  open: boolean;
  /** Expands or collapses the details. */
  onToggle: () => void;
  /** Id of the details region (aria-controls). */
  detailsId: string;
}

/** The header: dot, model, Dual slot, elapsed timer (ticking while it runs) and the expand button. */
export function RowHeader(props: RowHeaderProps) {
  const { row, generation, label, open, onToggle, detailsId } = props;
  const phase = useSelector(generation, selectPhase);
  const sentAt = useSelector(generation, selectProgress).startedAt.sent;
  const finishedAt = useSelector(generation, selectFinishedAt);
  const running = ACTIVE_PHASES.includes(phase);
  return (
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
          onClick={onToggle}
        >
          <Chevron open={open} />
        </ActionIcon>
      </Group>
    </Group>
  );
}
