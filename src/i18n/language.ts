/** The languages the gateway answers in; English is the default. */
export const LANGUAGES = Object.freeze(['en', 'ru', 'kk'] as const);
export type Language = (typeof LANGUAGES)[number];

const SUPPORTED: ReadonlySet<string> = new Set(LANGUAGES);
// RFC 9110 12.4.2: a weight is 0 to 1 with at most three decimals.
const WEIGHT = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * The caller's language by Accept-Language (RFC 9110 12.5.4): the supported language with the highest weight, the earlier
 * named on a tie, `*` standing for those not named; English when the header is absent or names none of them above weight 0.
 * A range counts by its primary subtag, so ru-RU asks for ru and kk-KZ for kk.
 */
export function languageOf(header: string | undefined): Language {
  if (!header) return 'en';
  const named = new Map<string, { q: number; at: number }>();
  let wildcard: { q: number; at: number } | null = null;
  header.split(',').forEach((item, at) => {
    const [range, ...params] = item.split(';').map((s) => s.trim());
    const weight = params.find((p) => /^q=/i.test(p));
    const match = weight === undefined ? null : WEIGHT.exec(weight);
    if (weight !== undefined && !match) return;
    const q = match ? Number(match[1]) : 1;
    const primary = range.split('-')[0].toLowerCase();
    if (primary === '*') wildcard ??= { q, at };
    else if (SUPPORTED.has(primary)) {
      const seen = named.get(primary);
      if (!seen || q > seen.q) named.set(primary, { q, at: seen?.at ?? at });
    }
  });
  let best: { language: Language; q: number; at: number } = { language: 'en', q: 0, at: Infinity };
  for (const language of LANGUAGES) {
    const w = named.get(language) ?? wildcard;
    if (w && w.q > 0 && (w.q > best.q || (w.q === best.q && w.at < best.at))) best = { language, ...w };
  }
  return best.language;
}
