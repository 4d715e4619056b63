import { Group, Select, Stack, Text, useProps } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { type CatalogModel, licenceOf, licenceSourceOf, modelsByCategory } from '../../../domain/index.ts';
import { LicenceBadge } from '../../components/LicenceBadge/LicenceBadge.tsx';
import { categoryLabel } from './param-labels.ts';

/** Props of {@link ModelPicker}. */
export interface ModelPickerProps {
  /** Visible label and accessible name of the combobox ('Model', 'Second model'). */
  label: string;
  /** The chosen model, null when none is chosen yet. */
  value: CatalogModel | null;
  /** The models on offer; they are grouped by category in catalog order. */
  models: readonly CatalogModel[];
  /** Called with the model picked. */
  onChange: (model: CatalogModel) => void;
  /** Offer only this category (Dual Mode's second model). @default every category */
  category?: CatalogModel['category'] | null;
  /** Endpoint ids listed but not selectable (the primary model in the second picker). @default [] */
  disabledIds?: readonly string[];
  /** Whether the picker is locked (the run holds the form). @default false */
  disabled?: boolean;
  /** Error shown under the field (red), or null. @default null */
  error?: string | null;
}

const defaultProps = {
  category: null,
  disabledIds: [],
  disabled: false,
  error: null,
} satisfies Partial<ModelPickerProps>;

function groupsOf(models: readonly CatalogModel[], only: string | null, disabled: readonly string[]) {
  return Object.entries(modelsByCategory(models))
    .filter(([category, list]) => list.length > 0 && (only === null || category === only))
    .map(([category, list]) => ({
      group: categoryLabel(category),
      items: list.map((m) => ({
        value: m.endpoint_id,
        label: m.display_name,
        disabled: disabled.includes(m.endpoint_id),
      })),
    }));
}

/**
 * Below this picker width (CSS px) the options' licence badges take their short form: in the 320 px dock
 * a full "Unknown" beside a long model name left the name one word a line.
 */
export const SHORT_LICENCE_BELOW_PX = 360;

/** One option: the model's name (wrapping) and its licence badge (never cut). */
function ModelOption(props: { label: string; model: CatalogModel | undefined; compact: boolean }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" w="100%">
      <Text size="xs" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {props.label}
      </Text>
      <LicenceBadge licence={licenceOf(props.model)} compact={props.compact} />
    </Group>
  );
}

/**
 * A searchable model picker grouped by category, each option with its licence badge (Commercial,
 * Research, Private, Unknown; the short form when the field is under SHORT_LICENCE_BELOW_PX wide); the
 * chosen model's licence shows in full beside the field, saying where it was read (fal's model API or
 * the pricing catalog and its page).
 */
export function ModelPicker(props: ModelPickerProps) {
  const { label, value, models, onChange, category, disabledIds, disabled, error } = useProps(
    'ModelPicker',
    defaultProps,
    props,
  );
  const byId = useMemo(() => new Map(models.map((m) => [m.endpoint_id, m])), [models]);
  const data = useMemo(() => groupsOf(models, category, disabledIds), [models, category, disabledIds]);
  // The dropdown is as wide as the field; 0 means not measured yet (or no layout, as in jsdom).
  const { ref, width } = useElementSize();
  const compact = width > 0 && width < SHORT_LICENCE_BELOW_PX;
  return (
    <Stack gap={4} ref={ref}>
      <Select
        label={label}
        size="xs"
        searchable
        allowDeselect={false}
        nothingFoundMessage="No model matches: try another name"
        placeholder="Choose a model"
        data={data}
        value={value?.endpoint_id ?? null}
        disabled={disabled}
        error={error}
        onChange={(id) => {
          const model = id === null ? undefined : byId.get(id);
          if (model) onChange(model);
        }}
        renderOption={({ option }) => (
          <ModelOption label={option.label} model={byId.get(option.value)} compact={compact} />
        )}
      />
      {value !== null && (
        <Group gap={6} wrap="wrap">
          <LicenceBadge licence={licenceOf(value)} source={licenceSourceOf(value)} />
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {value.endpoint_id}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
