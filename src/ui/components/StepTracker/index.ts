export { StepTracker } from './StepTracker.tsx';
export type { StepTrackerProps } from './StepTracker.tsx';
export { GENERATION_STEPS, stepStates } from './steps.ts';
export type { GenerationStep, StepProgress, StepState } from './steps.ts';
