import { BRAND_ROLES, PARTNER_ROLES, Role } from './roles.js';

/*
 * Who may do what, written once. The API's @Authorized lines, the console's and the portal's menus
 * and buttons, and the isolation matrix's expected allow-lists all read this table; no other file
 * lists roles (api/test/capabilities.test.ts keeps it so). A capability is named domain.verb; the
 * front ends' menus are named by app (console.*, portal.*). Which records a role reaches is the
 * scope's business (api/src/auth/scope.ts), not this table's.
 */

const { ADMIN, REGIONAL_HEAD, CHANNEL_MANAGER, ORDER_DESK, FINANCE, TRAINER, ENGINEER, OWNER } = Role;

const BRAND = BRAND_ROLES;
const PARTNER = PARTNER_ROLES;
const EVERYONE = [...BRAND_ROLES, ...PARTNER_ROLES];
/** Channel staff: they sign up distributors and hospitals and grant what a distributor may sell. */
const CHANNEL = [ADMIN, REGIONAL_HEAD, CHANNEL_MANAGER];
/** The brand's people in the field, who plan co-visits and write visit notes. */
const VISITORS = [ADMIN, REGIONAL_HEAD, CHANNEL_MANAGER, ENGINEER];
/** Those over the field: a regional head (and the admin). */
const HEADS = [ADMIN, REGIONAL_HEAD];
const DESK = [ADMIN, ORDER_DESK];
/** Finance keeps the accounts (and the admin may). */
const ACCOUNTS = [ADMIN, FINANCE];
const TRAINING_EDITORS = [ADMIN, TRAINER];

