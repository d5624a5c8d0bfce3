/**
 * A Bot Framework authentication whose connector clients make each request exactly once.
 *
 * botbuilder's connector client (Azure core-rest-pipeline underneath) retries by itself: 429 after
 * its Retry-After, uncapped, and 408, 5xx and dropped connections with exponential backoff, up to
 * three times. Under the outbox dispatcher that is wrong twice over: the pacing it has worked out is
 * broken by requests it did not send, and a retry of a request that reached Teams but lost its
 * answer is a duplicate the dispatcher cannot see. So the dispatcher owns retries, and this
 * removes the pipeline's.
 *
 * None of the client's options can do it: botbuilder-stdlib's ServiceClientContext passes neither
 * `retryOptions` nor `noRetryPolicy` to the pipeline it builds (the latter is declared and ignored),
 * and `requestPolicyFactories` are overwritten by botbuilder's connector factory and sit outside the
 * retry phase anyway. So each client the factory creates has its Retry-phase policy taken out, and
 * if a future SDK moves the pipeline this fails loudly rather than quietly retrying again.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConnectorFactory, type ClaimsIdentity, type ConnectorClient } from 'botframework-connector';

export class SingleAttemptBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new SingleAttemptConnectorFactory(super.createConnectorFactory(claimsIdentity));
  }
}

class SingleAttemptConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    removeRetries(client);
    return client;
  }
}

interface PipelineHolder {
  readonly client?: { readonly pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown[] } };
}

/** Takes the Retry-phase policy (core-rest-pipeline's defaultRetryPolicy) out of the client's pipeline. */
export function removeRetries(client: ConnectorClient): void {
  // `client` is private in ServiceClientContext's typings: the one place we reach inside the SDK.
  const pipeline = (client as unknown as PipelineHolder).client?.pipeline;
  const removed = pipeline?.removePolicy({ phase: 'Retry' }) ?? [];
  if (removed.length === 0) {
    throw new Error('Could not turn off the Bot Connector client\'s own retries (the SDK\'s pipeline has changed); refusing to send without knowing how often each message goes out');
  }
}
