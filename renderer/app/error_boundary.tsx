import { Component, type ReactNode } from 'react';

/**
 * Catches a bug in one screen so the rest of the app stays usable. Expected failures never
 * get here: they arrive as results and are shown where they happen.
 */
export class ErrorBoundary extends Component<{ fallback: (reset: () => void) => ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}
