import { Stack, Text } from '@mantine/core';
import { DualForm } from './DualForm.tsx';
import { useFormEntry } from './form-entry.ts';
import { RunsInFlight } from './RunsInFlight.tsx';
import { SingleForm } from './SingleForm.tsx';

/**
 * The Generate tab: the form over the newest draft in the Active generations actor (one model, or a
 * Dual Mode pair), which the machine keeps; the models on offer come from GenerateFormContext, earlier
 * tag names from the persistence actor; under it the runs in flight. Works from 320 px wide.
 */
export function GenerateView() {
  const entry = useFormEntry();
  return (
    <Stack gap="sm" miw={0} maw="100%" component="section" aria-label="Generate">
      {entry === null && (
        <Text size="xs" c="dimmed">
          Preparing the form…
        </Text>
      )}
      {entry?.kind === 'single' && <SingleForm key={entry.id} generation={entry.ref} />}
      {entry?.kind === 'dual' && <DualForm key={entry.id} pair={entry.ref} />}
      <RunsInFlight />
    </Stack>
  );
}
