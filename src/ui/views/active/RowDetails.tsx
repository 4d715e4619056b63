import { Stack, Text } from '@mantine/core';
import { useSelector } from '@xstate/react';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import {
  selectParams,
  selectPhase,
  selectPrompt,
} from '../../../machines/generation/generation.selectors.ts';
import { StepTracker } from '../../components/StepTracker/StepTracker.tsx';
import { selectEndpointId, selectProgress } from './active-selectors.ts';
import { cutPrompt, trackerProps } from './active-row-view.ts';

/** Props of {@link RowDetails}. */
export interface RowDetailsProps {
  /** The generation whose details are shown. */
  generation: GenerationActorRef;
  /** Id of the region (the expand button's aria-controls). */
  id: string;
}

const SHOWN: ReadonlyArray<[string, string]> = [
  ['duration', 'Duration'],
  ['resolution', 'Resolution'],
  ['aspect_ratio', 'Aspect ratio'],
];

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <Text size="xs" component="div">
      <Text component="span" size="xs" c="dimmed">
        {term}:{' '}
      </Text>
      <span style={{ overflowWrap: 'anywhere' }}>{value}</span>
    </Text>
  );
}

/**
 * The expanded row: the five-step tracker (done green, active orange, Queued grey with its position),
 * the prompt cut at 80 characters, and duration, resolution, aspect ratio and endpoint id.
 */
export function RowDetails({ generation, id }: RowDetailsProps) {
  const phase = useSelector(generation, selectPhase);
  const progress = useSelector(generation, selectProgress);
  const prompt = useSelector(generation, selectPrompt);
  const params = useSelector(generation, selectParams);
  const endpointId = useSelector(generation, selectEndpointId);
  return (
    <Stack gap={6} id={id} role="region" aria-label="Generation details" pt={6}>
      <StepTracker
        {...trackerProps(phase, progress)}
        queuePosition={progress.queuePosition}
        stepStartedAt={progress.startedAt}
      />
      {prompt !== '' && (
        <Text size="xs" fs="italic" title={prompt} style={{ overflowWrap: 'anywhere' }}>
          “{cutPrompt(prompt)}”
        </Text>
      )}
      {SHOWN.filter(([name]) => params[name] !== undefined && params[name] !== null).map(([name, term]) => (
        <Fact key={name} term={term} value={String(params[name])} />
      ))}
      <Fact term="Endpoint" value={endpointId} />
    </Stack>
  );
}
