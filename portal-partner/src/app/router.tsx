import { createAppRouter, retryingLazy } from '@medchannel/web-shared';
import { canUse } from './nav';

// Reps open the portal on a phone in a hospital corridor: the first load carries no page and
// not even the signed-in shell; each comes as its own chunk when it is needed, fetched again when
// the network drops it (retryingLazy). The boundaries that say a page did not load are in the first
// load (web-shared's router); the shell, fetched on signing in, stays standing when a page later fails.
const page = {
  // /login inside the app: the sign-in shell's page (a lost session, a logout)
  login: retryingLazy(() => import('./signIn/PortalLogin')),
  layout: retryingLazy(() => import('./shell/AppLayout')),
  home: retryingLazy(() => import('../features/home/HomePage')),
  orders: retryingLazy(() => import('../features/orders/OrdersPage')),
  order: retryingLazy(() => import('../features/orders/OrderDetailPage')),
  catalog: retryingLazy(() => import('../features/orders/place/CatalogPage')),
  cart: retryingLazy(() => import('../features/orders/place/CartPage')),
  review: retryingLazy(() => import('../features/orders/place/ReviewPage')),
  notifications: retryingLazy(() => import('../features/notifications/NotificationsPage')),
  audit: retryingLazy(() => import('../features/audit/AuditTrailPage')),
  account: retryingLazy(() => import('../features/statements/AccountPage')),
  statement: retryingLazy(() => import('../features/statements/StatementPage')),
  training: retryingLazy(() => import('../features/training/TrainingPage')),
  course: retryingLazy(() => import('../features/training/CoursePage')),
  visits: retryingLazy(() => import('../features/visits/VisitsPage')),
  coVisit: retryingLazy(() => import('../features/visits/CoVisitPage')),
  planCoVisit: retryingLazy(() => import('../features/visits/plan/PlanCoVisitPage')),
  visitNote: retryingLazy(() => import('../features/visits/NotePage')),
  me: retryingLazy(() => import('../features/me/MePage')),
  noticeSettings: retryingLazy(() => import('../features/me/NoticeSettingsPage')),
  company: retryingLazy(() => import('../features/company/CompanyPage')),
  compliance: retryingLazy(() => import('../features/compliance/CompliancePage')),
  security: retryingLazy(() => import('../features/me/SecurityPage')),
  team: retryingLazy(() => import('../features/team/TeamPage')),
  opportunities: retryingLazy(() => import('../features/opportunities/OpportunitiesPage')),
  newOpportunity: retryingLazy(() => import('../features/opportunities/NewOpportunityPage')),
  opportunity: retryingLazy(() => import('../features/opportunities/OpportunityPage')),
  trials: retryingLazy(() => import('../features/opportunities/MyTrialsPage')),
  inventory: retryingLazy(() => import('../features/inventory/InventoryPage')),
  sellOut: retryingLazy(() => import('../features/inventory/SellOutPage')),
  recalls: retryingLazy(() => import('../features/recalls/RecallsPage')),
  recall: retryingLazy(() => import('../features/recalls/RecallNoticePage')),
  exit: retryingLazy(() => import('../features/exit/ExitChecklistPage')),
  sellOutUpload: retryingLazy(() => import('../features/inventory/SellOutUploadPage')),
  placements: retryingLazy(() => import('../features/placements/PlacementsPage')),
  newPlacement: retryingLazy(() => import('../features/placements/NewPlacementPage')),
  placement: retryingLazy(() => import('../features/placements/PlacementDetailPage')),
  targets: retryingLazy(() => import('../features/targets/TargetsPage')),
  scorecard: retryingLazy(() => import('../features/scorecard/ScorecardPage')),
  insights: retryingLazy(() => import('../features/insights/OwnerInsightsPage')),
};

