/**
 * Whole percents of `amounts` that add up to exactly 100 (largest-remainder rounding): each
 * amount gets its share rounded down, and the points still missing go to the amounts that lost
 * the most in rounding (the earlier one on a tie). All zeros (or nothing) give zeros.
 */
export function wholePercents(amounts: readonly number[]): number[] {
  const total = amounts.reduce((sum, amount) => sum + Math.max(0, amount), 0);
  if (total <= 0) {
    return amounts.map(() => 0);
  }
  const exact = amounts.map((amount) => (Math.max(0, amount) * 100) / total);
  const percents = exact.map(Math.floor);
  const missing = 100 - percents.reduce((sum, percent) => sum + percent, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder.slice(0, missing)) {
    percents[index]++;
  }
  return percents;
}
