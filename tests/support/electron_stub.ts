// Stands in for 'electron' in every test (vitest alias). Tests that exercise the shell
// replace it with vi.mock('electron', ...); this stub only makes a stray import harmless.
export {};
throw new Error('The real electron module is not available in tests: mock it with vi.mock("electron", ...).');
