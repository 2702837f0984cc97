/** The package version, injected by Vite's `define`. */
declare const __APP_VERSION__: string;

/** Static assets imported for their URL (fonts, images) are handled by Vite. */
declare module '*.css';
