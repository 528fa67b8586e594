// Names that are Object.prototype members arrive as a server's words (a notification type, a
// stats key): the components label them as words, never as prototype members.
import { notificationKindInfo } from '../../src/components/NotificationBell/notificationKind';
import { statLabel } from '../../src/components/RealTimeDashboard/StatsTiles';

const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('prototype member names as data', () => {
  it.each(names)('a notification type %s is labelled as the word it is', (name) => {
    const info = notificationKindInfo(name);
    expect(info.key).toBe('other');
    expect(typeof info.label).toBe('string');
    expect(info.label.toLowerCase()).toBe(name.replace(/[_-]+/g, ' ').trim().toLowerCase());
  });

  it.each(names)('a stats key %s is labelled as the word it is', (name) => {
    const label = statLabel(name);
    expect(typeof label).toBe('string');
    expect(label.toLowerCase()).toBe(name.replace(/[_-]+/g, ' ').trim().toLowerCase());
  });

  it('known words keep their labels', () => {
    expect(notificationKindInfo('booking').key).toBe('booking');
    expect(statLabel('pending_users')).toBe('Pending');
  });
});
