import { lazy } from 'react';
import { createAppRouter } from '@medchannel/web-shared';
import { canUse } from './nav';

// Every page is its own chunk, and so is the signed-in shell: the login screen loads neither.
const page = {
  layout: lazy(() => import('../features/shell/AppLayout')),
  dashboard: lazy(() => import('../features/dashboard/DashboardPage')),
  distributors: lazy(() => import('../features/distributors/DistributorsPage')),
  distributor: lazy(() => import('../features/distributors/DistributorDetailPage')),
  hospitals: lazy(() => import('../features/hospitals/HospitalsPage')),
  hospital: lazy(() => import('../features/hospitals/HospitalDetailPage')),
  products: lazy(() => import('../features/products/ProductsPage')),
  orders: lazy(() => import('../features/orders/OrdersPage')),
  order: lazy(() => import('../features/orders/OrderDetailPage')),
  finance: lazy(() => import('../features/finance/FinanceArea')),
  training: lazy(() => import('../features/training/TrainingArea')),
  visits: lazy(() => import('../features/visits/VisitsArea')),
  import: lazy(() => import('../features/imports/ImportPage')),
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
