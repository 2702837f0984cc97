/**
 * A person's name as staff read it, with the name in its own script beside it. The native
 * name carries its language so the right font and direction apply; <bdi> keeps a Latin name
 * inside an Arabic line (or the reverse) from reordering its neighbours.
 */
export function PersonName({ displayName, nativeName, nativeNameLang }: {
  displayName: string;
  nativeName: string;
  nativeNameLang: string | null;
}) {
  const showNative = nativeName && nativeName !== displayName;
  return (
    <span className="person-name">
      <bdi className="person-display">{displayName}</bdi>
      {showNative ? (
        <bdi className="person-native" lang={nativeNameLang ?? undefined}>{nativeName}</bdi>
      ) : null}
    </span>
  );
}

/** Country name in the UI language from its ISO code; the code itself if unknown. */
export function countryName(code: string | null, language: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language name in the UI language from its ISO 639 code. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A category's colour as a small swatch next to its name. */
export function CategoryTag({ name, colour }: { name: string; colour: string }) {
  return (
    <span className="category-tag">
      <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
      {name}
    </span>
  );
}
