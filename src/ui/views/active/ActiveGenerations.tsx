import { Box, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { ActiveRow } from '../../../machines/active-generations.notices.ts';
import { refOfRow } from '../../../machines/active-generations.selectors.ts';
import type { DualGenerationActorRef } from '../../../machines/dual-generation.machine.ts';
import { ActiveGenerationsActorContext } from '../../actors/active-generations-context.ts';
import { ConfirmStep } from '../generate/ConfirmStep.tsx';
import { ActiveGenerationRow } from './ActiveGenerationRow.tsx';
import { ActiveNotices } from './ActiveNotices.tsx';
import { sameRows, selectHasNoRows, selectRetryConfirming, selectVisibleRows } from './active-selectors.ts';

/** A row with the actors behind it, read from the Active generations actor. */
function RowItem({ row }: { row: ActiveRow }) {
  const generation = ActiveGenerationsActorContext.useSelector((s) => refOfRow(s, row));
  const pair = ActiveGenerationsActorContext.useSelector((s) => {
    const entry = s.context.entries.find((e) => e.id === row.entryId);
    return entry?.kind === 'dual' ? (entry.ref as DualGenerationActorRef) : null;
  });
  if (generation === null) return null;
  return <ActiveGenerationRow row={row} generation={generation} pair={pair} />;
}

/** The dialog of a retried run that asks for confirmation again (a new request over the threshold). */
function RetryConfirm() {
  const generation = ActiveGenerationsActorContext.useSelector(selectRetryConfirming);
  return generation === null ? null : <ConfirmStep generation={generation} />;
}

/**
 * Active generations, pinned at the bottom by the shell and hidden when empty: one row per sent
 * generation (a pair gives two), completion notices, and the confirmation of a retried run.
 */
export function ActiveGenerations() {
  const empty = ActiveGenerationsActorContext.useSelector(selectHasNoRows);
  const rows = ActiveGenerationsActorContext.useSelector(selectVisibleRows, sameRows);
  if (empty) return <RetryConfirm />;
  return (
    <Paper component="section" aria-label="Active generations" withBorder p="xs" miw={0}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="xs" fw={700}>
            Active generations
          </Text>
          <Text size="xs" c="dimmed">
            {rows.length}
          </Text>
        </Group>
        <ActiveNotices />
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Generations">
          {rows.map((row, i) => (
            <Box key={row.genId}>
              {i > 0 && <Divider />}
              <RowItem row={row} />
            </Box>
          ))}
        </Box>
        <RetryConfirm />
      </Stack>
    </Paper>
  );
}
