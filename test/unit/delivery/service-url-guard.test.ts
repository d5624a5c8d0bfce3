import { ServiceUrlGuard, ServiceUrlNotAllowedError } from '../../../src/delivery/service-url-guard';
import { ServiceUrlPolicy } from '../../../src/bot/service-url-policy';
import { describeSendFailure } from '../../../src/delivery/send-failure';
import { decideOutcome, DEFAULT_RETRY_POLICY } from '../../../src/delivery/delivery-outcome';
import type { Messenger } from '../../../src/bot/messenger';

describe('the dispatcher sends only to the Bot Connector', () => {
  const calls: string[] = [];
  const inner: Messenger = {
    createConversation: async (target) => (calls.push(target.serviceUrl), { conversationId: 'c', activityId: 'a' }),
    send: async (address) => (calls.push(address.serviceUrl), { conversationId: 'c', activityId: 'a' }),
    update: async (address) => void calls.push(address.serviceUrl),
  };
  const guard = new ServiceUrlGuard(inner, new ServiceUrlPolicy(['smba.trafficmanager.net']));

  it('passes an address on the Bot Connector through', async () => {
    await guard.send({ serviceUrl: 'https://smba.trafficmanager.net/uk/', conversationId: 'c', tenantId: null }, { type: 'message' });
    expect(calls).toEqual(['https://smba.trafficmanager.net/uk/']);
  });

  it('refuses any other address without calling it, as a request Teams would never accept', async () => {
    await expect(guard.createConversation({ serviceUrl: 'https://evil.example/', tenantId: null, teamsUserId: '29:x' }, {})).rejects.toBeInstanceOf(ServiceUrlNotAllowedError);
    await expect(guard.update({ serviceUrl: 'http://smba.trafficmanager.net/', conversationId: 'c', tenantId: null }, 'a', {})).rejects.toThrow(/not a Bot Connector address/);
    expect(calls).toHaveLength(1);
    const failure = describeSendFailure(new ServiceUrlNotAllowedError('https://evil.example/'));
    expect(failure).toMatchObject({ status: 400, code: 'ServiceUrlNotAllowed' });
    expect(decideOutcome(failure, 1, { ...DEFAULT_RETRY_POLICY, maxAttempts: 6 }, new Date('2026-11-17T10:00:00Z'), () => 0.5)).toMatchObject({ kind: 'dead' });
  });
});