export const router = createAppRouter({
  layout: page.layout,
  login: page.login,
  canUse,
  home: { feature: 'home', page: page.home },
  pages: [
    { path: '/orders', feature: 'orders', page: page.orders },
    // Placing an order: catalog → cart (quantities, hospital) → review (prices, compliance, credit) → placed.
    { path: '/orders/new', feature: 'orders', page: page.catalog },
    { path: '/orders/cart', feature: 'orders', page: page.cart },
    { path: '/orders/review', feature: 'orders', page: page.review },
    { path: '/orders/:id', feature: 'orders', page: page.order },
    { path: '/notifications', feature: 'notifications', page: page.notifications },
    // 对账: balance and what falls due, statements (confirm, dispute), invoices, payments.
    { path: '/statements', feature: 'statements', page: page.account },
    { path: '/statements/:id', feature: 'statements', page: page.statement },
    // 培训: my courses, the published ones, certificates, the owner's team; a course read section by section, then its quiz.
    { path: '/training', feature: 'training', page: page.training },
    { path: '/training/courses/:id', feature: 'training', page: page.course },
    // 拜访: my co-visits (plan one with the channel manager, answer, check in, call off), notes CC'd to me (tasks, commitments, comments), the owner's commitments.
    { path: '/visits', feature: 'visits', page: page.visits },
    { path: '/visits/co-visits/new', feature: 'visits', page: page.planCoVisit },
    { path: '/visits/co-visits/:id', feature: 'visits', page: page.coVisit },
    { path: '/visits/notes/:id', feature: 'visits', page: page.visitNote },
    { path: '/me', feature: 'me', page: page.me },
    { path: '/me/notices', feature: 'me', page: page.noticeSettings },
    // 我的 → 账号安全 (password, sessions) and, for the owner, 团队 (invite, disable, the account switch).
    { path: '/me/security', feature: 'me', page: page.security },
    { path: '/me/team', feature: 'team', page: page.team },
    { path: '/company', feature: 'company', page: page.company },
    { path: '/compliance', feature: 'compliance', page: page.compliance },
    { path: '/audit', feature: 'audit', page: page.audit },
    // 机会点: the pipeline, a new one captured in a few taps, one opportunity (register, move its stage).
    { path: '/opportunities', feature: 'opportunities', page: page.opportunities },
    { path: '/opportunities/new', feature: 'opportunities', page: page.newOpportunity },
    { path: '/opportunities/:id', feature: 'opportunities', page: page.opportunity },
    // 库存: lots on hand and movements; 扫码出库, a sell-out to a hospital department by scanning its UDI.
    { path: '/inventory', feature: 'inventory', page: page.inventory },
    { path: '/inventory/sell-out', feature: 'inventory', page: page.sellOut },
    // 流向上传: the month's sell-out or stock file, matched, previewed and committed all or nothing.
    { path: '/inventory/upload', feature: 'inventory', page: page.sellOutUpload },
    { path: '/trials', feature: 'trials', page: page.trials },
    { path: '/recalls', feature: 'recalls', page: page.recalls },
    { path: '/recalls/:id', feature: 'recalls', page: page.recall },
    // 退出清单: the owner's exit checklist and his acknowledgement.
    { path: '/exit', feature: 'exit', page: page.exit },
    // 投放设备: the placed instruments and the stocktake task (confirm by scan and photo).
    { path: '/placements', feature: 'placements', page: page.placements },
    { path: '/placements/new', feature: 'placements', page: page.newPlacement },
    { path: '/placements/:id', feature: 'placements', page: page.placement },
    // 年度目标: the owner's targets (accept or counter a proposal) and the sell-in against them.
    { path: '/targets', feature: 'targets', page: page.targets },
    // 季度评分: the owner's scorecard of a quarter, each figure with its inputs.
    { path: '/scorecard', feature: 'scorecard', page: page.scorecard },
    // 经营概览: the owner's overdue, training readiness and open commitments, reached from the home page.
    { path: '/insights', feature: 'insights', page: page.insights },
  ],
});
