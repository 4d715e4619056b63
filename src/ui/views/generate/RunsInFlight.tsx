import { Button, Group, Text } from '@mantine/core';
import { sameInFlight, selectInFlight } from '../../../machines/generation/active-generations.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { selectVisibleRows } from '../active/active-selectors.ts';
import { inFlightText } from '../active/active-row-view.ts';

/**
 * Under the form: how many runs are in flight and what they are estimated to cost, and, while the
 * form's own run still holds it, "Start another run": that run goes on in Active generations and the
 * form takes a copy of its fields to change and send (the machine decides; the button asks).
 */
export function RunsInFlight() {
  const active = usePanelActor('activeGenerations');
  const inFlight = usePanelSelector(
    'activeGenerations',
    (s) => selectInFlight(s, selectVisibleRows(s)),
    sameInFlight,
  );
  const canStartAnother = usePanelSelector('activeGenerations', (s) => s.can({ type: 'FORM_BACKGROUND' }));
  const money = useMoney();
  if (inFlight.count === 0 && !canStartAnother) return null;
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      {inFlight.count > 0 && (
        <Text size="xs" c="dimmed" role="status" aria-label="Runs in flight">
          {inFlightText(inFlight, money.format, 'runs')}
        </Text>
      )}
      {canStartAnother && (
        <Button size="compact-xs" variant="light" onClick={() => active.send({ type: 'FORM_BACKGROUND' })}>
          Start another run
        </Button>
      )}
    </Group>
  );
}
