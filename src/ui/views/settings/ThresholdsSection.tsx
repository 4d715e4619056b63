import { Switch } from '@mantine/core';
import {
  selectFormErrors,
  selectPhase,
  selectSettings,
} from '../../../machines/settings/settings.selectors.ts';
import { FieldsForm } from './FieldsForm.tsx';
import { FormErrors } from './FormErrors.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { dollarsText } from './settings-view.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

const selectThresholdErrors = selectFormErrors('thresholds');

/** "Confirm runs with no price": whether a run fal.ai does not price asks first (never shown as $0). */
function ConfirmUnpricedSwitch({ checked }: { checked: boolean }) {
  const settings = usePanelActor('settings');
  return (
    <Switch
      label="Confirm runs with no price"
      aria-label="Confirm runs with no price"
      description="Ask before a model fal.ai does not price (never shown as $0)."
      size="xs"
      checked={checked}
      onChange={(e) => settings.send({ type: 'SAVE', patch: { confirmUnpriced: e.currentTarget.checked } })}
    />
  );
}

/**
 * When a run asks for confirmation: single model above $X, Dual Mode pair above $Y (typed in dollars,
 * stored as micro-USD; compared in USD whatever the display currency), and whether runs with no price ask.
 */
export function ThresholdsSection() {
  const settings = usePanelActor('settings');
  const current = usePanelSelector('settings', selectSettings);
  const errors = usePanelSelector('settings', selectThresholdErrors);
  const saving = usePanelSelector('settings', (s) => selectPhase(s) === 'saving');
  if (current === null) return null;
  const { singleUsdMicros, dualUsdMicros } = current.thresholds;
  return (
    <SettingsSection
      title="Cost confirmation"
      description="Runs above these amounts (in USD) ask before they start."
    >
      <FieldsForm
        key={`${singleUsdMicros}|${dualUsdMicros}`}
        label="Edit thresholds"
        fields={[
          {
            name: 'single',
            label: 'Single model above ($)',
            defaultValue: dollarsText(singleUsdMicros),
            basis: 150,
          },
          {
            name: 'dual',
            label: 'Dual Mode above ($)',
            defaultValue: dollarsText(dualUsdMicros),
            basis: 150,
          },
        ]}
        submitLabel="Save thresholds"
        saving={saving}
        onSave={(v) =>
          settings.send({ type: 'SAVE_THRESHOLDS', form: { single: v.single ?? '', dual: v.dual ?? '' } })
        }
      />
      <FormErrors errors={errors} />
      <ConfirmUnpricedSwitch checked={current.confirmUnpriced} />
    </SettingsSection>
  );
}