export const CAPABILITIES = {
  // people
  'user.list': [...VISITORS, OWNER],
  'user.grantFinanceAccess': [OWNER],
  /** The brand's people: invite, change role and regions, disable and re-enable (console, Users). */
  'people.manage': [ADMIN],
  /** Invite a distributor's owner once it is temporarily authorized (its channel manager or an admin). */
  'distributor.inviteOwner': [ADMIN, CHANNEL_MANAGER],
  /** A distributor's people in the console: disable and enable them, hand a disabled one's open work on. */
  'distributor.managePeople': [ADMIN, CHANNEL_MANAGER],
  /** An owner's team in the portal: invite reps, disable one who left, hand his work to another. */
  'team.manage': [OWNER],
  /** The e-mail the API sent (and, without an SMTP server, kept): the brand's admins. */
  'mail.read': [ADMIN],
  /** The job queue's runs, failures and retries (console, 任务): the brand's admins. */
  'jobs.read': [ADMIN],
  /** Put a failed job back in its queue. */
  'jobs.retry': [ADMIN],

  // distributors and hospitals
  'distributor.manage': CHANNEL,
  'distributor.assignManager': HEADS,
  'distributor.setCredit': ACCOUNTS,
  /** 账期: the days an invoice or a shipment's receivable falls due after; those who set the limit set them. */
  'distributor.setPaymentTerms': ACCOUNTS,
  'distributor.readAssessments': BRAND,
  'distributor.assess': CHANNEL,
  /** 我的公司 in the portal: documents, people and the second tier are the owner's. */
  'company.manage': [OWNER],
  'qualification.upload': [...CHANNEL, OWNER],
  /** The owner proposes a renewal of one of his company's documents (new number, dates, scan). */
  'qualification.proposeRenewal': [OWNER],
  /** Approve or reject an owner's proposed renewal: those of the brand who renew documents themselves. */
  'qualification.approveRenewal': CHANNEL,
  'authorization.grant': CHANNEL,
  'authorization.revoke': HEADS,
  'hospital.edit': CHANNEL,
  'hospital.readContacts': BRAND,
  /** Notes on a hospital and who reported serving it. */
  'hospital.intel': BRAND,

  // catalogue
  'product.create': [ADMIN],
  /** A product's own facts and its registration certificate's renewal (console, 产品). */
  'product.edit': [ADMIN],
  'product.setPrice': ACCOUNTS,
  'product.readPrices': BRAND,

  // orders
  'order.place': PARTNER,
  'order.readCredit': [...BRAND, OWNER],
  /** Approve or reject; the order desk's moves on an order (price adjustments included). */
  'order.approve': DESK,
  'order.ship': DESK,
  'order.close': DESK,
  'order.cancel': [...DESK, ...PARTNER],
  'order.confirmDelivery': [...DESK, ...PARTNER],

  // finance
  /** Invoices, payments, receivables, statements: each within the viewer's scope. */
  'finance.read': EVERYONE,
  'finance.readRegions': BRAND,
  /** Issue invoices, record payments, generate statements, answer disputes. */
  'finance.keepAccounts': ACCOUNTS,
  'statement.answer': [OWNER],
  'statement.listDisputes': [...ACCOUNTS, REGIONAL_HEAD],
  /** The ERP exchange's settings, events and delivery log. */
  'erp.read': ACCOUNTS,
  'erp.configure': [ADMIN],

  // spreadsheet import, per kind
  'import.hospitals': CHANNEL,
  'import.distributors': CHANNEL,
  'import.payments': ACCOUNTS,
  'import.invoices': ACCOUNTS,
  'import.prices': ACCOUNTS,

  // training
  'training.read': EVERYONE,
  /** Write, publish and archive courses, their material files, products' certification needs. */
  'training.edit': TRAINING_EDITORS,
  'training.assign': [...TRAINING_EDITORS, REGIONAL_HEAD],
  'training.take': PARTNER,
  'training.report': BRAND,
  /** The team's readiness tab in the portal. */
  'training.seeTeam': [OWNER],

  // visits
  /** Propose a co-visit and move it along (slots, decline, cancel, check in, complete). */
  'coVisit.plan': [...VISITORS, ...PARTNER],
  'coVisit.team': HEADS,
  'visit.writeNote': VISITORS,
  'commitment.inbox': [OWNER],
  'commitment.answer': [OWNER],
  /** The disputed commitments and settling them. */
  'commitment.resolve': HEADS,

  // opportunities and their registration
  /** The pipeline: opportunities in scope, one opportunity, the funnel. */
  'opportunity.read': [...CHANNEL, ENGINEER, ...PARTNER],
  /** Capture an opportunity and move it through its stages. */
  'opportunity.edit': [...CHANNEL, ...PARTNER],
  /** Register (报备) the own distributor's opportunity with the brand. */
  'opportunity.register': PARTNER,
  /** Approve or reject a registration: the distributor's channel manager, or an admin. */
  'opportunity.approve': [ADMIN, CHANNEL_MANAGER],
  /** How long an approved registration protects. */
  'opportunity.configure': [ADMIN],
  /** Trials (试用) of the opportunities in scope, and their agreement's file. */
  'trial.read': [...CHANNEL, ENGINEER, ...PARTNER],
  /** Plan, deliver, extend, return or cancel a trial of an opportunity in scope; upload its agreement. */
  'trial.manage': [...CHANNEL, ...PARTNER],

  // tenders and their bid quotes
  /** A tender is read wherever its opportunity is. */
  'tender.read': [...CHANNEL, ENGINEER, ...PARTNER],
  /** Create a tender, quote its products, submit the bid, record the result: the distributor's people and channel staff. */
  'tender.manage': [...CHANNEL, ...PARTNER],
  /** Approve or reject a bid quote below the floor price: the distributor's regional head, or an admin. */
  'tender.approveQuote': HEADS,
  /** Issue a tender's authorization letter (授权书) to its distributor: the brand's channel staff. */
  'tender.issueLetter': CHANNEL,

  // pre-sales work and delivery projects
  /** The pre-sales work logged against an opportunity, with its hours. */
  'presales.read': [...CHANNEL, ENGINEER],
  /** Log pre-sales work (demos, technical support) and reverse a wrong entry: the brand's engineers. */
  'presales.log': [ENGINEER, ADMIN],
  /** A won opportunity's delivery project and its milestones (a distributor reads its own, read-only). */
  'delivery.read': [...CHANNEL, ENGINEER, ...PARTNER],
  /** Create a delivery project, assign its engineer, plan and complete milestones, upload their files. */
  'delivery.manage': [ENGINEER, ADMIN, CHANNEL_MANAGER],

  // channel inventory and sell-out (流向)
  /** A distributor's stock and movements, sell-out by hospital: the distributor's people their own, the brand's in scope. */
  'stock.read': [...CHANNEL, ORDER_DESK, FINANCE, ...PARTNER],
  /** Receive a shipment, sell out to a hospital, transfer to a second tier, take a return, adjust, reverse: the distributor's people. */
  'stock.record': PARTNER,
  /** Recalls of a batch or serial: the brand's in scope, a distributor's those that reach it (its own part). */
  'recall.read': [...CHANNEL, ORDER_DESK, ...PARTNER],
  /** Issues and closes a recall. */
  'recall.manage': HEADS,
  /** A reached distributor's person acknowledges the recall for it. */
  'recall.acknowledge': PARTNER,

  // placed equipment (设备投放) and the yearly stocktake (盘点)
  /** Placed instruments, their history and commitment against sell-out: the distributor's people their own, the brand's in scope. */
  'placement.read': [...CHANNEL, ENGINEER, ORDER_DESK, ...PARTNER],
  /** Place an instrument at a hospital department, relocate, replace or return it. */
  'placement.manage': [...CHANNEL, ...PARTNER],
  /** Stocktake campaigns, their progress and discrepancies. */
  'stocktake.read': [...CHANNEL, ENGINEER, ...PARTNER],
  /** Open and close a stocktake campaign. */
  'stocktake.manage': HEADS,
  /** Confirm a placed instrument (scan, photo, condition) and count the own stock by batch. */
  'stocktake.confirm': PARTNER,

  // the audit trail
  /** Read the audit trail in scope: an admin the brand's, a regional head his regions', an owner his company's. */
  'audit.read': [...HEADS, OWNER],
  // notices
  /** The group robots (WeCom, DingTalk) of the brand (admins) or of the owner's distributor. */
  'notice.configureRobots': [ADMIN, OWNER],

  // the console's screens (`console.<screen>`: its menu and routes, app/nav.tsx); the API enforces the same lines per
  // operation, the menu only spares people pages they could not use. Order desk and finance run orders and
  // statements, not the field work; trainers run training; engineers go where the hospitals are.
  'console.dashboard': BRAND,
  'console.distributors': [...CHANNEL, ORDER_DESK, FINANCE, TRAINER],
  'console.hospitals': [...CHANNEL, ENGINEER],
  /** The compliance question on a screen of its own (the API answers any signed-in user, in scope). */
  'console.compliance': BRAND,
  /** The catalogue (registrations, list and tier prices): reference for every brand role. */
  'console.products': BRAND,
  'console.orders': [...CHANNEL, ORDER_DESK, FINANCE],
  /** Finance keeps the accounts; the regional head and the order desk read receivables of their regions. */
  'console.finance': [ADMIN, REGIONAL_HEAD, ORDER_DESK, FINANCE],
  'console.training': [...CHANNEL, TRAINER],
  /** The API's visitors plan and write; a trainer reads her calendar and the notes she is CC'd on. */
  'console.visits': [...VISITORS, TRAINER],
  /** Spreadsheet import: hospitals and distributors for channel staff, payments and invoices from the ERP for finance. */
  'console.import': [...CHANNEL, FINANCE],
  /** The audit trail: the admin the brand's, a regional head his regions' (the API's scope decides which rows). */
  'console.audit': HEADS,
  /** 机会点: the channel staff's pipeline and the registrations they decide; engineers read it. */
  'console.opportunities': [...CHANNEL, ENGINEER],
  /** 试用: the trials of the opportunities in view, overdue ones flagged. */
  'console.trials': [...CHANNEL, ENGINEER],
  /** The queue of bid quotes below the floor price waiting for approval. */
  'console.quoteApprovals': HEADS,
  /** 交付项目: won opportunities' delivery, for the channel staff and the engineers who do it. */
  'console.delivery': [...CHANNEL, ENGINEER],
  /** Channel stock and sell-out (流向) by hospital, department, product and region. */
  'console.inventory': [...CHANNEL, ORDER_DESK, FINANCE],
  /** Recalls and their reach with acknowledgements. */
  'console.recalls': [...CHANNEL, ORDER_DESK],
  /** The inbox behind the header's bell, and the notice settings. */
  'console.notifications': BRAND,
  /** The Users page: the admin manages the brand's people, a regional head reads his team. */
  'console.people': HEADS,
  /** Everyone's own password and sessions, reached from the header. */
  'console.profile': BRAND,
  /** The mail the API sent (kept and readable without an SMTP server). */
  'console.mail': [ADMIN],
  /** 任务: the job queue's counts, runs and failures (the page reads with jobs.read, retries with jobs.retry). */
  'console.jobs': [ADMIN],
  /** The top bar's search across hospitals, distributors, orders, notes and people (each kind: search.ts). */
  'console.search': BRAND,
  /** Placed instruments and the stocktake campaigns. */
  'console.placements': [...CHANNEL, ENGINEER, ORDER_DESK],

  // the portal's screens (`portal.<screen>`: its tabs, links from 我的 and the home page, routes; app/nav.tsx). Reps sell,
  // train and visit; the account (对账) is the owner's, and a rep's once the owner allows it.
  'portal.home': PARTNER,
  'portal.orders': PARTNER,
  /** A rep without the owner's leave (User.financeAccess) is told whom to ask, on the page itself. */
  'portal.statements': PARTNER,
  'portal.training': PARTNER,
  'portal.visits': PARTNER,
  'portal.me': PARTNER,
  /** 我的公司, reached from 我的 and the home page. */
  'portal.company': PARTNER,
  /** The compliance question for the own distributor. */
  'portal.compliance': PARTNER,
  'portal.notifications': PARTNER,
  /** 变更记录: the owner's trail of the company's records, reached from 我的公司. */
  'portal.audit': [OWNER],
  'portal.opportunities': PARTNER,
  /** The own stock, receipts and sell-out by scanning a UDI. */
  'portal.inventory': PARTNER,
  /** 我的试用: the trials the viewer planned or of his opportunities. */
  'portal.trials': PARTNER,
  /** 团队: the owner's people. */
  'portal.team': [OWNER],
  /** Recall notices that reach the own distributor, and their acknowledgement. */
  'portal.recalls': PARTNER,
  /** 劝退: exit plans, their returns, hand-over and final statement (the owner: his own) */
  'exit.read': [...CHANNEL, FINANCE, OWNER],
  /** Start an exit plan, decide its open orders, record its returns, hand over to the successor: those over the field */
  'exit.manage': HEADS,
  /** The exit's final statement: finance settles the account */
  'exit.settle': ACCOUNTS,
  /** The owner acknowledges his exit checklist */
  'exit.acknowledge': [OWNER],
  /** 劝退: exit plans, for the channel staff who run them and finance who settles them. */
  'console.exits': [...CHANNEL, FINANCE],
  /** 退出清单: the owner's exit checklist, reached from 我的 while his company has an exit plan. */
  'portal.exit': [OWNER],
  /** The own placed instruments and the stocktake task. */
  'portal.placements': PARTNER,

  // potential and targets (渠道精耕)
  /** A hospital department's potential per product line and its roll-ups (per distributor, per region). */
  'potential.read': [...CHANNEL, ENGINEER],
  /** Edit a department's potential assumptions (each edit a new version): channel staff. */
  'potential.edit': CHANNEL,
  /** A distributor's yearly and quarterly targets per product line, with progress from sell-in. */
  'target.read': [...CHANNEL, OWNER],
  /** Propose a target from potential × share, or agree to an owner's counter. */
  'target.propose': CHANNEL,
  /** Accept a proposed target or counter it with a reason: the distributor's owner. */
  'target.respond': [OWNER],
  /** 年度目标: the owner's targets. */
  'portal.targets': [OWNER],
  /** 经营看板: coverage, funnel, sell-in and sell-out, aging and readiness in charts, each drilling down to its list. */
  'console.insights': CHANNEL,
  /** The owner's dashboard: overdue, training readiness, open commitments. */
  'portal.insights': [OWNER],
  /** The quarters' rebates (返利) of the agreed targets, computed from sell-in, with what is posted. */
  'rebate.read': [...CHANNEL, FINANCE],
  /** Set a product line's rebate bands (each change a new version): the brand's finance. */
  'rebate.setPolicy': ACCOUNTS,
  /** Approve a quarter's rebate: posts it (or the difference since the last approval) to the ledger. */
  'rebate.approve': ACCOUNTS,

  // scorecards and re-tiering
  /** A distributor's quarterly scorecard with how each figure was computed (the owner: his own). */
  'scorecard.read': [...CHANNEL, OWNER],
  /** The figures' weights and the re-tier thresholds (each change a new version). */
  'scorecard.setWeights': [ADMIN],
  /** Propose a re-tier from a quarter's score. */
  'retier.propose': CHANNEL,
  /** Approve (from a date) or reject a re-tier proposal: the distributor's regional head, or an admin. */
  'retier.review': HEADS,
  /** The list of re-tier proposals waiting for review. */
  'console.retiers': HEADS,
  /** 季度评分: the owner's quarterly scorecard and how each figure was computed. */
  'portal.scorecard': [OWNER],
} as const satisfies Record<string, readonly Role[]>;

/** A name in the table; a misspelt one does not compile. */
export type Capability = keyof typeof CAPABILITIES;

export const ALL_CAPABILITIES = Object.keys(CAPABILITIES) as Capability[];

/** The roles that have a capability. */
export function rolesFor(cap: Capability): readonly Role[] {
  return CAPABILITIES[cap];
}

/** The roles that have at least one of the capabilities. */
export function rolesForAny(caps: readonly Capability[]): Role[] {
  return [...new Set(caps.flatMap((cap) => CAPABILITIES[cap]))];
}

/** An app's screens: the `<app>.<screen>` names of the table. */
export type ScreenOf<App extends 'console' | 'portal'> = Capability extends infer C
  ? C extends `${App}.${infer Screen}`
    ? Screen
    : never
  : never;

/** Whether a role may open one of an app's screens: the capability `<app>.<screen>`. */
export function canOpen<App extends 'console' | 'portal'>(
  role: Role | string,
  app: App,
  screen: ScreenOf<App>,
): boolean {
  return can(role, `${app}.${screen}` as Capability);
}

/** Whether a role has a capability (a front end's user.role is a plain string). */
export function can(role: Role | string, cap: Capability): boolean {
  return (CAPABILITIES[cap] as readonly string[]).includes(role);
}
