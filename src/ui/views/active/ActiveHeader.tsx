import { ActionIcon, Group, Text } from '@mantine/core';
import { Chevron } from './Chevron.tsx';

/** Props of {@link ActiveHeader}. */
export interface ActiveHeaderProps {
  /** Rows shown in the panel (the count beside the title). */
  count: number;
  /** The compact status, e.g. "1 running · 1 failed" (statusSummary); '' shows nothing. */
  summary: string;
  /** Whether the rows and notices are shown (false: only this header is). */
  expanded: boolean;
  /** Shows or hides the rows and notices. */
  onToggle: () => void;
  /** Id of the region the button shows and hides (aria-controls). */
  bodyId: string;
}

/**
 * The Active generations header: title, row count, compact status summary (kept when collapsed) and
 * the button that hides or shows the whole panel body, so a short dock gets its tab content back.
 */
export function ActiveHeader({ count, summary, expanded, onToggle, bodyId }: ActiveHeaderProps) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Group gap={6} wrap="nowrap" miw={0}>
        <Text size="xs" fw={700} style={{ whiteSpace: 'nowrap' }}>
          Active generations
        </Text>
        <Text size="xs" c="dimmed" data-count>
          {count}
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap" miw={0}>
        <Text size="xs" c="dimmed" truncate data-summary title={summary}>
          {summary}
        </Text>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={expanded ? 'Hide active generations' : 'Show active generations'}
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          <Chevron open={!expanded} />
        </ActionIcon>
      </Group>
    </Group>
  );
}
