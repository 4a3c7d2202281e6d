import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/** The HTTP floor: a bare NestJS (Express) app whose one endpoint does nothing. Started by http.ts from dist/. */
@Controller()
class NoopController {
  @Get('noop')
  noop(): void {}
}

@Module({ controllers: [NoopController] })
class BareModule {}

async function main() {
  const port = Number(process.argv[2]);
  const app = await NestFactory.create(BareModule, { logger: false });
  app.enableShutdownHooks();
  await app.listen(port, '127.0.0.1');
  process.send?.({ listening: port });
}

main().catch((err) => {
  process.stderr.write(`bare server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
