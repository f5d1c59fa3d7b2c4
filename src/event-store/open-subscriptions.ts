import { Subscription } from './event-store.port';

/** The subscriptions an adapter has open, so closing the store closes them first. */
export class OpenSubscriptions {
  private readonly open = new Set<Subscription>();

  track(subscription: Subscription): Subscription {
    this.open.add(subscription);
    void subscription.done.finally(() => this.open.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((s) => s.close()));
  }
}
