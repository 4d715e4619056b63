export { PersistenceStatus } from './PersistenceStatus.tsx';
export type { PersistenceStatusProps, PersistenceViewState } from './PersistenceStatus.tsx';
