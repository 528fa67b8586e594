/** REST routes the kit calls. `{id}` is replaced by the (URI-encoded) id. */
export interface RestPaths {
  /** Timing: list every order (admin). @default '/api/admin/orders' */
  timingOrders?: string;
  /** Timing: one order's status, for customer tracking. @default '/api/orders/{id}/status' */
  timingOrderStatus?: string;
  /** Timing: change an order's status (admin, PUT `{status}`). @default '/api/admin/orders/{id}/status' */
  timingUpdateStatus?: string;
  /** Admin dashboard: users awaiting approval. @default '/api/v1/admin-dashboard/approvals/pending/' */
  adminPending?: string;
  /** Admin dashboard: approve a user (POST). @default '/api/v1/admin-dashboard/users/{id}/approve/' */
  adminApprove?: string;
  /** Admin dashboard: reject a user (POST). @default '/api/v1/admin-dashboard/users/{id}/reject/' */
  adminReject?: string;
}

export const restPathDefaults: Required<RestPaths> = {
  timingOrders: '/api/admin/orders',
  timingOrderStatus: '/api/orders/{id}/status',
  timingUpdateStatus: '/api/admin/orders/{id}/status',
  adminPending: '/api/v1/admin-dashboard/approvals/pending/',
  adminApprove: '/api/v1/admin-dashboard/users/{id}/approve/',
  adminReject: '/api/v1/admin-dashboard/users/{id}/reject/',
};

export function fillPath(template: string, id: string | number): string {
  return template.replace('{id}', encodeURIComponent(String(id)));
}
