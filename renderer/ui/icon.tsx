/** Simple line icons drawn inline: no icon font or image to fetch. */
const PATHS = {
  overview: 'M3 13h8V3H3zM13 21h8V11h-8zM3 21h8v-6H3zM13 3v6h8V3z',
  checkin: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2',
  participants: 'M16 19v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1M9 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM22 19v-1a4 4 0 0 0-3-3.9M16 4.1a3 3 0 0 1 0 5.8',
  badges: 'M6 3h12v18H6zM10 3v3h4V3M9 10h6M9 13h6M9 17h3',
  programme: 'M4 5h16v15H4zM4 9h16M9 3v4M15 3v4',
  experience: 'M4 10h16v10H4zM8 10V5h8v5M10 7h4',
  results: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  devices: 'M3 5h13v10H3zM7 19h5M9 15v4M18 8h4v12h-4z',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .3-1.4-1.4.3-2-3-1-1 2h-2l-1-2-3 1 .3 2L5 7.3 3 7 2 10l2 1v2l-2 1 1 3 2-.3 1.4 1.4-.3 2 3 1 1-2h2l1 2 3-1-.3-2 1.4-1.4 2 .3 1-3-2-1z',
  search: 'M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3',
  empty: 'M3 7l9-4 9 4-9 4zM3 7v10l9 4 9-4V7M12 11v10',
} as const;
export type IconName = keyof typeof PATHS;

/** One icon; decorative, so hidden from screen readers. */
export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
