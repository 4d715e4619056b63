import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of {@link SettingsSection}. */
export interface SettingsSectionProps {
  /** The section's heading, also its accessible name. */
  title: string;
  /** One line under the heading saying what the section is for. */
  description?: string;
  children: ReactNode;
}

/** One titled block of the Settings tab (a labelled region, so tests and screen readers find it). */
export function SettingsSection({ title, description, children }: SettingsSectionProps) {
  return (
    <Paper component="section" aria-label={title} withBorder p="xs" miw={0}>
      <Stack gap={8}>
        <div>
          <Title order={3} size="sm">
            {title}
          </Title>
          {description !== undefined && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
