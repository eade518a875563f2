/**
 * Whether grant `g` serves hospital `h` (whose region row is `hr`) on the business day named by
 * the parameter `:${day}`: live that day, and naming the hospital or covering its city or that
 * city's province. Written as array containment/overlap, so each hospital looks its grants up in
 * the GIN indexes on both arrays. The one statement of the rule: the authorization service's
 * servingDistributorIds and the hospitals list's tree (hospital-page.ts) both write it from here.
 */
export function servesHospitalSql(g: string, h: string, hr: string, day: string): string {
  return `${g}.valid_from <= :${day} AND ${g}.valid_to >= :${day}
    AND (${g}.revoked_from IS NULL OR ${g}.revoked_from > :${day})
    AND (${g}.hospital_ids @> ARRAY[${h}.id] OR ${g}.region_ids && ARRAY[${h}.region_id, ${hr}.parent_id])`;
}
