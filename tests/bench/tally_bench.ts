/**
 * Tabulation speed: 1,000,000 generated ballots counted by plurality and by IRV with 20
 * candidates, and seat allocation for 100 parties by every list method. Ballots are generated
 * deterministically (seeded) with a skewed popularity, so IRV runs many realistic rounds.
 */
import { PackedBallotsBuilder, allocateSeats, seededRandom, tallyPacked, type PartyVotes, type TallyMethod } from '../../electron/core/tally';
import { report } from './stats';

const BALLOTS = 1_000_000;

function generate(candidates: number, maxRanks: number, seed: number) {
  const rnd = seededRandom(seed);
  // Zipf-like popularity: candidate i is chosen with weight 1 / (i + 1).
  const weights = Array.from({ length: candidates }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const pick = () => {
    let x = rnd() * total;
    for (let i = 0; i < candidates; i++) if ((x -= weights[i]!) <= 0) return i;
    return candidates - 1;
  };
  const builder = new PackedBallotsBuilder(candidates);
  const ranks: number[] = [];
  for (let b = 0; b < BALLOTS; b++) {
    ranks.length = 0;
    const n = 1 + Math.floor(rnd() * maxRanks);
    while (ranks.length < n) {
      const c = pick();
      if (!ranks.includes(c)) ranks.push(c);
    }
    builder.add(ranks);
  }
  return builder.build();
}

function time(action: () => void, repeat = 3): number {
  action(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) action();
  return (performance.now() - t0) / repeat;
}

/** Runs the tabulation benchmarks and prints one line per figure. */
export function benchTally(): void {
  const options20 = Array.from({ length: 20 }, (_, i) => `c${i + 1}`);
  const single = generate(20, 1, 1);
  report('tally_plurality_1m_ballots', time(() => void tallyPacked({ method: 'plurality', options: options20 }, single)), 'ms');
  const ranked = generate(20, 6, 2);
  let rounds = 0;
  report('tally_irv_1m_ballots_20_candidates', time(() => {
    const r = tallyPacked({ method: 'irv', options: options20 }, ranked);
    if (r.ok) rounds = r.value.rounds?.length ?? 0;
  }), 'ms');
  report('tally_irv_1m_ballots_rounds', rounds, 'rounds');
  const rnd = seededRandom(3);
  const parties: PartyVotes[] = Array.from({ length: 100 }, (_, i) => ({ party: `p${i + 1}`, votes: Math.floor(1_000_000 / (i + 1) + rnd() * 1000), districtSeats: i < 5 ? 20 - i * 3 : 0 }));
  const methods: TallyMethod[] = ['dhondt', 'sainte-lague', 'modified-sainte-lague', 'hare', 'droop', 'kr-mixed'];
  for (const method of methods) {
    const spec = { method, options: [], seats: method === 'kr-mixed' ? 46 : 300, thresholdPercent: 1, krMixed: { assemblySize: 300, linkRatio: 0.5, independentSeats: 3 } };
    report(`tally_seats_100_parties_${method.replace(/-/gu, '_')}`, time(() => void allocateSeats(spec, parties), 20), 'ms');
  }
}
