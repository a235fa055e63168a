import type { AppContext } from '../app-context.js';
import type { AppServices } from '../services.js';
import { seedDemoOrganisations } from './demo-catalogue.js';
import { seedApiDemo } from './seed-api-demo.js';
import { seedCitizenDemo } from './seed-citizen-demo.js';
import { seedStaffDemo } from './seed-staff-demo.js';

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
  const created = await seedDemoOrganisations(services);
  progress(
    created > 0
      ? `demo: created ${created} organisations with their services`
      : 'demo: organisations present',
  );
  // Citizens' accounts first: the demo messages land in their mailboxes.
  await seedCitizenDemo(context, services, progress);
  await seedApiDemo(context, services, progress);
  await seedStaffDemo(services, progress);
}
