import { Textarea, useProps } from '@mantine/core';
import { MAX_PROMPT_CHARS } from '../../../domain/index.ts';

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
const count = new Intl.NumberFormat('en-US');

/**
 * The `Prompt` textarea: three rows, resizable by the user (no autosize: it needs the font loading API).
 * It counts characters against the ledger's limit as you type (the same limit the backend enforces), and
 * turns into an error past it, so a run is never sent that the ledger could not record.
 */
export function PromptField(props: PromptFieldProps) {
  const { value, onChange, disabled } = useProps('PromptField', defaultProps, props);
  const over = value.length - MAX_PROMPT_CHARS;
  const tally = `${count.format(value.length)} / ${count.format(MAX_PROMPT_CHARS)} characters`;
  return (
    <Textarea
      label="Prompt"
      size="xs"
      rows={3}
      resize="vertical"
      placeholder="Describe what to generate"
      value={value}
      disabled={disabled}
      description={over > 0 ? undefined : tally}
      error={
        over > 0 ? `${tally}: ${count.format(over)} too many. Shorten the prompt to send it.` : undefined
      }
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
