import { List, Text } from '@mantine/core';

/** Props of {@link FormErrors}. */
export interface FormErrorsProps {
  /** Problems of the typed text, one sentence each (what, why, what to do); nothing shown when empty. */
  errors: readonly string[];
}

/** The problems of a form's text in red (fix your input, modelbridge-docs.md §13), announced as an alert. */
export function FormErrors({ errors }: FormErrorsProps) {
  if (errors.length === 0) return null;
  return (
    <List role="alert" size="xs" c="red.4" spacing={2}>
      {errors.map((error) => (
        <List.Item key={error}>
          <Text size="xs" c="red.4" span>
            {error}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
