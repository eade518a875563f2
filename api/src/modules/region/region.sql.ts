/** SQL for "in this region": the region itself or, for a province, any of its cities. */
export const withinRegion = (column: string, param = 'regionId') =>
  `${column} IN (SELECT wr.id FROM region wr WHERE wr.id = :${param} OR wr.parent_id = :${param})`;
