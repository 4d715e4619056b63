import { Button, Group } from '@mantine/core';
import { sameTag } from '../../../domain/index.ts';
import { selectActiveProject, selectIsFiltered } from '../../../machines/billing/billing.selectors.ts';
import { useKnownTags } from './billing-data.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

interface ChipProps {
  label: string;
  pressed: boolean;
  onClick: () => void;
}

function Chip({ label, pressed, onClick }: ChipProps) {
  return (
    <Button
      size="compact-xs"
      radius="xl"
      variant={pressed ? 'filled' : 'default'}
      aria-pressed={pressed}
      data-active={pressed || undefined}
      onClick={onClick}
      maw="100%"
    >
      {label}
    </Button>
  );
}

/**
 * Project chips: `All` plus one per known project. A click filters the list to that project; a click
 * on the active chip, or on `All`, clears the filter (the billing machine decides, the chips reflect).
 */
export function ProjectChips() {
  const { projects } = useKnownTags();
  const active = usePanelSelector('billing', selectActiveProject);
  const filtered = usePanelSelector('billing', selectIsFiltered);
  const billing = usePanelActor('billing');
  if (projects.length === 0) return null;
  return (
    <Group role="group" aria-label="Projects" gap={4} wrap="wrap">
      <Chip label="All" pressed={!filtered} onClick={() => billing.send({ type: 'CLEAR_FILTER' })} />
      {projects.map((project) => (
        <Chip
          key={project}
          label={project}
          pressed={active !== null && sameTag(active, project)}
          onClick={() => billing.send({ type: 'SELECT_PROJECT', project })}
        />
      ))}
    </Group>
  );
}
