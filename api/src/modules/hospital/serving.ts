/**
 * Whether grant `g` names hospital `h` or covers its city or that city's province (`hr` is the
 * hospital's region row). Written as array containment/overlap, so each hospital looks its grants
 * up in the GIN indexes on both arrays.
 */
const namesOrCovers = (g: string, h: string, hr: string): string =>
  `(${g}.hospital_ids @> ARRAY[${h}.id] OR ${g}.region_ids && ARRAY[${h}.region_id, ${hr}.parent_id])`;

/**
 * Whether grant `g` serves hospital `h` (whose region row is `hr`) on the business day named by
 * the parameter `:${day}`: live that day, and naming the hospital or covering its city or that
 * city's province. The one statement of the rule: the authorization service's
 * servingDistributorIds and the hospitals list's tree (hospital-page.ts) both write it from here.
 */
export function servesHospitalSql(g: string, h: string, hr: string, day: string): string {
  return `${g}.valid_from <= :${day} AND ${g}.valid_to >= :${day}
    AND (${g}.revoked_from IS NULL OR ${g}.revoked_from > :${day})
    AND ${namesOrCovers(g, h, hr)}`;
}

/**
 * Whether grant `g` is one of hospital `h`'s authorizations on the business day `:${day}`: naming
 * it or covering its region, and not ended (live or to come). The one statement of the rule: the
 * authorization service's coveringHospitals and the hospitals list's tree both write it from here.
 */
export function coversHospitalSql(g: string, h: string, hr: string, day: string): string {
  return `${g}.valid_to >= :${day} AND ${namesOrCovers(g, h, hr)}`;
}
