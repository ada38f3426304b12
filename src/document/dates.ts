/** Publication dates: accept YYYY-MM-DD or an ISO timestamp; anything else is an error the caller reports. */
export function normalizeDate(value: unknown): { date: string | null; error: string | null } {
  if (value === undefined || value === null || value === '') return { date: null, error: null };
  if (typeof value !== 'string') return { date: null, error: `date must be a string like 2020-01-11, got ${JSON.stringify(value)}` };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return { date: null, error: `malformed date '${value}' (expected YYYY-MM-DD)` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return { date: null, error: `impossible date '${value}'` };
  return { date: `${m[1]}-${m[2]}-${m[3]}`, error: null };
}
