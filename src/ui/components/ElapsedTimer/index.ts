export { ElapsedTimer } from './ElapsedTimer.tsx';
export type { ElapsedTimerProps } from './ElapsedTimer.tsx';
export { describeElapsed, formatElapsed } from './format-elapsed.ts';
