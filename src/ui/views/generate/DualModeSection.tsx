import { Stack, Switch, Text, useProps } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { CatalogModel } from '../../../domain/index.ts';
import { ErrorBanner } from '../../components/ErrorBanner/ErrorBanner.tsx';
import { ModelPicker } from './ModelPicker.tsx';
import { ParamControls } from './ParamControls.tsx';

/** The second slot of a pair, as the form shows it. */
export interface SecondSlotView {
  /** The second model, null until chosen. */
  model: CatalogModel | null;
  /** Its fal inputs. */
  params: Record<string, unknown>;
}

/** Props of {@link DualModeSection}. */
export interface DualModeSectionProps {
  /** Whether Dual Mode is on (the draft is a pair). */
  on: boolean;
  /** Called by the `Dual Mode` switch with the wanted state. */
  onToggle: (on: boolean) => void;
  /** Locks the switch and the second picker (the run holds the form). @default false */
  disabled?: boolean;
  /** The primary model: the second picker offers only its category, and not the model itself. */
  primary: CatalogModel;
  /** The second slot while Dual Mode is on. @default null */
  second?: SecondSlotView | null;
  /** The models on offer. */
  models: readonly CatalogModel[];
  /** Called with the second model picked. @default no-op */
  onSecondModel?: (model: CatalogModel) => void;
  /** Called with the second model's input that changed. @default no-op */
  onSecondParams?: (params: Record<string, unknown>) => void;
  /** Why the pair cannot run (same model twice, two kinds of media), shown red; null when none. @default null */
  error?: string | null;
}

const defaultProps = {
  disabled: false,
  second: null,
  onSecondModel: () => {},
  onSecondParams: () => {},
  error: null,
} satisfies Partial<DualModeSectionProps>;

/** The switch; its hint sits outside the label, so the accessible name stays "Dual Mode". */
function DualModeSwitch(props: { on: boolean; disabled: boolean; onToggle: (on: boolean) => void }) {
  const hintId = useId();
  return (
    <Stack gap={2}>
      <Switch
        label="Dual Mode"
        size="sm"
        checked={props.on}
        disabled={props.disabled}
        aria-describedby={hintId}
        onChange={(e) => props.onToggle(e.currentTarget.checked)}
      />
      <Text id={hintId} size="xs" c="dimmed">
        Generate with two models at once and compare the results.
      </Text>
    </Stack>
  );
}

/**
 * The `Dual Mode` switch and, when on, the second-model picker (same category only; the primary model
 * is listed but disabled), its inputs, and a clear red error when the pair cannot run.
 */
export function DualModeSection(props: DualModeSectionProps) {
  const { on, onToggle, disabled, primary, second, models, onSecondModel, onSecondParams, error } = useProps(
    'DualModeSection',
    defaultProps,
    props,
  );
  return (
    <Stack gap="xs">
      <DualModeSwitch on={on} disabled={disabled} onToggle={onToggle} />
      {on && second !== null && (
        <ModelPicker
          label="Second model"
          value={second.model}
          models={models}
          category={primary.category}
          disabledIds={[primary.endpoint_id]}
          disabled={disabled}
          onChange={onSecondModel}
        />
      )}
      {on && second?.model != null && (
        <ParamControls
          model={second.model}
          params={second.params}
          onChange={onSecondParams}
          disabled={disabled}
          labelPrefix="Second model "
        />
      )}
      {on && error !== null && (
        <ErrorBanner tone="input" title="These two models cannot run as a pair">
          {error}
        </ErrorBanner>
      )}
    </Stack>
  );
}
