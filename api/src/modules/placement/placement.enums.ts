/** Placed equipment (设备投放) and the yearly stocktake (盘点): the API’s enums (the front ends read the generated string unions, so they stay out of the shared first load). */

/** Where a placed instrument stands: at the hospital, or ended (returned, or replaced by another serial). */
export enum PlacementStatus {
  PLACED = 'PLACED',
  RETURNED = 'RETURNED',
}

/** Where the instrument came from: the distributor's stock (a shipment received) or a trial of the brand. */
export enum PlacementSource {
  STOCK = 'STOCK',
  TRIAL = 'TRIAL',
}

/** A reagent-volume commitment is counted per month or per year (a year: a twelfth of it each month). */
export enum CommitmentPeriod {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

/** What happened to a placement, appended to its history. */
export enum PlacementEventKind {
  PLACED = 'PLACED',
  RELOCATED = 'RELOCATED',
  REPLACED = 'REPLACED',
  RETURNED = 'RETURNED',
  /** moved to a successor distributor by an exit's hand-over (the note names the successor) */
  HANDED_OVER = 'HANDED_OVER',
}

export enum StocktakeStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/** What the distributor's person found at the hospital. */
export enum StocktakeFinding {
  /** there, where the placement says */
  FOUND = 'FOUND',
  /** there, but in another department or hospital than the placement says */
  WRONG_PLACE = 'WRONG_PLACE',
  NOT_FOUND = 'NOT_FOUND',
}

export enum InstrumentCondition {
  GOOD = 'GOOD',
  NEEDS_REPAIR = 'NEEDS_REPAIR',
  DAMAGED = 'DAMAGED',
}

/** A stocktake's discrepancy: an instrument not found or in the wrong place, or a batch counted unlike its derived stock. */
export enum StocktakeDiscrepancyKind {
  NOT_FOUND = 'NOT_FOUND',
  WRONG_PLACE = 'WRONG_PLACE',
  COUNT_DIFFERS = 'COUNT_DIFFERS',
}
