import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ManagerPermission } from '../auth/session';

export type Area = 'seller' | 'admin';

export interface ConsoleRoute {
  /** Under /console/<area>/; '' is the area's landing page. */
  path: string;
  area: Area;
  /** The navigation link's text and accessible name (Korean; tests and screen readers rely on it). */
  label: string;
  /** What a manager needs from the seller it acts for; absent: any seller, manager or admin of the area. */
  permission?: ManagerPermission;
  /** Left out of the navigation (a detail page reached from a list). */
  hidden?: boolean;
  page: LazyExoticComponent<ComponentType>;
}

/**
 * Every screen of the console, one line each: the router and the navigation are built from this
 * list. Screens load lazily (their own chunk), so the sign-in page stays small.
 */
export const consoleRoutes: ConsoleRoute[] = [
  { area: 'seller', path: '', label: '대시보드', page: lazy(() => import('../pages/seller/DashboardPage')) },
  {
    area: 'seller',
    path: 'products',
    label: '상품 등록',
    permission: 'PRODUCTS',
    page: lazy(() => import('../pages/seller/ProductsPage')),
  },
  {
    area: 'seller',
    path: 'products/new',
    label: '새 상품 등록',
    permission: 'PRODUCTS',
    hidden: true,
    page: lazy(() => import('../pages/seller/ProductNewPage')),
  },
  {
    area: 'seller',
    path: 'products/:id',
    label: '상품 상세',
    permission: 'PRODUCTS',
    hidden: true,
    page: lazy(() => import('../pages/seller/ProductDetailPage')),
  },
  {
    area: 'seller',
    path: 'orders',
    label: '주문 관리',
    permission: 'ORDERS',
    page: lazy(() => import('../pages/seller/OrdersPage')),
  },
  {
    area: 'seller',
    path: 'shipments',
    label: '발송 처리',
    permission: 'ORDERS',
    page: lazy(() => import('../pages/seller/ShipmentsPage')),
  },
  {
    area: 'seller',
    path: 'returns',
    label: '반품 관리',
    permission: 'ORDERS',
    page: lazy(() => import('../pages/seller/ReturnsPage')),
  },
  {
    area: 'seller',
    path: 'settlements',
    label: '정산 내역',
    permission: 'SETTLEMENTS_READ',
    page: lazy(() => import('../pages/seller/SettlementsPage')),
  },
  {
    area: 'seller',
    path: 'chat',
    label: '채팅',
    permission: 'CHAT',
    page: lazy(() => import('../pages/seller/ChatPage')),
  },
  { area: 'admin', path: '', label: '관리 홈', page: lazy(() => import('../pages/admin/AdminHomePage')) },
  { area: 'admin', path: 'users', label: '회원 관리', page: lazy(() => import('../pages/admin/UsersPage')) },
  {
    area: 'admin',
    path: 'orders',
    label: '주문 조회',
    page: lazy(() => import('../pages/admin/OrdersPage')),
  },
  {
    area: 'admin',
    path: 'orders/:orderNumber',
    label: '주문 상세',
    hidden: true,
    page: lazy(() => import('../pages/admin/OrderDetailPage')),
  },
  {
    area: 'admin',
    path: 'dead-letters',
    label: '실패 작업',
    page: lazy(() => import('../pages/admin/DeadLettersPage')),
  },
  {
    area: 'admin',
    path: 'settlement-runs',
    label: '정산 실행',
    page: lazy(() => import('../pages/admin/SettlementRunsPage')),
  },
  {
    area: 'admin',
    path: 'notifications',
    label: '알림 발송 기록',
    page: lazy(() => import('../pages/admin/NotificationsPage')),
  },
  { area: 'admin', path: 'kpi', label: 'KPI', page: lazy(() => import('../pages/admin/KpiPage')) },
];

/** The address of a route inside the console (the router's basename is /console). */
export const hrefOf = (route: Pick<ConsoleRoute, 'area' | 'path'>) =>
  `/${route.area}${route.path ? `/${route.path}` : ''}`;

export const routeAt = (area: Area, path: string) =>
  consoleRoutes.find((route) => route.area === area && route.path === path)!;
