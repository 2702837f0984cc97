/** Seat positions of a hemicycle: rows of seats on concentric half circles, filled left to right by angle. */
function seatPositions(total: number): Array<{ x: number; y: number; r: number }> {
  const rows = Math.max(1, Math.min(8, Math.ceil(Math.sqrt(total / 4))));
  const radii = Array.from({ length: rows }, (_, i) => 40 + (i * 55) / Math.max(1, rows - 1 || 1));
  const length = radii.reduce((s, r) => s + r, 0);
  const perRow = radii.map((r) => Math.max(1, Math.round((total * r) / length)));
  let diff = total - perRow.reduce((s, n) => s + n, 0);
  for (let i = rows - 1; diff !== 0; i = (i - 1 + rows) % rows) {
    perRow[i]! += diff > 0 ? 1 : -1;
    diff += diff > 0 ? -1 : 1;
  }
  const seatR = Math.min(6, (Math.PI * 40) / Math.max(1, perRow[0]!) / 2.3);
  const seats: Array<{ x: number; y: number; r: number; a: number }> = [];
  radii.forEach((radius, row) => {
    const n = perRow[row]!;
    for (let k = 0; k < n; k++) {
      const a = n === 1 ? Math.PI / 2 : Math.PI - (Math.PI * k) / (n - 1);
      seats.push({ x: 100 + radius * Math.cos(a), y: 100 - radius * Math.sin(a), r: seatR, a });
    }
  });
  return seats.sort((p, q) => q.a - p.a);
}

/** Party-list seats as a hemicycle (SVG): each party's seats together, in ballot order, left to right. */
export function Hemicycle({ parties, label }: { parties: ReadonlyArray<{ id: string; seats: number; colour: string }>; label: string }) {
  const total = parties.reduce((s, p) => s + p.seats, 0);
  const seats = seatPositions(total);
  const colours: string[] = parties.flatMap((p) => Array<string>(p.seats).fill(p.colour));
  return (
    <svg className="hemicycle" viewBox="0 0 200 108" role="img" aria-label={label} data-testid="hemicycle">
      {seats.map((s, i) => (
        <circle key={i} cx={s.x} cy={s.y} r={s.r} fill={colours[i] ?? '#ccc'} stroke="#111" strokeWidth="0.4" />
      ))}
      <text x="100" y="100" textAnchor="middle" fontSize="18" fontWeight="700" fill="currentColor">{total}</text>
    </svg>
  );
}
