import { Stack, Text } from '@mantine/core';
import { useSelector } from '@xstate/react';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import {
  selectModel,
  selectParams,
  selectPhase,
  selectPrompt,
} from '../../../machines/generation/generation.selectors.ts';
import { StepTracker } from '../../components/StepTracker/StepTracker.tsx';
import { selectEndpointId, selectProgress } from './active-selectors.ts';
import { cutPrompt, trackerProps } from './active-row-view.ts';
import { paramLabel, paramValueText } from '../generate/param-labels.ts';

/** Props of {@link RowDetails}. */
export interface RowDetailsProps {
  /** The generation whose details are shown. */
  generation: GenerationActorRef;
  /** Id of the region (the expand button's aria-controls). */
  id: string;
}

// The inputs that say most about what a run makes; labels and units come from the run's catalog model.
const SHOWN: readonly string[] = ['duration', 'resolution', 'aspect_ratio'];

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
 * the prompt cut at 80 characters, duration (with its unit), resolution, aspect ratio and endpoint id.
 */
export function RowDetails({ generation, id }: RowDetailsProps) {
  const phase = useSelector(generation, selectPhase);
  const progress = useSelector(generation, selectProgress);
  const prompt = useSelector(generation, selectPrompt);
  const params = useSelector(generation, selectParams);
  const endpointId = useSelector(generation, selectEndpointId);
  const model = useSelector(generation, selectModel);
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
      {SHOWN.filter((name) => params[name] !== undefined && params[name] !== null).map((name) => {
        const param = model.params.find((p) => p.name === name);
        return (
          <Fact key={name} term={paramLabel(param ?? name)} value={paramValueText(param, params[name])} />
        );
      })}
      <Fact term="Endpoint" value={endpointId} />
    </Stack>
  );
}
