import { Textarea, useProps } from '@mantine/core';

/** Props of {@link PromptField}. */
export interface PromptFieldProps {
  /** The prompt text (the machine's). */
  value: string;
  /** Called with the new text on every change. */
  onChange: (prompt: string) => void;
  /** Locks the field (the run holds the form). @default false */
  disabled?: boolean;
}

const defaultProps = { disabled: false } satisfies Partial<PromptFieldProps>;

/** The `Prompt` textarea: three rows, resizable by the user (no autosize: it needs the font loading API). */
export function PromptField(props: PromptFieldProps) {
  const { value, onChange, disabled } = useProps('PromptField', defaultProps, props);
  return (
    <Textarea
      label="Prompt"
      size="xs"
      rows={3}
      resize="vertical"
      placeholder="Describe what to generate"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
