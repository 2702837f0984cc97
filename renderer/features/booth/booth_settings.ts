/** The booth's display settings; each voter starts from the defaults (VVSG 7.1-A: reset per session). */
export const TEXT_SIZES = ['S', 'M', 'L', 'XL'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Standard, or one of the two high-contrast schemes (white on black, black on white). */
export const CONTRASTS = ['standard', 'dark', 'light'] as const;
export type Contrast = (typeof CONTRASTS)[number];

/** The settings a voter may change; language is chosen separately, from their own languages. */
export interface DisplaySettings {
  readonly size: TextSize;
  readonly contrast: Contrast;
}

/** What every voter starts with. */
export const DEFAULT_DISPLAY: DisplaySettings = { size: 'M', contrast: 'standard' };

/** The booth's base font size per text size; everything else on the booth is sized in em. */
export const TEXT_SIZE_PX: Record<TextSize, number> = { S: 18, M: 22, L: 28, XL: 34 };
