/**
 * The schema's queries and mutations that no screen calls, each with the reason it is there
 * anyway. `operations-on-screens.test.ts` fails when an operation is neither in a front end's
 * `.graphql` file nor here, when an entry here is called by a screen after all, and when an
 * entry names an operation the schema no longer has. A reason says who calls it instead
 * (a REST route, the ERP, a script), or that no screen has it yet and which part brings one.
 */
export const API_ONLY_OPERATIONS: Readonly<Record<string, string>> = {
  authorizations:
    'no screen yet lists grants across distributors: the console reads them per distributor (Distributor.authorizations) and per hospital (Hospital.authorizations), the portal its own company’s; the cross-distributor list awaits its screen',
  enrollment:
    'no screen opens one enrollment by id: the training screens read them through `enrollments` and `course`; kept for API clients reading back one they assigned',
  handOverCoVisits:
    'the co-visits-only hand-over, kept for API clients that move co-visits alone; both apps’ hand-over panel (web-shared HandoverPanel) moves co-visits and tasks together through `handOverWork`',
  invoice:
    'no screen opens one invoice on its own: the finance screens read invoices through the `invoices` list; kept for API clients reading back one invoice they issued',
  trial:
    'no screen opens one trial on its own: the screens read trials through `opportunityTrials` (the opportunity page) and `trials` (the lists); kept for API clients reading back one trial they planned',
  stocktakeCampaign:
    'no screen opens one campaign by id: both apps read the campaigns with their progress through `stocktakeCampaigns`; kept for API clients reading back the campaign they opened',
  regionPotentials:
    'the per-region roll-up of hospital potential is the brand dashboard’s (part 8’s dashboards bring its screen); the console shows potential per hospital and per distributor until then',
};
