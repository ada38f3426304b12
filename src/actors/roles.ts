import type { PersonRow, RoleRow } from '../lexicon/types.js';

/** The role a person holds on a date (YYYY-MM-DD); the latest-starting one when several overlap. */
export function roleOn(person: PersonRow, date: string | null): RoleRow | null {
  let best: RoleRow | null = null;
  for (const r of person.roles) {
    if (date) {
      if (r.from && r.from > date) continue;
      if (r.to && r.to <= date) continue;
    } else if (r.to) continue;
    if (!best || (r.from ?? '') > (best.from ?? '')) best = r;
  }
  return best;
}

/** The CAMEO code a person has on a date: the role's code, `ELI` after all roles, the bare country before. */
export function personCode(person: PersonRow, date: string | null): { code: string; sector: string | null } {
  const role = roleOn(person, date);
  if (role) return { code: role.code, sector: role.code.length >= 6 ? role.code.slice(3, 6) : null };
  const ended = person.roles.length > 0 && person.roles.every((r) => r.to && (!date || r.to <= date));
  if (ended) return { code: `${person.country}ELI`, sector: 'ELI' };
  if (!date && person.roles.length) {
    const last = [...person.roles].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '')).pop()!;
    return { code: last.code, sector: last.code.slice(3, 6) || null };
  }
  return { code: person.country, sector: null };
}
