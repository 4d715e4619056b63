import { Button, Group, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { selectFormErrors, selectPhase, selectSettings } from '../../../machines/settings.selectors.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';
import { FormErrors } from './FormErrors.tsx';
import { fieldText } from './RatesSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';

const selectWindowErrors = selectFormErrors('windows');
const KINDS = [
  { name: 'image', label: 'Image (s)' },
  { name: 'video', label: 'Video (s)' },
  { name: 'audio', label: 'Audio (s)' },
] as const;

/** How long a run stays in the Generate tab before it moves to Active generations, per media kind (seconds). */
export function WindowsSection() {
  const settings = SettingsActorContext.useActorRef();
  const current = SettingsActorContext.useSelector(selectSettings);
  const errors = SettingsActorContext.useSelector(selectWindowErrors);
  const saving = SettingsActorContext.useSelector((s) => selectPhase(s) === 'saving');
  if (current === null) return null;
  const windows = current.foregroundWindowsSec;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const [image = '', video = '', audio = ''] = KINDS.map((k) => fieldText(form, k.name));
    settings.send({ type: 'SAVE_WINDOWS', form: { image, video, audio } });
  };
  return (
    <SettingsSection
      title="Foreground windows"
      description="After this long a run moves to the background and the Generate form is free again."
    >
      <form
        key={`${windows.image}|${windows.video}|${windows.audio}`}
        onSubmit={submit}
        aria-label="Edit foreground windows"
      >
        <Group gap="xs" align="flex-start" wrap="wrap">
          {KINDS.map((kind) => (
            <TextInput
              key={kind.name}
              name={kind.name}
              label={kind.label}
              size="xs"
              style={{ flex: '1 1 72px', maxWidth: 120 }}
              inputMode="numeric"
              defaultValue={String(windows[kind.name])}
            />
          ))}
        </Group>
        <Group mt={8} gap="xs">
          <Button type="submit" size="compact-xs" variant="light" loading={saving}>
            Save windows
          </Button>
        </Group>
      </form>
      <FormErrors errors={errors} />
    </SettingsSection>
  );
}
