import { lazy } from 'react';
import { createAppRouter } from '@medchannel/web-shared';
import { canUse } from './nav';

// Reps open the portal on a phone in a hospital corridor: the first load carries no page and
// not even the signed-in shell; each comes as its own chunk when it is needed.
const page = {
  layout: lazy(() => import('../features/shell/AppLayout')),
  home: lazy(() => import('../features/home/HomePage')),
  orders: lazy(() => import('../features/orders/OrdersPage')),
  order: lazy(() => import('../features/orders/OrderDetailPage')),
  catalog: lazy(() => import('../features/orders/place/CatalogPage')),
  cart: lazy(() => import('../features/orders/place/CartPage')),
  review: lazy(() => import('../features/orders/place/ReviewPage')),
  notifications: lazy(() => import('../features/notifications/NotificationsPage')),
  account: lazy(() => import('../features/statements/AccountPage')),
  statement: lazy(() => import('../features/statements/StatementPage')),
  training: lazy(() => import('../features/training/TrainingPage')),
  course: lazy(() => import('../features/training/CoursePage')),
  visits: lazy(() => import('../features/visits/VisitsPage')),
  coVisit: lazy(() => import('../features/visits/CoVisitPage')),
  visitNote: lazy(() => import('../features/visits/NotePage')),
  me: lazy(() => import('../features/me/MePage')),
  company: lazy(() => import('../features/company/CompanyPage')),
};

export const router = createAppRouter({
  layout: page.layout,
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
    // 拜访: my co-visits (answer, check in), notes CC'd to me (tasks, commitments, comments), the owner's commitments.
    { path: '/visits', feature: 'visits', page: page.visits },
    { path: '/visits/co-visits/:id', feature: 'visits', page: page.coVisit },
    { path: '/visits/notes/:id', feature: 'visits', page: page.visitNote },
    { path: '/me', feature: 'me', page: page.me },
    { path: '/company', feature: 'company', page: page.company },
  ],
});
