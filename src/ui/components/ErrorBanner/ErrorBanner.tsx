import { Alert, Button, Group, Text, useProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * What the user should do about an error (modelbridge-docs.md §13): `input` = fix your input (red),
 * `action` = action needed (amber), `retrying` = temporary, retrying by itself (blue).
 */
export type ErrorTone = 'input' | 'action' | 'retrying';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  /** Colour and meaning: red fix-input, amber action-needed, blue retrying. */
  tone: ErrorTone;
  /** What happened, in a few words ("Your fal.ai key was rejected"). */
  title: string;
  /** Why it happened and what to do; no raw JSON or HTTP codes. */
  children?: ReactNode;
  /** Sticky banners (AUTH, BALANCE) never go away on their own; they always show Dismiss. @default false */
  sticky?: boolean;
  /** Called by the Dismiss button; without it a non-sticky banner shows no button. */
  onDismiss?: () => void;
  /** Label of an optional action button, e.g. "Open Settings". */
  actionLabel?: string;
  /** Called by the action button. */
  onAction?: () => void;
  /** A second action beside the first, e.g. "Use Sandbox" next to "Open Settings". */
  secondAction?: { label: string; onAction: () => void };
}

const defaultProps = { sticky: false } satisfies Partial<ErrorBannerProps>;

const COLORS: Record<ErrorTone, string> = { input: 'red', action: 'yellow', retrying: 'blue' };

/** An error banner coloured by what the user must do, with an optional action and Dismiss. */
export function ErrorBanner(props: ErrorBannerProps) {
  const { tone, title, children, sticky, onDismiss, actionLabel, onAction, secondAction } = useProps(
    'ErrorBanner',
    defaultProps,
    props,
  );
  const dismissable = sticky || onDismiss !== undefined;
  return (
    <Alert
      color={COLORS[tone]}
      variant="light"
      title={title}
      // A retrying error is news, not an emergency: announce it politely.
      role={tone === 'retrying' ? 'status' : 'alert'}
      withCloseButton={dismissable}
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
      data-tone={tone}
      data-sticky={sticky || undefined}
      p="xs"
    >
      {children !== undefined && <Text size="xs">{children}</Text>}
      {((actionLabel !== undefined && onAction !== undefined) || secondAction !== undefined) && (
        <Group mt={6} gap={6}>
          {actionLabel !== undefined && onAction !== undefined && (
            <Button size="compact-xs" variant="light" color={COLORS[tone]} onClick={onAction}>
              {actionLabel}
            </Button>
          )}
          {secondAction !== undefined && (
            <Button size="compact-xs" variant="light" color={COLORS[tone]} onClick={secondAction.onAction}>
              {secondAction.label}
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}
