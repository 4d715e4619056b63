import { Button, Group, Switch, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { selectFormErrors, selectPhase, selectSettings } from '../../../machines/settings.selectors.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';
import { FormErrors } from './FormErrors.tsx';
import { fieldText } from './RatesSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { dollarsText } from './settings-view.ts';

const selectThresholdErrors = selectFormErrors('thresholds');

/**
 * When a run asks for confirmation: single model above $X, Dual Mode pair above $Y (typed in dollars,
 * stored as micro-USD; compared in USD whatever the display currency), and whether runs with no price ask.
 */
export function ThresholdsSection() {
  const settings = SettingsActorContext.useActorRef();
  const current = SettingsActorContext.useSelector(selectSettings);
  const errors = SettingsActorContext.useSelector(selectThresholdErrors);
  const saving = SettingsActorContext.useSelector((s) => selectPhase(s) === 'saving');
  if (current === null) return null;
  const { singleUsdMicros, dualUsdMicros } = current.thresholds;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    settings.send({
      type: 'SAVE_THRESHOLDS',
      form: { single: fieldText(form, 'single'), dual: fieldText(form, 'dual') },
    });
  };
  return (
    <SettingsSection
      title="Cost confirmation"
      description="Runs above these amounts (in USD) ask before they start."
    >
      <form key={`${singleUsdMicros}|${dualUsdMicros}`} onSubmit={submit} aria-label="Edit thresholds">
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            name="single"
            label="Single model above ($)"
            size="xs"
            style={{ flex: '1 1 170px', maxWidth: 220 }}
            inputMode="decimal"
            defaultValue={dollarsText(singleUsdMicros)}
          />
          <TextInput
            name="dual"
            label="Dual Mode above ($)"
            size="xs"
            style={{ flex: '1 1 170px', maxWidth: 220 }}
            inputMode="decimal"
            defaultValue={dollarsText(dualUsdMicros)}
          />
        </Group>
        <Group mt={8} gap="xs">
          <Button type="submit" size="compact-xs" variant="light" loading={saving}>
            Save thresholds
          </Button>
        </Group>
      </form>
      <FormErrors errors={errors} />
      <Switch
        label="Confirm runs with no price"
        aria-label="Confirm runs with no price"
        description="Ask before a model fal.ai does not price (never shown as $0)."
        size="xs"
        checked={current.confirmUnpriced}
        onChange={(e) => settings.send({ type: 'SAVE', patch: { confirmUnpriced: e.currentTarget.checked } })}
      />
    </SettingsSection>
  );
}
