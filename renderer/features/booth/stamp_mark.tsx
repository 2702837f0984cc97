/**
 * The Korean voting stamp's mark (기표 도장): a circle holding 卜, drawn in SVG so it is crisp
 * at every text size. 卜 is asymmetric on purpose — at a real count, ink that transferred when
 * the paper was folded shows mirrored and is told apart from a real mark — so it is drawn
 * the same way in every language, never mirrored for right-to-left screens.
 */
export function StampMark({ size = '1em' }: { size?: string }) {
  return (
    <svg className="stamp-mark" viewBox="0 0 100 100" width={size} height={size} aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeLinecap="round">
        <circle cx="50" cy="50" r="42" strokeWidth="7" />
        {/* 卜: the long vertical stroke, and the short dot stroke to its right. */}
        <path d="M44 20 V80" strokeWidth="9" />
        <path d="M50 42 L67 55" strokeWidth="9" />
      </g>
    </svg>
  );
}

/** A preference number in the marking box of a ranked ballot (1 = first choice). */
export function RankMark({ rank }: { rank: number }) {
  return (
    <span className="rank-mark" aria-hidden="true">
      {rank}
    </span>
  );
}
