import { Button } from '@mantine/core';
import {
  selectBackupPath,
  selectResetFailure,
  selectResetStep,
  selectResetText,
} from '../../../machines/reset/reset.selectors.ts';
import { ResetDialog } from '../../components/ResetDialog/ResetDialog.tsx';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/**
 * `Reset cost history` and its typed-DELETE modal, driven by the reset actor: the button sends OPEN,
 * the textbox TYPE, `Delete cost history` CONFIRM (enabled only when the machine is armed), Cancel /
 * Close / Escape CLOSE. Shows the backup path when done and the reason when it failed.
 */
export function ResetCostHistory() {
  const reset = usePanelActor('reset');
  const step = usePanelSelector('reset', selectResetStep);
  const text = usePanelSelector('reset', selectResetText);
  const backupPath = usePanelSelector('reset', selectBackupPath);
  const failure = usePanelSelector('reset', selectResetFailure);
  return (
    <>
      <Button size="xs" variant="outline" color="red" onClick={() => reset.send({ type: 'OPEN' })}>
        Reset cost history
      </Button>
      <ResetDialog
        opened={step !== 'idle'}
        state={step === 'idle' ? 'typing' : step}
        text={text}
        backupPath={backupPath ?? undefined}
        error={failure ?? undefined}
        onTextChange={(value) => reset.send({ type: 'TYPE', text: value })}
        onConfirm={() => reset.send({ type: 'CONFIRM' })}
        onClose={() => reset.send({ type: 'CLOSE' })}
        onRetry={() => reset.send({ type: 'RETRY' })}
      />
    </>
  );
}
