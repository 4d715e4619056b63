/**
 * The systemIds of the singleton actors other actors reach with `system.get(id)`: one
 * list, so two singletons can never claim the same id.
 */
export const SYSTEM_IDS = {
  /** The persistence actor: the reset machine announces a reset to it. */
  persistence: 'persistence',
  /** The settlement actor: re-reads unsettled results. */
  settlement: 'settlement',
} as const;
