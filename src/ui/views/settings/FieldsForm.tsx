import { Button, Group, TextInput } from '@mantine/core';

/** One text field of a {@link FieldsForm}. */
export interface FormField {
  /** Key of the field's text in the submitted values. */
  name: string;
  /** Visible label, also the accessible name. */
  label: string;
  /** The text the field starts with (the saved value). */
  defaultValue: string;
  placeholder?: string;
  /** A short line under the field. */
  description?: string;
  /** Keyboard on touch devices. @default 'decimal' */
  inputMode?: 'decimal' | 'numeric' | 'text';
  /** Flex basis in px: fields wrap onto their own line below it. @default 110 */
  basis?: number;
}

/** Props of {@link FieldsForm}. */
export interface FieldsFormProps {
  /** Accessible name of the form. */
  label: string;
  fields: readonly FormField[];
  /** Text of the submit button. */
  submitLabel: string;
  /** True while a save is in flight: the button shows a loader. */
  saving: boolean;
  /** Called with every field's text by name when the form is submitted. */
  onSave: (values: Record<string, string>) => void;
}

/**
 * A row of uncontrolled text fields with a submit button: the only state is the typed text,
 * so there is nothing to keep in sync; validation happens in the settings machine. Remount it (a `key`) to show new saved values.
 */
export function FieldsForm({ label, fields, submitLabel, saving, onSave }: FieldsFormProps) {
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        onSave(Object.fromEntries(fields.map((f) => [f.name, String(data.get(f.name) ?? '')])));
      }}
    >
      <Group gap="xs" align="flex-start" wrap="wrap">
        {fields.map((field) => (
          <TextInput
            key={field.name}
            name={field.name}
            label={field.label}
            description={field.description}
            placeholder={field.placeholder}
            defaultValue={field.defaultValue}
            inputMode={field.inputMode ?? 'decimal'}
            size="xs"
            style={{ flex: `1 1 ${field.basis ?? 110}px`, maxWidth: (field.basis ?? 110) * 1.5 }}
          />
        ))}
      </Group>
      <Group mt={8} gap="xs">
        <Button type="submit" size="compact-xs" variant="light" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
