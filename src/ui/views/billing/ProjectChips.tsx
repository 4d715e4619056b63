import { Button, Group } from '@mantine/core';
import { sameTag } from '../../../domain/index.ts';
import { selectActiveProject, selectIsFiltered } from '../../../machines/billing/billing.selectors.ts';
import { BillingActorContext } from '../../actors/billing-context.ts';
import { useKnownTags } from './billing-data.ts';

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
  const active = BillingActorContext.useSelector(selectActiveProject);
  const filtered = BillingActorContext.useSelector(selectIsFiltered);
  const billing = BillingActorContext.useActorRef();
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
