import { Button, Group, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { selectFormErrors, selectFx, selectPhase } from '../../../machines/settings.selectors.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';
import { FormErrors } from './FormErrors.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { ratesSourceText } from './settings-view.ts';

const selectRateErrors = selectFormErrors('rates');

/** Reads a named field of a submitted form as text. */
export function fieldText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Exchange rates (how many EUR and SEK 1 USD buys) with their as-of day and source. Typed rates are
 * validated by the settings machine (positive, plausible, a real day) and saved as `manual`; every
 * amount in the panel converts with them. Rows already recorded keep their own rates.
 */
export function RatesSection() {
  const settings = SettingsActorContext.useActorRef();
  const fx = SettingsActorContext.useSelector(selectFx);
  const errors = SettingsActorContext.useSelector(selectRateErrors);
  const saving = SettingsActorContext.useSelector((s) => selectPhase(s) === 'saving');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const [eur, sek, asOf] = ['eur', 'sek', 'asOf'].map((name) => fieldText(form, name));
    settings.send({ type: 'SAVE_RATES', form: { eur: eur ?? '', sek: sek ?? '', asOf: asOf ?? '' } });
  };
  return (
    <SettingsSection
      title="Exchange rates"
      description="Amounts are stored in USD and shown in the display currency with these rates."
    >
      <Text size="xs" aria-label="Rates in use">
        {ratesSourceText(fx)}, as of {fx.asOf}: 1 USD = {fx.rates.EUR} EUR = {fx.rates.SEK} SEK
      </Text>
      {/* New values from the backend reset the typed text (uncontrolled inputs keyed by the rates). */}
      <form
        key={`${fx.asOf}|${fx.rates.EUR}|${fx.rates.SEK}`}
        onSubmit={submit}
        aria-label="Edit exchange rates"
      >
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            name="eur"
            label="EUR per 1 USD"
            size="xs"
            style={{ flex: '1 1 110px', maxWidth: 160 }}
            inputMode="decimal"
            defaultValue={String(fx.rates.EUR)}
          />
          <TextInput
            name="sek"
            label="SEK per 1 USD"
            size="xs"
            style={{ flex: '1 1 110px', maxWidth: 160 }}
            inputMode="decimal"
            defaultValue={String(fx.rates.SEK)}
          />
          <TextInput
            name="asOf"
            label="As of"
            placeholder="Today"
            size="xs"
            style={{ flex: '1 1 110px', maxWidth: 160 }}
            defaultValue=""
            description="Blank: today"
          />
        </Group>
        <Group mt={8} gap="xs">
          <Button type="submit" size="compact-xs" variant="light" loading={saving}>
            Save rates
          </Button>
        </Group>
      </form>
      <FormErrors errors={errors} />
    </SettingsSection>
  );
}
