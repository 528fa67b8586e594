export { adminBackend, loadPendingUsers } from './adminBackend';
export { adminSlice } from './adminSlice';
export { approveUser, rejectUser } from './adminActions';
export { adminDashboardDialect, parsePendingUsers } from './adminDashboardDialect';
export { useAdminDashboard } from './useAdminDashboard';

export type { ActivityEntry, AdminEvent, AdminSlice, AdminUser } from './types';
export type { AdminCommand } from './adminDashboardDialect';
export type { AdminDashboardResult } from './useAdminDashboard';
