import { Input, NumberInput, SegmentedControl, Select, Switch, TextInput, useProps } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { CatalogModel, CatalogParam } from '../../../domain/index.ts';
import classes from './GenerateView.module.css';
import { choiceLabel, controlledParams, numberLabel, paramLabel } from './param-labels.ts';

/** Props of {@link ParamControls}. */
export interface ParamControlsProps {
  /** The model whose catalog inputs become controls. */
  model: CatalogModel;
  /** Current fal inputs (defaults filled in); a missing value shows as not set. */
  params: Record<string, unknown>;
  /** Called with the one input that changed, e.g. `{ duration: '8s' }` (the machine merges it). */
  onChange: (params: Record<string, unknown>) => void;
  /** Locks every control (the run holds the form). @default false */
  disabled?: boolean;
  /** Put before every label so two models' controls have distinct names ('Second model '). @default '' */
  labelPrefix?: string;
}

const defaultProps = { disabled: false, labelPrefix: '' } satisfies Partial<ParamControlsProps>;

/** One control's props: its catalog input, label, value and what to call on change. */
interface ControlProps {
  param: CatalogParam;
  label: string;
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown) => void;
}

// A few short choices fit a segmented control at 320 px; longer lists are a select.
const SEGMENT_MAX = 3;
const SEGMENT_TEXT_MAX = 6;

function EnumControl({ param, label, value, disabled, onChange }: ControlProps) {
  const id = useId();
  const choices = (param.enum ?? []).map((v) => ({ value: v, label: choiceLabel(param, v) }));
  const current = value === undefined || value === null ? null : String(value);
  const segmented = choices.length <= SEGMENT_MAX && choices.every((c) => c.label.length <= SEGMENT_TEXT_MAX);
  if (segmented && current !== null) {
    return (
      <Input.Wrapper label={label} labelElement="div" labelProps={{ id }} size="xs">
        <SegmentedControl
          aria-labelledby={id}
          size="xs"
          fullWidth
          data={choices}
          value={current}
          disabled={disabled}
          onChange={onChange}
        />
      </Input.Wrapper>
    );
  }
  return (
    <Select
      label={label}
      size="xs"
      data={choices}
      value={current}
      placeholder="Not set"
      allowDeselect={false}
      disabled={disabled}
      onChange={(v) => v !== null && onChange(v)}
    />
  );
}

function NumberControl({ param, label, value, disabled, onChange }: ControlProps) {
  return (
    <NumberInput
      label={label}
      size="xs"
      min={param.min}
      max={param.max}
      step={param.type === 'integer' ? 1 : 0.01}
      decimalScale={param.type === 'integer' ? 0 : 2}
      value={typeof value === 'number' ? value : ''}
      disabled={disabled}
      onChange={(v) => typeof v === 'number' && onChange(v)}
    />
  );
}

function TextControl({ param, label, value, disabled, onChange }: ControlProps) {
  const list = param.type === 'array';
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
  return (
    <TextInput
      label={label}
      size="xs"
      value={text}
      disabled={disabled}
      description={list ? 'Separate several with commas' : undefined}
      onChange={(e) => {
        const raw = e.currentTarget.value;
        onChange(
          list
            ? raw
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : raw,
        );
      }}
    />
  );
}

function Control(props: ControlProps) {
  const { param, label, value, disabled, onChange } = props;
  if (param.type === 'boolean') {
    return (
      <Switch
        label={label}
        size="xs"
        mb={6}
        checked={value === true || value === 'true'}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  }
  if (param.enum !== undefined) return <EnumControl {...props} />;
  if (param.type === 'integer' || param.type === 'number') return <NumberControl {...props} />;
  return <TextControl {...props} />;
}

function labelOf(param: CatalogParam, prefix: string): string {
  // A typed-in number says its unit in the label; choices say it in each option ("5 s").
  const typed = param.enum === undefined && (param.type === 'integer' || param.type === 'number');
  const label = typed ? numberLabel(param) : paramLabel(param);
  return prefix === '' ? label : `${prefix}${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/**
 * The model's inputs as controls, built from the catalog: choices as segmented controls or selects
 * (duration, resolution, aspect ratio), counts as number inputs (number of images), toggles as
 * switches (audio), free text as text inputs. Each change sends only the input that changed.
 */
export function ParamControls(props: ParamControlsProps) {
  const { model, params, onChange, disabled, labelPrefix } = useProps('ParamControls', defaultProps, props);
  const controls = controlledParams(model);
  if (controls.length === 0) return null;
  return (
    <div className={classes.fields} data-kind="params">
      {controls.map((param) => (
        <Control
          key={`${model.endpoint_id}:${param.name}`}
          param={param}
          label={labelOf(param, labelPrefix)}
          value={params[param.name]}
          disabled={disabled}
          onChange={(value) => onChange({ [param.name]: value })}
        />
      ))}
    </div>
  );
}
