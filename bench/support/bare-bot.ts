/**
 * The baseline for the submit benchmark: a bare botbuilder bot, as Microsoft's samples write one
 * (restify, CloudAdapter, ConfigurationBotFrameworkAuthentication from the environment), with the
 * same token checks as the product, answering every Action.Execute with a fixed card and doing
 * nothing else. What it costs is what botbuilder and HTTP cost; the product's time above it is ours.
 */
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler, type TurnContext, type InvokeResponse } from 'botbuilder';

const CARD = {
  type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.4',
  body: [{ type: 'TextBlock', text: 'Thank you: your figures are stored.', wrap: true }],
};

class BareBot extends ActivityHandler {
  protected override async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD } };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(process.env as Record<string, string>));
const bot = new BareBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'listening', port: (server.address() as { port: number }).port }));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
