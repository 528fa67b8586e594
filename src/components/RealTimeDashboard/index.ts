export { RealTimeDashboard } from './RealTimeDashboard';
export { RealTimeDashboardView } from './RealTimeDashboardView';
export type { RealTimeDashboardProps } from './RealTimeDashboard';
export type { RealTimeDashboardViewProps } from './RealTimeDashboardView';
