import { Button } from '@mantine/core';
import {
  selectBackupPath,
  selectResetFailure,
  selectResetStep,
  selectResetText,
} from '../../../machines/reset/reset.selectors.ts';
import { ResetActorContext } from '../../actors/reset-context.ts';
import { ResetDialog } from '../../components/ResetDialog/index.ts';

/**
 * `Reset cost history` and its typed-DELETE modal, driven by the reset actor: the button sends OPEN,
 * the textbox TYPE, `Delete cost history` CONFIRM (enabled only when the machine is armed), Cancel /
 * Close / Escape CLOSE. Shows the backup path when done and the reason when it failed.
 */
export function ResetCostHistory() {
  const reset = ResetActorContext.useActorRef();
  const step = ResetActorContext.useSelector(selectResetStep);
  const text = ResetActorContext.useSelector(selectResetText);
  const backupPath = ResetActorContext.useSelector(selectBackupPath);
  const failure = ResetActorContext.useSelector(selectResetFailure);
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
