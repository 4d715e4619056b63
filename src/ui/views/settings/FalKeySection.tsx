import { Badge, Button, Group, PasswordInput, Text } from '@mantine/core';
import {
  selectCanChangeKey,
  selectIsSandbox,
  selectKeyError,
  selectKeySource,
  selectKeyStatus,
} from '../../../machines/settings/settings.selectors.ts';
import { ModeBadge } from '../shell/ModeBadge.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { keyStatusLook } from './settings-view.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/** The key status: a coloured badge (green Connected, red Invalid key, neutral No key) and what it means. */
function KeyStatusLine() {
  const status = usePanelSelector('settings', selectKeyStatus);
  const source = usePanelSelector('settings', selectKeySource);
  const look = keyStatusLook(status);
  return (
    <div role="status" aria-label="Key status" data-status={status}>
      <Group gap={6} wrap="nowrap">
        <Badge color={look.color} variant="light" size="sm" radius="sm" tt="none">
          {status === 'connected' ? '✓ ' : ''}
          {look.label}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {look.hint}
        {source === 'env' && ' The key in use comes from the FAL_KEY environment variable: change it there.'}
      </Text>
    </div>
  );
}

/** The Sandbox indicator: the badge in Sandbox mode, else a line saying fal.ai charges real money. */
function SandboxLine() {
  const sandbox = usePanelSelector('settings', selectIsSandbox);
  return sandbox ? (
    <ModeBadge />
  ) : (
    <Text size="xs" c="dimmed">
      Live: generations run on fal.ai and are charged to your fal account.
    </Text>
  );
}

/**
 * The key field: a pasted key is sent at once (checked with fal.ai, no Test button; modelbridge-docs.md
 * §15), a typed one on Enter or leaving the field; the field is emptied either way (write-only).
 */
function KeyField() {
  const settings = usePanelActor('settings');
  const canChange = usePanelSelector('settings', selectCanChangeKey);
  const keyError = usePanelSelector('settings', selectKeyError);
  const send = (input: HTMLInputElement, text = input.value) => {
    input.value = '';
    if (text.trim() !== '') settings.send({ type: 'SET_KEY', key: text });
  };
  return (
    <PasswordInput
      label="fal API key"
      placeholder="Paste your key"
      size="xs"
      autoComplete="off"
      spellCheck={false}
      disabled={!canChange}
      error={keyError}
      onPaste={(e) => {
        e.preventDefault();
        send(e.currentTarget, e.clipboardData.getData('text'));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') send(e.currentTarget);
      }}
      onBlur={(e) => send(e.currentTarget)}
    />
  );
}

/** The fal key: its status, the write-only field, `Remove key`, and the Sandbox indicator. */
export function FalKeySection() {
  const settings = usePanelActor('settings');
  const canChange = usePanelSelector('settings', selectCanChangeKey);
  const source = usePanelSelector('settings', selectKeySource);
  return (
    <SettingsSection title="fal.ai connection" description="Your fal key stays in the local backend only.">
      <KeyStatusLine />
      <KeyField />
      <Group gap="xs" justify="space-between" wrap="wrap">
        <SandboxLine />
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          disabled={!canChange || source !== 'saved'}
          onClick={() => settings.send({ type: 'REMOVE_KEY' })}
        >
          Remove key
        </Button>
      </Group>
    </SettingsSection>
  );
}
