/** The FTN levels of assurance, lowest first: substantial (loa2) and high (loa3). */
export const ftnAssuranceLevels = ['http://ftn.ficora.fi/2017/loa2', 'http://ftn.ficora.fi/2017/loa3'];

/**
 * Whether the `acr` the provider returned meets what we asked for: one of the values asked, or an
 * FTN level at least as high as the lowest FTN level asked. A missing `acr` never does.
 */
export function acrSatisfies(returned: unknown, asked: readonly string[]): boolean {
  if (typeof returned !== 'string' || returned === '') return false;
  if (asked.includes(returned)) return true;
  const rank = ftnAssuranceLevels.indexOf(returned);
  const askedRanks = asked.map((value) => ftnAssuranceLevels.indexOf(value)).filter((r) => r >= 0);
  return rank >= 0 && askedRanks.length > 0 && rank >= Math.min(...askedRanks);
}
