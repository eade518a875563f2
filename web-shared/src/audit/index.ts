// The audit trail's words and its changes' display, shared by the console's audit log and the
// portal's company trail, kept out of the first load. A screen calls addAuditStrings() (once) before it renders.
export { addAuditStrings } from './strings';
export { AuditChanges } from './AuditChanges';
