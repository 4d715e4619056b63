import {
  selectFormErrors,
  selectPhase,
  selectSettings,
} from '../../../machines/settings/settings.selectors.ts';
import { FieldsForm } from './FieldsForm.tsx';
import { FormErrors } from './FormErrors.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

const selectWindowErrors = selectFormErrors('windows');

/** How long a run stays in the Generate tab before it moves to Active generations, per media kind (seconds). */
export function WindowsSection() {
  const settings = usePanelActor('settings');
  const current = usePanelSelector('settings', selectSettings);
  const errors = usePanelSelector('settings', selectWindowErrors);
  const saving = usePanelSelector('settings', (s) => selectPhase(s) === 'saving');
  if (current === null) return null;
  const { image, video, audio } = current.foregroundWindowsSec;
  return (
    <SettingsSection
      title="Foreground windows"
      description="After this long a run moves to the background and the Generate form is free again."
    >
      <FieldsForm
        key={`${image}|${video}|${audio}`}
        label="Edit foreground windows"
        fields={[
          { name: 'image', label: 'Image (s)', defaultValue: String(image), inputMode: 'numeric', basis: 72 },
          { name: 'video', label: 'Video (s)', defaultValue: String(video), inputMode: 'numeric', basis: 72 },
          { name: 'audio', label: 'Audio (s)', defaultValue: String(audio), inputMode: 'numeric', basis: 72 },
        ]}
        submitLabel="Save windows"
        saving={saving}
        onSave={(v) =>
          settings.send({
            type: 'SAVE_WINDOWS',
            form: { image: v.image ?? '', video: v.video ?? '', audio: v.audio ?? '' },
          })
        }
      />
      <FormErrors errors={errors} />
    </SettingsSection>
  );
}
