/** Rounds dollars to the cent the way fee schedules print them (half away from zero). */
export function roundCents(amount: number): number {
  // The small epsilon keeps 34.605 from becoming 34.60 through binary representation.
  return Math.round(amount * 100 + (amount >= 0 ? 1e-7 : -1e-7)) / 100;
}

/** "$1,234.50" without Intl (fast and identical in every runtime). */
export function dollars(amount: number): string {
  const negative = amount < 0;
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (cents % 100).toString().padStart(2, '0');
  return `${negative ? '-' : ''}$${whole}.${rest}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
