import { createAppRouter, retryingLazy } from '@medchannel/web-shared';
import { canUse } from './nav';

// Every page is its own chunk, and so is the signed-in shell: the login screen loads neither. Each
// is fetched again when the network drops it (retryingLazy); the boundaries that say a page did not
// load are in the first load (web-shared's router), and the shell, fetched on signing in, stays
// standing when a page later fails.
const page = {
  layout: retryingLazy(() => import('../features/shell/AppLayout')),
  dashboard: retryingLazy(() => import('../features/dashboard/DashboardPage')),
  distributors: retryingLazy(() => import('../features/distributors/DistributorsPage')),
  distributor: retryingLazy(() => import('../features/distributors/DistributorDetailPage')),
  expiring: retryingLazy(() => import('../features/distributors/ExpiringPage')),
  hospitals: retryingLazy(() => import('../features/hospitals/HospitalsPage')),
  hospital: retryingLazy(() => import('../features/hospitals/HospitalDetailPage')),
  compliance: retryingLazy(() => import('../features/hospitals/CompliancePage')),
  opportunities: retryingLazy(() => import('../features/opportunities/OpportunitiesPage')),
  opportunity: retryingLazy(() => import('../features/opportunities/OpportunityDetailPage')),
  trials: retryingLazy(() => import('../features/opportunities/TrialsPage')),
  quoteApprovals: retryingLazy(() => import('../features/opportunities/tenders/QuoteApprovalsPage')),
  retiers: retryingLazy(() => import('../features/distributors/scorecard/RetierReviewPage')),
  delivery: retryingLazy(() => import('../features/opportunities/delivery/DeliveryProjectsPage')),
  inventory: retryingLazy(() => import('../features/inventory/ChannelStockPage')),
  recalls: retryingLazy(() => import('../features/recalls/RecallsPage')),
  recall: retryingLazy(() => import('../features/recalls/RecallPage')),
  placements: retryingLazy(() => import('../features/placements/PlacementsPage')),
  products: retryingLazy(() => import('../features/products/ProductsPage')),
  orders: retryingLazy(() => import('../features/orders/OrdersPage')),
  order: retryingLazy(() => import('../features/orders/OrderDetailPage')),
  finance: retryingLazy(() => import('../features/finance/FinanceArea')),
  training: retryingLazy(() => import('../features/training/TrainingArea')),
  visits: retryingLazy(() => import('../features/visits/VisitsArea')),
  import: retryingLazy(() => import('../features/imports/ImportPage')),
  audit: retryingLazy(() => import('../features/audit/AuditPage')),
  notifications: retryingLazy(() => import('../features/notifications/NotificationsPage')),
  noticeSettings: retryingLazy(() => import('../features/notifications/NoticeSettingsPage')),
  people: retryingLazy(() => import('../features/people/PeoplePage')),
  mail: retryingLazy(() => import('../features/people/MailPage')),
  jobs: retryingLazy(() => import('../features/jobs/JobsPage')),
  profile: retryingLazy(() => import('../features/people/ProfilePage')),
  exits: retryingLazy(() => import('../features/exits/ExitPlansPage')),
  exit: retryingLazy(() => import('../features/exits/ExitPlanPage')),
  insights: retryingLazy(() => import('../features/insights/InsightsPage')),
};

export const router = createAppRouter({
  layout: page.layout,
  canUse,
  home: { feature: 'dashboard', page: page.dashboard },
  pages: [
    { path: '/distributors', feature: 'distributors', page: page.distributors },
    // 资质到期: what expires when, across the distributors in view
    { path: '/distributors/expiring', feature: 'distributors', page: page.expiring },
    { path: '/distributors/:id', feature: 'distributors', page: page.distributor },
    { path: '/hospitals', feature: 'hospitals', page: page.hospitals },
    { path: '/hospitals/:id', feature: 'hospitals', page: page.hospital },
    { path: '/compliance', feature: 'compliance', page: page.compliance },
    // 机会点: the pipeline with its funnel; one opportunity, its stages and its registration to decide.
    { path: '/opportunities', feature: 'opportunities', page: page.opportunities },
    { path: '/opportunities/:id', feature: 'opportunities', page: page.opportunity },
    { path: '/trials', feature: 'trials', page: page.trials },
    // 报价审批: tender quotes below the floor price waiting for the regional head's decision.
    { path: '/quote-approvals', feature: 'quoteApprovals', page: page.quoteApprovals },
    // 调级审批: re-tier proposals from the quarterly scorecards waiting for the regional head's review.
    { path: '/retiers', feature: 'retiers', page: page.retiers },
    // 交付项目: the delivery projects after a win, by status, engineer and overdue milestones.
    { path: '/delivery', feature: 'delivery', page: page.delivery },
    // 渠道库存: channel stock by batch (near expiry, at a date) and sell-out by hospital, department, product and region.
    { path: '/inventory', feature: 'inventory', page: page.inventory },
    { path: '/products', feature: 'products', page: page.products },
    { path: '/orders', feature: 'orders', page: page.orders },
    { path: '/orders/:id', feature: 'orders', page: page.order },
    // 对账: one area with a tab per path under it (receivables … ERP) and statements at /finance/statements/:id.
    { path: '/finance/*', feature: 'finance', page: page.finance },
    // 培训: courses (and the editor at /training/courses/:id), completion and readiness, a tab each.
    { path: '/training/*', feature: 'training', page: page.training },
    // 拜访: my week, notes, and for regional heads the team and disputed commitments, a tab each.
    { path: '/visits/*', feature: 'visits', page: page.visits },
    { path: '/import', feature: 'import', page: page.import },
    { path: '/audit', feature: 'audit', page: page.audit },
    // 通知: the inbox behind the header's bell, and each person's notice settings (the brand's robots for admins).
    { path: '/notifications', feature: 'notifications', page: page.notifications },
    { path: '/notifications/settings', feature: 'notifications', page: page.noticeSettings },
    // 人员: the brand's people; 邮件: what was sent (and kept, without SMTP); my profile, password and sessions.
    { path: '/people', feature: 'people', page: page.people },
    { path: '/mail', feature: 'mail', page: page.mail },
    // 任务: the job queue's last day by queue, its runs with their failures, and retry of a failed one.
    { path: '/jobs', feature: 'jobs', page: page.jobs },
    { path: '/recalls', feature: 'recalls', page: page.recalls },
    { path: '/recalls/:id', feature: 'recalls', page: page.recall },
    { path: '/profile', feature: 'profile', page: page.profile },
    // 劝退: exit plans; one plan's checklist, open orders, returns, hand-over and final statement.
    { path: '/exits', feature: 'exits', page: page.exits },
    { path: '/exits/:id', feature: 'exits', page: page.exit },
    // 投放设备: placed instruments (their history and commitment) and the stocktake campaigns.
    { path: '/placements', feature: 'placements', page: page.placements },
    // 经营看板: the brand's figures in charts (ECharts, fetched with the page's first chart), each opening its list.
    { path: '/insights', feature: 'insights', page: page.insights },
  ],
});
