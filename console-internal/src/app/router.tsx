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
  hospitals: retryingLazy(() => import('../features/hospitals/HospitalsPage')),
  hospital: retryingLazy(() => import('../features/hospitals/HospitalDetailPage')),
  products: retryingLazy(() => import('../features/products/ProductsPage')),
  orders: retryingLazy(() => import('../features/orders/OrdersPage')),
  order: retryingLazy(() => import('../features/orders/OrderDetailPage')),
  finance: retryingLazy(() => import('../features/finance/FinanceArea')),
  training: retryingLazy(() => import('../features/training/TrainingArea')),
  visits: retryingLazy(() => import('../features/visits/VisitsArea')),
  import: retryingLazy(() => import('../features/imports/ImportPage')),
};

export const router = createAppRouter({
  layout: page.layout,
  canUse,
  home: { feature: 'dashboard', page: page.dashboard },
  pages: [
    { path: '/distributors', feature: 'distributors', page: page.distributors },
    { path: '/distributors/:id', feature: 'distributors', page: page.distributor },
    { path: '/hospitals', feature: 'hospitals', page: page.hospitals },
    { path: '/hospitals/:id', feature: 'hospitals', page: page.hospital },
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
  ],
});
