import type { ImportAnalysis, ImportMapping, ImportReadOptions, ImportReport } from '../../../electron/contract';

/** The check-and-map step's state: the analysis, and what the user has chosen so far. */
export interface Mapped {
  kind: 'mapping';
  uploadId: string;
  analysis: ImportAnalysis;
  read: ImportReadOptions;
  mapping: ImportMapping;
  source: string;
  skipErrors: boolean;
  busy: boolean;
  error: string;
}

/** Where the import screen is. */
export type Stage =
  | { kind: 'choose'; notice: string; error: string }
  | { kind: 'uploading'; fileName: string; size: number; sent: number }
  | { kind: 'analysing'; uploadId: string; fileName: string }
  | Mapped
  | { kind: 'committing'; previous: Mapped }
  | { kind: 'report'; report: ImportReport };

