import { Group, TextInput } from '@mantine/core';

/** Props of {@link DateRangeFields}: two YYYY-MM-DD days ('' leaves that end open) and their problems. */
export interface DateRangeFieldsProps {
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
  fromError?: string | undefined;
  toError?: string | undefined;
}

/** "From" and "To" day fields side by side (native date inputs: keyboard and screen-reader friendly). */
export function DateRangeFields({ from, to, onChange, fromError, toError }: DateRangeFieldsProps) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        size="xs"
        type="date"
        label="From"
        style={{ flex: 1 }}
        value={from}
        error={fromError}
        onChange={(e) => onChange({ from: e.currentTarget.value, to })}
      />
      <TextInput
        size="xs"
        type="date"
        label="To"
        style={{ flex: 1 }}
        value={to}
        error={toError}
        onChange={(e) => onChange({ from, to: e.currentTarget.value })}
      />
    </Group>
  );
}
