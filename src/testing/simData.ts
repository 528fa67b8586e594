/** Fixed vocabularies the simulated world draws from. */

/** The boosting shop's status values, as its server spells them (`Droped` sic). */
export const BOOST_STATUSES = ['New', 'Droped', 'Extend', 'Done', 'Continue'] as const;
export type BoostStatus = (typeof BOOST_STATUSES)[number];

export const RANKS = ['Iron', 'Bronze', 'Silver', 'Gold', 'Platinum', 'Diamond', 'Master'] as const;

export const BOOSTERS = [
  { id: 456, username: 'pro_booster' },
  { id: 457, username: 'rank_wizard' },
  { id: 458, username: 'climb_queen' },
] as const;

/** Timing statuses in timeline order, `cancelled` last. */
export const TIMING_STATUSES = ['pending', 'preparing', 'ready', 'completed', 'cancelled'] as const;
export type TimingStatusName = (typeof TIMING_STATUSES)[number];

/** The Thai menu (prices in baht). */
export const MENU = [
  { menu_name: 'Pad Thai', price: 120 },
  { menu_name: 'Green Curry', price: 150 },
  { menu_name: 'Tom Yum Goong', price: 180 },
  { menu_name: 'Som Tam', price: 90 },
  { menu_name: 'Massaman Curry', price: 160 },
  { menu_name: 'Khao Pad', price: 110 },
  { menu_name: 'Mango Sticky Rice', price: 100 },
  { menu_name: 'Thai Iced Tea', price: 60 },
] as const;

export const CUSTOMERS = ['Somchai P.', 'Niran K.', 'Malee S.', 'Anong T.', 'Kittisak W.', 'Pim R.', 'Alex M.', 'Jordan L.'];

/** SmartHunt's notification types (toasts: booking → success, message → info, maintenance → warning). */
export const NOTIFICATION_TYPES = ['booking', 'message', 'maintenance', 'other'] as const;

export const NOTIFICATION_TEXT: Record<(typeof NOTIFICATION_TYPES)[number], { title: string; body: string }[]> = {
  booking: [
    { title: 'Booking confirmed', body: 'Your viewing at Riverside Loft is confirmed.' },
    { title: 'New booking request', body: 'A tenant asked to book Garden Studio.' },
  ],
  message: [
    { title: 'New message', body: 'Sam sent you a message.' },
    { title: 'New message', body: 'Priya replied to your question.' },
  ],
  maintenance: [
    { title: 'Maintenance scheduled', body: 'Plumbing check on Friday, 9:00–11:00.' },
    { title: 'Maintenance update', body: 'The lift repair is finished.' },
  ],
  other: [
    { title: 'Welcome', body: 'Thanks for joining.' },
    { title: 'Profile reminder', body: 'Add a phone number to your profile.' },
  ],
};

export const PROPERTIES = [
  { id: 11, title: 'Riverside Loft' },
  { id: 12, title: 'Garden Studio' },
  { id: 13, title: 'Old Town Flat' },
] as const;

export const BOOKING_STEPS = [
  { action: 'created', status: 'pending' },
  { action: 'confirmed', status: 'confirmed' },
  { action: 'cancelled', status: 'cancelled' },
  { action: 'completed', status: 'completed' },
] as const;

/** What bot peers answer, picked with the seeded random. */
export const BOT_REPLIES = [
  'Got it, thanks!',
  'On my way.',
  'Can we talk at 3?',
  'Sounds good 👍',
  'Let me check and get back to you.',
  'Sure, send me the notes.',
];

/** What bot peers say unprompted, in the scenario. */
export const BOT_OPENERS = ['Hi! Are you free today?', 'Did you see the new notice?', 'The lab moved to room 204.', 'Reminder: assignment due Friday.'];

export const NOTICES = [
  { title: 'Exam schedule published', message: 'Mid-term exams start on the 14th.' },
  { title: 'Library hours', message: 'The library closes at 18:00 this week.' },
  { title: 'Holiday', message: 'Campus is closed on Monday.' },
];

export const FIRST_NAMES = ['Ava', 'Ben', 'Chen', 'Dara', 'Eli', 'Farah', 'Gus', 'Hana', 'Ivan', 'June', 'Kofi', 'Lena'];
export const LAST_NAMES = ['Khan', 'Lopez', 'Meyer', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi'];

/** Simulated admins who "join" and "leave" the admin dashboard in the scenario. */
export const FAKE_ADMINS = [
  { id: 'c3a1e5f2-7b4d-4e8a-9f10-2d6b8c4e1a93', username: 'ops_maria' },
  { id: 'd4b2f6a3-8c5e-4f9b-a021-3e7c9d5f2b04', username: 'ops_kenji' },
] as const;
