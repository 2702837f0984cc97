// Every country's flag (flag-icons, 4:3) ships with the app as its own small SVG file; Vite
// copies them into the bundle and a badge loads only the flags it shows. Nothing from a CDN.
const FLAG_URLS = import.meta.glob<string>('../../../node_modules/flag-icons/flags/4x3/[a-z][a-z].svg', {
  query: '?url',
  import: 'default',
  eager: true,
});

const BY_CODE = new Map(
  Object.entries(FLAG_URLS).map(([file, url]) => [file.slice(-6, -4).toUpperCase(), url] as const),
);

/** The bundled flag of an ISO 3166-1 alpha-2 country, or null when there is none. */
export function flagUrl(country: string | null): string | null {
  return country ? (BY_CODE.get(country.toUpperCase()) ?? null) : null;
}

let regionNames: Intl.DisplayNames | null = null;

/** The country's name in English, which badges at international events use. */
export function countryNameEn(country: string | null): string {
  if (!country) return '';
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(country) ?? country;
  } catch {
    return country;
  }
}
