// `npm run fake-server [-- --port N]`: the demo account on loopback until Ctrl-C.
import { startFakeIntervals } from './server';

export function parsePort(args: readonly string[]): number {
  const index = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index < 0) {
    return 0;
  }
  const text = args[index].includes('=') ? args[index].slice('--port='.length) : args[index + 1];
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number from 0 to 65535, got '${text ?? ''}'`);
  }
  return port;
}

async function main(): Promise<void> {
  const fake = await startFakeIntervals({ port: parsePort(process.argv.slice(2)) });
  console.log(`Fake Intervals listening on ${fake.url}`);
  console.log(`Demo token (Administrator): ${fake.tokens.admin}`);
  console.log(`Other tokens: Manager ${fake.tokens.manager}, Resource ${fake.tokens.resource}, Executive ${fake.tokens.executive}`);
  console.log(`Control endpoints: ${fake.url}__control/info  (Ctrl-C stops)`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    void fake.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
