/** A fresh temporary folder; tests run against real files, never database mocks. */
export declare function makeTempDir(prefix?: string): string;
/**
 * Makes a folder read-only for real. chmod does not stop root (CI runs as root), so root
 * uses the immutable attribute, which does. Returns the function that undoes it.
 */
export declare function makeReadOnly(dir: string): () => void;
