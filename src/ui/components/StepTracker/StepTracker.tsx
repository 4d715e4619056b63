import { Box, CheckIcon, CloseIcon, Text, useProps, VisuallyHidden } from '@mantine/core';
import dayjs from 'dayjs';
import { GENERATION_STEPS, type GenerationStep, type StepState, stepStates } from './steps.ts';
import classes from './StepTracker.module.css';

/** Props of {@link StepTracker}. */
export interface StepTrackerProps {
  /** The step the generation is on; `done` when all five finished. */
  current: GenerationStep | 'done';
  /** fal's queue position (1 = next) shown as "Queued #N"; null or omitted when unknown. */
  queuePosition?: number | null;
  /** The step that failed: drawn red, later steps stay pending, `current` is then ignored. */
  failedStep?: GenerationStep;
  /** When each step started (ISO 8601); shown as local time beside the step. */
  stepStartedAt?: Partial<Record<GenerationStep, string>>;
  /** Accessible name of the list. @default 'Generation progress' */
  label?: string;
}

const defaultProps = { label: 'Generation progress' } satisfies Partial<StepTrackerProps>;

const TITLES: Record<GenerationStep, string> = {
  sent: 'Sent',
  queued: 'Queued',
  generating: 'Generating',
  downloading: 'Downloading',
  importing: 'Importing',
};

const SPOKEN: Record<StepState, string> = {
  done: 'done',
  active: 'in progress',
  waiting: 'waiting',
  pending: 'not started',
  failed: 'failed',
};

function stepTitle(step: GenerationStep, state: StepState, queuePosition?: number | null): string {
  if (step === 'queued' && state === 'waiting' && queuePosition != null) return `Queued #${queuePosition}`;
  return TITLES[step];
}

function Marker({ state, index }: { state: StepState; index: number }) {
  return (
    <span className={classes.marker} data-state={state} aria-hidden="true">
      {state === 'done' && <CheckIcon size={10} />}
      {state === 'failed' && <CloseIcon size="10px" />}
      {state !== 'done' && state !== 'failed' && index + 1}
    </span>
  );
}

/**
 * The five-step progress list (Sent, Queued, Generating, Downloading, Importing): done steps green
 * with a check, the active one pulsing orange, Queued grey with its position, a failure red.
 */
export function StepTracker(props: StepTrackerProps) {
  const { current, queuePosition, failedStep, stepStartedAt, label } = useProps(
    'StepTracker',
    defaultProps,
    props,
  );
  const states = stepStates({ current, failedStep });
  return (
    <Box component="ol" aria-label={label} className={classes.list}>
      {GENERATION_STEPS.map((step, i) => {
        const state = states[i] ?? 'pending';
        const live = state === 'active' || state === 'waiting' || state === 'failed';
        const startedAt = stepStartedAt?.[step];
        return (
          <li key={step} className={classes.step} data-state={state} aria-current={live ? 'step' : undefined}>
            <Marker state={state} index={i} />
            <Text component="span" size="xs" className={classes.title}>
              {stepTitle(step, state, queuePosition)}
            </Text>
            <VisuallyHidden>, {SPOKEN[state]}</VisuallyHidden>
            {startedAt !== undefined && (
              <Text component="time" dateTime={startedAt} size="xs" c="dimmed" className={classes.time}>
                {dayjs(startedAt).format('HH:mm:ss')}
              </Text>
            )}
          </li>
        );
      })}
    </Box>
  );
}
