/**
 * The kit against the reference server in deployed mode: the college ERP's notices
 * (`Digigit24/kumsserpbackend`, PROTOCOLS.md last section): a published notice is sent with
 * `id: null` on every save, so without care each re-save would show as a new notification.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { noticesDialect, notificationsBackend } from 'react-realtime-kit';
import { clientFor } from '../helpers/clientFor';
import { until } from '../helpers/until';
import type { DjangoBackend } from './startDjangoBackend';
import { useDjangoBackend } from './useDjangoBackend';

const live = useDjangoBackend('deployed');
let backend: DjangoBackend;
beforeAll(() => void ({ backend } = live));

describe('deployed ERP notices (REFSITE_MODE=deployed)', () => {
  it('shows a notice once however often it is re-saved (id null each time); another notice is another entry', async () => {
    const { client, errors } = clientFor(backend, { token: backend.tokens.erp.customer, backends: { notifications: { path: 'erp/ws/notifications/', dialect: noticesDialect } } });
    client.subscribe(notificationsBackend);
    await until(() => client.store.getState().connections['notifications']?.status === 'open', 'open');
    const { notice_id } = await backend.control<{ notice_id: number }>('erp/notices/', { title: 'Fee deadline', message: 'Pay by Friday.' });
    const items = () => client.store.getState().notifications.items;
    await until(() => items().some((n) => n.title === 'Fee deadline'), 'the notice');
    const frames = client.stats.framesIn;
    await backend.control(`erp/notices/${notice_id}/resave/`);
    await backend.control(`erp/notices/${notice_id}/resave/`);
    await until(() => client.stats.framesIn >= frames + 2, 'both re-sends');
    await backend.control('erp/notices/', { title: 'Library closed', message: 'On Monday.' });
    await until(() => items().some((n) => n.title === 'Library closed'), 'the second notice');
    expect(items().filter((n) => n.title === 'Fee deadline')).toHaveLength(1);
    expect(items().find((n) => n.title === 'Fee deadline')).toMatchObject({ id: expect.stringMatching(/^anon:/), body: 'Pay by Friday.', kind: 'notice', data: { notice_id, priority: 'normal' } });
    expect(client.store.getState().notifications.unreadCount).toBe(2);
    expect(errors).toEqual([]);
  });
});
