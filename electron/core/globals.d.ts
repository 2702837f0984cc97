/** The package version, injected at build time (esbuild/vite `define`; vitest `define`). */
declare const __APP_VERSION__: string;
