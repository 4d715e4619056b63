import { Text } from '@mantine/core';
import type { FxSnapshot } from '../../../domain/index.ts';
import { selectFormErrors, selectFx, selectPhase } from '../../../machines/settings/settings.selectors.ts';
import { FieldsForm, type FormField } from './FieldsForm.tsx';
import { FormErrors } from './FormErrors.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { ratesSourceText } from './settings-view.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

const selectRateErrors = selectFormErrors('rates');

/** The rate fields, starting from the rates in use; the day starts blank (blank = today). */
function rateFields(fx: FxSnapshot): FormField[] {
  return [
    { name: 'eur', label: 'EUR per 1 USD', defaultValue: String(fx.rates.EUR) },
    { name: 'sek', label: 'SEK per 1 USD', defaultValue: String(fx.rates.SEK) },
    {
      name: 'asOf',
      label: 'As of',
      defaultValue: '',
      placeholder: 'Today',
      description: 'Blank: today',
      inputMode: 'text',
    },
  ];
}

/**
 * Exchange rates (how many EUR and SEK 1 USD buys) with their as-of day and source. Typed rates are
 * validated by the settings machine (positive, plausible, a real day; blank day = today) and saved as
 * `manual`; every amount in the panel converts with them. Rows already recorded keep their own rates.
 */
export function RatesSection() {
  const settings = usePanelActor('settings');
  const fx = usePanelSelector('settings', selectFx);
  const errors = usePanelSelector('settings', selectRateErrors);
  const saving = usePanelSelector('settings', (s) => selectPhase(s) === 'saving');
  return (
    <SettingsSection
      title="Exchange rates"
      description="Amounts are stored in USD and shown in the display currency with these rates."
    >
      <Text size="xs" aria-label="Rates in use">
        {ratesSourceText(fx)}, as of {fx.asOf}: 1 USD = {fx.rates.EUR} EUR = {fx.rates.SEK} SEK
      </Text>
      <FieldsForm
        key={`${fx.asOf}|${fx.rates.EUR}|${fx.rates.SEK}`}
        label="Edit exchange rates"
        fields={rateFields(fx)}
        submitLabel="Save rates"
        saving={saving}
        onSave={(v) =>
          settings.send({
            type: 'SAVE_RATES',
            form: { eur: v.eur ?? '', sek: v.sek ?? '', asOf: v.asOf ?? '' },
          })
        }
      />
      <FormErrors errors={errors} />
    </SettingsSection>
  );
}
