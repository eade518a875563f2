/** Recalls (召回): a brand recalls a batch or a serial of a product from the channel. */

/** 一级/二级/三级召回, as the medical-device recall rules grade them (I: the gravest). */
export enum RecallSeverity {
  CLASS_I = 'CLASS_I',
  CLASS_II = 'CLASS_II',
  CLASS_III = 'CLASS_III',
}

/** OPEN while the brand reaches its recipients; CLOSED keeps its reach and acknowledgements as they were. */
export enum RecallStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
