import { Box } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner/ErrorBanner.tsx';

/** Props of {@link ActiveErrorBoundary}. */
export interface ActiveErrorBoundaryProps {
  /** Drops the stored Active generations and starts them empty; the boundary then renders its children again. */
  onClear: () => void;
  /** Told what broke (for the console; the user sees the alert). */
  onError: (problem: string) => void;
  children: ReactNode;
}

interface State {
  failed: boolean;
}

/**
 * Catches a render error under the Active generations provider (a damaged saved run that slipped past
 * validation), so the panel shows an alert with a way out instead of going blank on every start.
 * React only offers error boundaries as class components.
 */
export class ActiveErrorBoundary extends Component<ActiveErrorBoundaryProps, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError(`Active generations could not be shown: ${error.message}`);
  }

  private readonly clear = () => {
    this.props.onClear();
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Box p="xs">
        <ErrorBanner
          tone="action"
          title="Active generations could not be shown"
          actionLabel="Clear and reload active generations"
          onAction={this.clear}
        >
          Their saved state is damaged. Clearing it drops the list of unfinished runs; finished costs are safe
          in the ledger.
        </ErrorBanner>
      </Box>
    );
  }
}
