/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `browser` runs the simulator inside the page (static build). */
  readonly VITE_BACKEND?: string;
  /** Socket base of your backend, e.g. ws://localhost:8000. */
  readonly VITE_WS_URL?: string;
  /** REST base of your backend, e.g. http://localhost:8000. */
  readonly VITE_API_URL?: string;
  /** The customer's token. */
  readonly VITE_TOKEN?: string;
  /** The second chat user's token. */
  readonly VITE_PEER_TOKEN?: string;
  /** A staff user's token for the admin view. */
  readonly VITE_ADMIN_TOKEN?: string;
  /** The chat view's second person's token (the ERP chat over SSE + REST: a DRF key). */
  readonly VITE_CLASSMATE_TOKEN?: string;
  /** The chat view's first person's user id on the ERP chat (a UUID). */
  readonly VITE_CHAT_USER_ID?: string;
  /** The chat view's second person's user id on the ERP chat (a UUID). */
  readonly VITE_CHAT_PEER_ID?: string;
}
