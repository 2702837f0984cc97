import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon';

/** The frame of one screen: a heading, optional actions, and the content. */
export function Page({ title, subtitle, actions, children }: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <div>
          <h1 id="page-title">{title}</h1>
          {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** An honest empty state: what this place is for and what to do now. */
export function EmptyState({ icon = 'empty', title, children }: { icon?: IconName; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <div className="empty-icon"><Icon name={icon} size={40} /></div>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/** A big number with its label, for overview cards. */
export function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/** Shows a failed read with its message, and a way to try again. */
export function ErrorNotice({ message, onRetry, retryLabel }: { message: string; onRetry: () => void; retryLabel: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <span>{message}</span>
      <button type="button" onClick={onRetry}>{retryLabel}</button>
    </div>
  );
}
