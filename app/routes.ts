import { index, route, type RouteConfig } from '@react-router/dev/routes'

export default [
  index('routes/_marketing/index.tsx'),
  route('login', 'routes/_auth/login.tsx'),
  route('signup', 'routes/_auth/signup.tsx'),
  route('logout', 'routes/_auth/logout.tsx'),
  route('preferences', 'routes/preferences.tsx'),
  route('settings', 'routes/settings/index.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('exporter', 'routes/exporter/dashboard.tsx'),
  route('buyer', 'routes/buyer/dashboard.tsx'),
  route('organizer', 'routes/organizer/dashboard.tsx'),
  route('admin', 'routes/admin/index.tsx'),
  route('catalog', 'routes/catalog/index.tsx'),
  route('catalog/:productId', 'routes/catalog/product.tsx'),
  route('exporters/:slug', 'routes/exporters/profile.tsx'),
  route('inquiries', 'routes/inquiries/index.tsx'),
  route('inquiries/:inquiryId', 'routes/inquiries/thread.tsx'),
  route('notifications', 'routes/notifications/index.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
