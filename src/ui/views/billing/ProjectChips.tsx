import { Button, Group } from '@mantine/core';
import { memo, useCallback, useDeferredValue } from 'react';
import { sameTag } from '../../../domain/index.ts';
import { selectActiveProject, selectIsFiltered } from '../../../machines/billing/billing.selectors.ts';
import { useKnownTags } from './billing-data.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

const NO_PROJECTS: string[] = [];

interface ChipProps {
  label: string;
  pressed: boolean;
  /** Called with the chip's label; one stable function for every chip. */
  onSelect: (label: string) => void;
}

// A studio has hundreds of projects: a click re-renders only the two chips whose state changed.
const Chip = memo(function Chip({ label, pressed, onSelect }: ChipProps) {
  return (
    <Button
      size="compact-xs"
      radius="xl"
      variant={pressed ? 'filled' : 'default'}
      aria-pressed={pressed}
      data-active={pressed || undefined}
      onClick={() => onSelect(label)}
      maw="100%"
    >
      {label}
    </Button>
  );
});

/**
 * Project chips: `All` plus one per known project. A click filters the list to that project; a click
 * on the active chip, or on `All`, clears the filter (the billing machine decides, the chips reflect).
 */
export function ProjectChips() {
  // A studio's hundreds of chips are drawn in a deferred render: opening Billing paints its rows first.
  const current = useKnownTags().projects;
  const projects = useDeferredValue(current, NO_PROJECTS);
  const active = usePanelSelector('billing', selectActiveProject);
  const filtered = usePanelSelector('billing', selectIsFiltered);
  const billing = usePanelActor('billing');
  const clear = useCallback(() => billing.send({ type: 'CLEAR_FILTER' }), [billing]);
  const select = useCallback(
    (project: string) => billing.send({ type: 'SELECT_PROJECT', project }),
    [billing],
  );
  if (current.length === 0) return null;
  return (
    <Group role="group" aria-label="Projects" aria-busy={projects !== current} gap={4} wrap="wrap">
      <Chip label="All" pressed={!filtered} onSelect={clear} />
      {projects.map((project) => (
        <Chip
          key={project}
          label={project}
          pressed={active !== null && sameTag(active, project)}
          onSelect={select}
        />
      ))}
    </Group>
  );
}
