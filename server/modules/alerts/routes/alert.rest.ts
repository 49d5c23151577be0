/** REST handlers of the Alerts module (see the declarations in `alert-rest-endpoints.ts`). */
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentDeadLetter, presentDeadLetterPage, presentNewSubscription, presentNotification, presentOwnedDeadLetter, presentSubscription } from '../presenters/alert.presenter.ts';
import type { AlertInboxService } from '../services/alert-inbox.service.ts';
import type { DeadLetterService } from '../services/dead-letter.service.ts';
import type { SubscriptionService } from '../services/subscription.service.ts';
import { ALERT_REST_ENDPOINTS as E } from './alert-rest-endpoints.ts';

type Body = Readonly<Record<string, string | boolean | string[] | undefined>>;

export function alertRestRoutes(router: RestRouter, alerts: { subscriptions: SubscriptionService; inbox: AlertInboxService; deadLetters: DeadLetterService }): void {
  router.handle<Body>(E.createAlertSubscription, async ({ actor, body }) =>
    presentNewSubscription(
      await alerts.subscriptions.create(actor, {
        channel: body.channel as string,
        name: body.name as string | undefined,
        url: body.url as string | undefined,
        secret: body.secret as string | undefined,
        email: body.email as string | undefined,
        digest: body.digest as boolean | undefined,
        communities: body.communities as string[] | undefined,
        collections: body.collections as string[] | undefined,
        types: body.types as string[] | undefined,
        labels: body.labels as string[] | undefined,
        maxTlp: body.max_tlp as string | undefined,
        watch: body.watch as string[] | undefined,
        majorIncidents: body.major_incidents as boolean | undefined,
      }),
    ),
  );
  router.handle(E.listAlertSubscriptions, async ({ actor }) => ({ subscriptions: (await alerts.subscriptions.list(actor)).map(presentSubscription) }));
  router.handle(E.getAlertSubscription, async ({ actor, params }) => presentSubscription(await alerts.subscriptions.get(actor, params.id!)));
  router.handle(E.removeAlertSubscription, async ({ actor, params }) => presentSubscription(await alerts.subscriptions.remove(actor, params.id!)));
  router.handle(E.listAlertNotifications, async ({ actor, query }) => ({ notifications: (await alerts.inbox.notifications(actor, query.unread === 'true')).map(presentNotification) }));
  router.handle(E.markAlertNotificationRead, async ({ actor, params }) => {
    await alerts.inbox.markRead(actor, params.id!);
    return { id: params.id!, read: true };
  });
  router.handle(E.markAllAlertNotificationsRead, async ({ actor }) => ({ read: await alerts.inbox.markAllRead(actor) }));
  router.handle(E.listAlertDeadLetters, async ({ actor }) => ({ dead_letters: (await alerts.inbox.deadLetters(actor)).map(presentDeadLetter) }));
  router.handle(E.listHubAlertDeadLetters, async ({ actor, query }) => {
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    const limit = typeof query.limit === 'number' ? query.limit : undefined;
    return presentDeadLetterPage(await alerts.deadLetters.list(actor, { owner: text(query.owner), channel: text(query.channel), cursor: text(query.cursor), limit }));
  });
  router.handle(E.retryAlertDeadLetter, async ({ actor, params }) => presentOwnedDeadLetter(await alerts.deadLetters.retry(actor, params.id!)));
  router.handle(E.discardAlertDeadLetter, async ({ actor, params }) => presentOwnedDeadLetter(await alerts.deadLetters.discard(actor, params.id!)));
}
