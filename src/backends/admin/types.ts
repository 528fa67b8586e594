export interface AdminUser {
  id: string;
  username: string;
  email?: string | null;
  isStaff?: boolean;
  isSuperuser?: boolean;
  [extra: string]: unknown;
}

export interface ActivityEntry {
  id: string;
  kind: 'approved' | 'rejected' | 'new_user' | 'admin_joined' | 'admin_left' | 'order_update' | 'booking';
  text: string;
  timestamp: string;
  userId?: string | null;
}

export type AdminEvent =
  | { kind: 'admin/stats'; stats: Record<string, unknown> }
  | { kind: 'admin/pendingCount'; count: number; change?: number }
  | { kind: 'admin/approval'; action: 'approved' | 'rejected'; user: AdminUser; performedBy: string | null; timestamp: string; notes: string | null }
  | { kind: 'admin/newUser'; user: AdminUser; timestamp: string }
  | { kind: 'admin/joined'; userId: string; username: string }
  | { kind: 'admin/left'; userId: string; username: string }
  | { kind: 'admin/subscribed'; channel: string }
  /** Local: the pending list from REST. */
  | { kind: 'admin/pendingUsers'; users: AdminUser[] }
  /** Local: optimistic removal after approve/reject, and its rollback. */
  | { kind: 'admin/pendingRemoved'; userId: string }
  | { kind: 'admin/pendingRestored'; user: AdminUser; index: number };

export interface AdminSlice {
  stats: Record<string, unknown> | null;
  pendingCount: number | null;
  pendingUsers: AdminUser[];
  activity: ActivityEntry[];
  /** Admins online, by id. */
  admins: Record<string, { id: string; username: string }>;
  me: AdminUser | null;
}
