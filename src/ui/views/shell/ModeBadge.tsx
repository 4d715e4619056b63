import { Badge, Tooltip } from '@mantine/core';
import { selectIsSandbox } from '../../../machines/settings/settings.selectors.ts';
import { usePanelSelector } from '../../actors/panel-context.ts';

/** The words of the Sandbox label (ARCHITECTURE.md § Runtime shape). */
export const SANDBOX_LABEL = 'Sandbox: no real charges';
/** The words of the Live label: generations go to fal.ai and are charged. */
export const LIVE_LABEL = 'Live: fal.ai charges';

/**
 * The mode, always shown: "Sandbox: no real charges" while the backend runs the simulated fal (no key,
 * or `--sandbox`), "Live: fal.ai charges" when generations go to fal.ai with a key, so a key saved by
 * mistake never switches to real money unseen. Reads the settings actor (the page's meta until the
 * backend answers).
 */
export function ModeBadge() {
  const sandbox = usePanelSelector('settings', selectIsSandbox);
  const tip = sandbox
    ? 'Generations run on a simulated fal.ai: nothing is charged and results are placeholders.'
    : 'Generations run on fal.ai with your key: each one is charged to your fal.ai account.';
  return (
    <Tooltip label={tip} multiline w={220}>
      <Badge
        color={sandbox ? 'yellow' : 'red'}
        variant="light"
        size="sm"
        radius="sm"
        tt="none"
        style={{ flex: 'none' }}
      >
        {sandbox ? SANDBOX_LABEL : LIVE_LABEL}
      </Badge>
    </Tooltip>
  );
}
