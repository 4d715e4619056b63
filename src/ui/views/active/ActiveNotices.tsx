import { Notification, Stack } from '@mantine/core';
import { selectNotices } from '../../../machines/generation/active-generations.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/**
 * Completion notices: "FLUX.1 [dev] finished" (green; the machine drops it after 7 s) and
 * "… failed" (red; stays until dismissed, like its row). Each has a close button.
 */
export function ActiveNotices() {
  const notices = usePanelSelector('activeGenerations', selectNotices);
  const active = usePanelActor('activeGenerations');
  if (notices.length === 0) return null;
  return (
    <Stack gap={6} aria-label="Notifications" component="section">
      {notices.map((notice) => {
        const success = notice.kind === 'success';
        return (
          <Notification
            key={notice.id}
            color={success ? 'green' : 'red'}
            role={success ? 'status' : 'alert'}
            title={success ? `${notice.modelName} finished` : `${notice.modelName} failed`}
            closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
            onClose={() => active.send({ type: 'DISMISS_NOTICE', noticeId: notice.id })}
            withBorder
          >
            {success
              ? 'The result is ready: see its row in Active generations.'
              : 'See its row in Active generations for what happened and what to do.'}
          </Notification>
        );
      })}
    </Stack>
  );
}
