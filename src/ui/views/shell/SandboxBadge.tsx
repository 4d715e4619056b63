import { Badge, Tooltip } from '@mantine/core';
import { selectIsSandbox } from '../../../machines/settings.selectors.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';

/** The words of the Sandbox label (ARCHITECTURE.md § Runtime shape). */
export const SANDBOX_LABEL = 'Sandbox: no real charges';

/**
 * "Sandbox: no real charges" while the backend runs the simulated fal (no key, or `--sandbox`); nothing
 * when generations go to fal.ai. Reads the settings actor (the page's meta until the backend answers).
 */
export function SandboxBadge() {
  const sandbox = SettingsActorContext.useSelector(selectIsSandbox);
  if (!sandbox) return null;
  return (
    <Tooltip
      label="Generations run on a simulated fal.ai: nothing is charged and results are placeholders."
      multiline
      w={220}
    >
      <Badge color="yellow" variant="light" size="sm" radius="sm" tt="none" style={{ flex: 'none' }}>
        {SANDBOX_LABEL}
      </Badge>
    </Tooltip>
  );
}
