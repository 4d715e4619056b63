import { Box, Divider, Paper, Stack } from '@mantine/core';
import { useId, useLocalStorage } from '@mantine/hooks';
import type { ActiveRow } from '../../../machines/generation/active-generations.notices.ts';
import {
  refOfRow,
  sameInFlight,
  selectInFlight,
} from '../../../machines/generation/active-generations.selectors.ts';
import type { DualGenerationActorRef } from '../../../machines/generation/dual-generation.machine.ts';
import { ConfirmStep } from '../generate/ConfirmStep.tsx';
import classes from './ActiveGenerations.module.css';
import { ActiveGenerationRow } from './ActiveGenerationRow.tsx';
import { ActiveHeader } from './ActiveHeader.tsx';
import { ActiveNotices } from './ActiveNotices.tsx';
import { sameRows, selectHasNoRows, selectRetryConfirming, selectVisibleRows } from './active-selectors.ts';
import { inFlightText, statusSummary } from './active-row-view.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { usePanelSelector } from '../../actors/panel-context.ts';

/** A row with the actors behind it, read from the Active generations actor. */
function RowItem({ row }: { row: ActiveRow }) {
  const generation = usePanelSelector('activeGenerations', (s) => refOfRow(s, row));
  const pair = usePanelSelector('activeGenerations', (s) => {
    const entry = s.context.entries.find((e) => e.id === row.entryId);
    return entry?.kind === 'dual' ? (entry.ref as DualGenerationActorRef) : null;
  });
  if (generation === null) return null;
  return <ActiveGenerationRow row={row} generation={generation} pair={pair} />;
}

/** The dialog of a retried run that asks for confirmation again (a new request over the threshold). */
function RetryConfirm() {
  const generation = usePanelSelector('activeGenerations', selectRetryConfirming);
  return generation === null ? null : <ConfirmStep generation={generation} />;
}

/** Where the panel remembers whether the dock was collapsed (a view preference, not ledger data). */
export const DOCK_EXPANDED_KEY = 'modelbridge:active-dock-expanded';

/**
 * Active generations, pinned at the bottom by the shell and hidden when empty: one row per sent
 * generation (a pair gives two), completion notices, and the confirmation of a retried run. The
 * header (count and status summary) always shows; its button hides the rows and notices, which
 * otherwise scroll inside the height the shell allows. Collapsed it is one line (count, status, cost
 * in flight), and it stays collapsed after a reload.
 */
export function ActiveGenerations() {
  const empty = usePanelSelector('activeGenerations', selectHasNoRows);
  const rows = usePanelSelector('activeGenerations', selectVisibleRows, sameRows);
  const inFlight = usePanelSelector('activeGenerations', (s) => selectInFlight(s, rows), sameInFlight);
  const money = useMoney();
  const [expanded, setExpanded] = useLocalStorage({
    key: DOCK_EXPANDED_KEY,
    defaultValue: true,
    getInitialValueInEffect: false,
  });
  const bodyId = useId();
  if (empty) return <RetryConfirm />;
  const summary = statusSummary(rows.map((row) => row.phase));
  return (
    <Paper
      component="section"
      aria-label="Active generations"
      withBorder
      p="xs"
      miw={0}
      className={classes.root}
      data-collapsed={expanded ? undefined : true}
    >
      <ActiveHeader
        count={rows.length}
        summary={summary}
        inFlight={inFlightText(inFlight, money.format)}
        expanded={expanded}
        onToggle={() => setExpanded((open) => !open)}
        bodyId={bodyId}
      />
      <Stack gap={6} id={bodyId} hidden={!expanded} className={classes.body} mt={6}>
        <ActiveNotices />
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Generations">
          {rows.map((row, i) => (
            <Box key={row.genId}>
              {i > 0 && <Divider />}
              <RowItem row={row} />
            </Box>
          ))}
        </Box>
      </Stack>
      <RetryConfirm />
    </Paper>
  );
}
