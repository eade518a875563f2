/**
 * Hospital names as distributors type them, matched to the brand's master by similarity: both
 * names normalized (full-width to half-width, case, spaces and punctuation dropped), then the Dice
 * coefficient of their character bigrams, so a wrong or missing character costs a little and a
 * different hospital a lot. Done in TypeScript: pg_trgm's similarity counts words of ASCII letters
 * and digits unless the database's locale classes CJK characters as letters, which neither PGlite
 * nor a C-locale server does.
 */
export interface Named {
  id: string;
  name: string;
}

export interface Candidate {
  hospitalId: string;
  score: number;
}

const normalizeName = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i] + chars[i + 1];
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return total ? (2 * shared) / total : 0;
}

/** A matcher over the master: each name's best few hospitals, best first, with scores from 0 to 1. */
export function hospitalMatcher(master: Named[], keep = 3, floor = 0.3) {
  const prepared = master.map((h) => {
    const norm = normalizeName(h.name);
    return { id: h.id, norm, grams: bigrams(norm) };
  });
  return (name: string): Candidate[] => {
    const norm = normalizeName(name);
    if (!norm) return [];
    const grams = bigrams(norm);
    return prepared
      .map((h) => ({ hospitalId: h.id, score: h.norm === norm ? 1 : dice(grams, h.grams) }))
      .filter((c) => c.score >= floor)
      .sort((a, b) => b.score - a.score || a.hospitalId.localeCompare(b.hospitalId))
      .slice(0, keep)
      .map((c) => ({ ...c, score: Math.round(c.score * 1000) / 1000 }));
  };
}
