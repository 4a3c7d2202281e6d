import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { strictValidationPipe } from './http/validation';

/** What main.ts and the int specs both need, so tests drive the same app users get. */
export function configureApp(app: INestApplication): void {
  app.use(json({ limit: '256kb' }));
  app.useGlobalPipes(strictValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IASL certification engine')
      .setDescription('Intake survey → IC Map readiness assessment → reviewer scoring → board decision, every step an event.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
