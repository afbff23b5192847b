import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Action } from './access/can';
import { bestMatch, type Params } from './router/match';

/** One page of the console. Its module (pages/…) is loaded when first shown (its own chunk). */
export interface AppRoute {
  /** Under /app: `/kos/:id` (`:name` is one segment, read with useParams). These URLs are the contract of issue 10. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** The sidebar label (`nav.*`), for the pages the sidebar lists; the others are reached by links. */
  nav?: string;
  /** What the caller must be allowed (useCan) to see the page and its sidebar entry. */
  can?: Action;
  /** Where a caller who may not see the page goes instead (a KOS member's home is /me), else a "not for your role" page. */
  otherwise?: string;
}

/** Every page, in sidebar order. The most specific pattern wins (`/kos/new` over `/kos/:id`). */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', page: lazy(() => import('./pages/dashboard')), nav: 'nav.dashboard', can: 'dashboard.view', otherwise: '/me' },
  { path: '/me', page: lazy(() => import('./pages/me')), nav: 'nav.me', can: 'me.view' },
  { path: '/me/scorecard', page: lazy(() => import('./pages/my-scorecard')), can: 'me.view' },
  { path: '/me/contests', page: lazy(() => import('./pages/my-contests')), can: 'me.view' },
  { path: '/me/training', page: lazy(() => import('./pages/my-training')), can: 'me.view' },
  { path: '/me/training/:id', page: lazy(() => import('./pages/my-training-enrolment')), can: 'me.view' },
  { path: '/me/links', page: lazy(() => import('./pages/my-links')), can: 'me.view' },
  { path: '/me/earnings', page: lazy(() => import('./pages/my-earnings')), can: 'me.view' },
  { path: '/me/accounts', page: lazy(() => import('./pages/my-accounts')), can: 'me.view' },
  { path: '/me/bio', page: lazy(() => import('./pages/my-bio')), can: 'me.view' },
  { path: '/me/sessions', page: lazy(() => import('./pages/my-sessions')), can: 'me.view' },
  { path: '/kos', page: lazy(() => import('./pages/kos-roster')), nav: 'nav.kos', can: 'kos.view' },
  { path: '/kos/new', page: lazy(() => import('./pages/kos-new')), can: 'kos.create' },
  { path: '/kos/:id', page: lazy(() => import('./pages/kos-profile')), can: 'kos.view' },
  { path: '/kos/:id/onboarding', page: lazy(() => import('./pages/kos-onboarding')), can: 'kos.view' },
  { path: '/kos/:id/training', page: lazy(() => import('./pages/kos-training')), can: 'training.view' },
  {
    path: '/kos/:id/scorecard',
    page: lazy(() => import('./pages/kos-scorecard')),
    can: 'kos.view',
    otherwise: '/me/scorecard',
  },
  { path: '/matrix', page: lazy(() => import('./pages/matrix')), nav: 'nav.matrix', can: 'matrix.view' },
  { path: '/links', page: lazy(() => import('./pages/links')), nav: 'nav.links', can: 'links.view' },
  { path: '/livestreams', page: lazy(() => import('./pages/livestreams')), nav: 'nav.livestreams', can: 'livestreams.view' },
  { path: '/livestreams/:id', page: lazy(() => import('./pages/livestream')), can: 'livestreams.view' },
  { path: '/livestreams/:id/run-sheet', page: lazy(() => import('./pages/run-sheet')), can: 'livestreams.read' },
  { path: '/livestreams/:id/live', page: lazy(() => import('./pages/live-room')), can: 'livestreams.read' },
  { path: '/recruitment', page: lazy(() => import('./pages/recruitment')), nav: 'nav.recruitment', can: 'recruitment.view' },
  { path: '/recruitment/drives/:id', page: lazy(() => import('./pages/recruitment-drive')), can: 'recruitment.view' },
  {
    path: '/recruitment/applications/:id',
    page: lazy(() => import('./pages/recruitment-application')),
    can: 'recruitment.view',
  },
  { path: '/imports', page: lazy(() => import('./pages/imports')), nav: 'nav.imports', can: 'imports.view' },
  { path: '/imports/mappings', page: lazy(() => import('./pages/import-mappings')), can: 'imports.view' },
  { path: '/imports/mappings/new', page: lazy(() => import('./pages/import-mapping')), can: 'imports.create' },
  { path: '/imports/mappings/:id', page: lazy(() => import('./pages/import-mapping')), can: 'imports.view' },
  { path: '/lines', page: lazy(() => import('./pages/lines')), nav: 'nav.lines', can: 'lines.view' },
  { path: '/plans', page: lazy(() => import('./pages/plans')), nav: 'nav.plans', can: 'plans.view' },
  { path: '/ledger', page: lazy(() => import('./pages/ledger')), nav: 'nav.ledger', can: 'ledger.view' },
  { path: '/payouts', page: lazy(() => import('./pages/payouts')), nav: 'nav.payouts', can: 'payouts.view' },
  {
    path: '/training',
    page: lazy(() => import('./pages/training')),
    nav: 'nav.training',
    can: 'training.view',
    otherwise: '/me/training',
  },
  { path: '/training/courses/new', page: lazy(() => import('./pages/training-course')), can: 'training.edit' },
  { path: '/training/courses/:id', page: lazy(() => import('./pages/training-course')), can: 'training.view' },
  { path: '/training/enrolments/:id', page: lazy(() => import('./pages/training-enrolment')), can: 'training.view' },
  {
    path: '/contests',
    page: lazy(() => import('./pages/contests')),
    nav: 'nav.contests',
    can: 'contests.view',
    otherwise: '/me/contests',
  },
  { path: '/contests/:id', page: lazy(() => import('./pages/contest')), can: 'contests.read' },
  { path: '/advisor', page: lazy(() => import('./pages/advisor')), nav: 'nav.advisor', can: 'advisor.view' },
  { path: '/tiers', page: lazy(() => import('./pages/tiers')), nav: 'nav.tiers', can: 'tiers.view' },
  { path: '/products', page: lazy(() => import('./pages/products')), nav: 'nav.products', can: 'products.view' },
  { path: '/units', page: lazy(() => import('./pages/units')), nav: 'nav.units', can: 'units.view' },
  { path: '/settings', page: lazy(() => import('./pages/settings')), nav: 'nav.settings', can: 'settings.view' },
];

/** The page shown for a console path (no match: the not-found page). */
export const findRoute = (path: string): { route: AppRoute; params: Params } | null => bestMatch(ROUTES, path);
