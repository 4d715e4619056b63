import { Button, Group, Text } from '@mantine/core';
import {
  selectCanRetryQuery,
  selectIsStale,
  selectQueryProblem,
} from '../../../machines/billing/billing-query.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';
import { useShownAfter } from '../../hooks/use-shown-after.ts';

/** How long an answer may take before "Updating…" is said (the list says aria-busy at once). */
export const UPDATING_AFTER_MS = 200;

/**
 * Says when the figures shown are not the backend's answer yet: the first screen kept from last time
 * ("Updating…"), the backend away (its reason, retried by itself) or refusing (its reason and Retry).
 * "Updating…" waits UPDATING_AFTER_MS: most answers come sooner, and the line would only flash and
 * push the tab down under the pointer. A problem is said at once.
 */
export function BillingDataStatus() {
  const stale = usePanelSelector('billingQuery', selectIsStale);
  const problem = usePanelSelector('billingQuery', selectQueryProblem);
  const canRetry = usePanelSelector('billingQuery', selectCanRetryQuery);
  const query = usePanelActor('billingQuery');
  const slow = useShownAfter(stale, UPDATING_AFTER_MS);
  if (!stale || (!problem && !slow)) return null;
  return (
    <Group role="status" gap="xs" wrap="nowrap" justify="space-between">
      <Text size="xs" c={problem ? 'orange.5' : 'dimmed'}>
        {problem ? `Cost history not updated: ${problem}` : 'Updating…'}
      </Text>
      {canRetry && (
        <Button size="compact-xs" variant="light" onClick={() => query.send({ type: 'RETRY' })}>
          Retry
        </Button>
      )}
    </Group>
  );
}
