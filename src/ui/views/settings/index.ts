/** The Settings view and its parts (they read the settings, billing and persistence actor contexts). */
export { DisplaySection } from './DisplaySection.tsx';
export { FalKeySection } from './FalKeySection.tsx';
export { FormErrors } from './FormErrors.tsx';
export type { FormErrorsProps } from './FormErrors.tsx';
export { FieldsForm } from './FieldsForm.tsx';
export type { FieldsFormProps, FormField } from './FieldsForm.tsx';
export { RatesSection } from './RatesSection.tsx';
export { SettingsSection } from './SettingsSection.tsx';
export type { SettingsSectionProps } from './SettingsSection.tsx';
export { SettingsStatus } from './SettingsStatus.tsx';
export { SettingsView } from './SettingsView.tsx';
export { StorageSection } from './StorageSection.tsx';
export { ThresholdsSection } from './ThresholdsSection.tsx';
export { WindowsSection } from './WindowsSection.tsx';
export { dollarsText, type KeyStatusLook, keyStatusLook, ratesSourceText } from './settings-view.ts';
