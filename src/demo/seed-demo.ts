import type { AppContext } from '../app-context.js';
import type { AppServices } from '../services.js';
import { demoOrganisations } from './demo-organisations.js';
import { seedApiDemo } from './seed-api-demo.js';
import { seedCitizenDemo } from './seed-citizen-demo.js';

export type Progress = (message: string) => void;

/**
 * Seeds the demo data. Idempotent: each step checks what already exists, so running it again (or
 * starting `serve --demo` twice) changes nothing.
 */
export async function seedDemo(
  context: AppContext,
  services: AppServices,
  progress: Progress,
): Promise<void> {
  let created = 0;
  for (const demo of demoOrganisations) {
    let organisation = await services.organisations.findByBusinessId(demo.businessId);
    if (!organisation) {
      organisation = await services.organisations.addOrganisation(demo);
      created += 1;
    }
    const existing = new Set(
      (await services.organisations.listServices(demo.businessId)).map((s) => s.serviceId),
    );
    for (const service of demo.services) {
      if (existing.has(service.serviceId)) continue;
      await services.organisations.addService({ ...service, businessId: demo.businessId });
    }
  }
  progress(
    created > 0
      ? `demo: created ${created} organisations with their services`
      : 'demo: organisations present',
  );
  // Citizens' accounts first: the demo messages land in their mailboxes.
  await seedCitizenDemo(context, services, progress);
  await seedApiDemo(context, services, progress);
}
