import { Autocomplete, type ComboboxItem, type OptionsFilter, useProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { dedupeTags, normaliseTag, sameTag, suggestTags } from '../../../domain/tags.ts';

/** Props of {@link TagCombobox}. */
export interface TagComboboxProps {
  /** Visible label and accessible name: 'Client', 'Project' or 'Deliverable'. */
  label: string;
  /** The current tag, normalised; '' means untagged. */
  value: string;
  /** Names used before, first spelling seen first; duplicates by case are tolerated. */
  options: readonly string[];
  /** Called with the normalised tag (trimmed, known spelling when it matches one) on every change. */
  onChange: (value: string) => void;
  /** Placeholder shown while empty. @default 'Type or pick a name' */
  placeholder?: string;
  /** Most suggestions shown at once. @default 8 */
  limit?: number;
}

const defaultProps = { placeholder: 'Type or pick a name', limit: 8 } satisfies Partial<TagComboboxProps>;

/** The known spelling of a typed tag when there is one, else the typed tag normalised. */
function canonical(text: string, known: readonly string[]): string {
  return known.find((k) => sameTag(k, text)) ?? normaliseTag(text);
}

/** Prefix matches first, then substring matches, case-insensitive (domain `suggestTags`). */
const suggestFilter: OptionsFilter = ({ options, search, limit }) => {
  const items = options.filter((o): o is ComboboxItem => 'value' in o);
  const wanted = suggestTags(
    items.map((o) => o.value),
    search,
    limit,
  );
  return wanted.flatMap((name) => items.filter((o) => o.value === name));
};

/**
 * A free-text tag input that autocompletes from earlier names: case-insensitive, prefix matches
 * first, trimmed, and new names allowed. The typed text stays as typed until the field loses focus.
 */
export function TagCombobox(props: TagComboboxProps) {
  const { label, value, options, onChange, placeholder, limit } = useProps(
    'TagCombobox',
    defaultProps,
    props,
  );
  const known = useMemo(() => dedupeTags(options), [options]);
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);

  // A new value from outside (machine reset, retag) replaces the text unless it is what was typed.
  if (value !== lastValue) {
    setLastValue(value);
    if (!sameTag(draft, value)) setDraft(value);
  }

  const change = (text: string) => {
    setDraft(text);
    const next = canonical(text, known);
    if (next !== value) onChange(next);
  };

  return (
    <Autocomplete
      label={label}
      placeholder={placeholder}
      data={known}
      value={draft}
      onChange={change}
      onBlur={() => setDraft(canonical(draft, known))}
      filter={suggestFilter}
      limit={limit}
      size="xs"
    />
  );
}
