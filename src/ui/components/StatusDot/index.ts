export { StatusDot } from './StatusDot.tsx';
export type { DotStatus, StatusDotProps } from './StatusDot.tsx';
