import { ActionIcon, Badge, Group, Text } from '@mantine/core';
import { Chevron } from './Chevron.tsx';

/** Props of {@link ActiveHeader}. */
export interface ActiveHeaderProps {
  /** Rows shown in the panel (the count beside the title). */
  count: number;
  /** The compact status, e.g. "1 running · 1 failed" (statusSummary); '' shows nothing. */
  summary: string;
  /** What the runs in flight are estimated to cost (inFlightText); '' shows nothing. */
  inFlight: string;
  /** Whether the rows and notices are shown (false: only this header is). */
  expanded: boolean;
  /** Shows or hides the rows and notices. */
  onToggle: () => void;
  /** Id of the region the button shows and hides (aria-controls). */
  bodyId: string;
}

/**
 * The Active generations header, one line even at 320 px: title, the row count in its own pill (a
 * bare "3" beside "2 done" read as "32 done"), the status summary and the cost in flight (both kept
 * when collapsed, cut with an ellipsis before they wrap), and the button that hides or shows the body.
 */
export function ActiveHeader({ count, summary, inFlight, expanded, onToggle, bodyId }: ActiveHeaderProps) {
  const status = [summary, inFlight].filter(Boolean).join(' · ');
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Group gap={6} wrap="nowrap" miw={0} style={{ flex: '1 1 auto' }}>
        <Text size="xs" fw={700} style={{ whiteSpace: 'nowrap' }}>
          Active
        </Text>
        <Badge
          size="xs"
          variant="light"
          circle={count < 10}
          data-count
          aria-label={count === 1 ? '1 generation' : `${count} generations`}
          style={{ flex: 'none' }}
        >
          {count}
        </Badge>
        <Text size="xs" c="dimmed" truncate miw={0} title={status}>
          <span data-summary>{summary}</span>
          {summary && inFlight && ' · '}
          <span data-in-flight>{inFlight}</span>
        </Text>
      </Group>
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={expanded ? 'Hide active generations' : 'Show active generations'}
        aria-expanded={expanded}
        aria-controls={bodyId}
        onClick={onToggle}
        style={{ flex: 'none' }}
      >
        <Chevron open={!expanded} />
      </ActionIcon>
    </Group>
  );
}
