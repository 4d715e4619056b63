export { TagCombobox } from './TagCombobox.tsx';
export type { TagComboboxProps } from './TagCombobox.tsx';
