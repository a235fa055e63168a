import type { AppContext } from '../app-context.js';
import type { AppServices } from '../services.js';
import type { Progress } from './seed-demo.js';

/** The seed's example person, who already uses the account in the demo. */
export const demoAccountHolder = '270570-901K';

/**
 * Demo citizens' accounts. Idempotent. Kimmo Mäkinen gets an active mailbox (e-mail from the register,
 * e-mail reminders on), opened the same way a person opens one, so he also has the welcome message.
 * Maija Meikäläinen deliberately gets nothing: she is the newcomer who opens her account in the demo.
 */
export async function seedCitizenDemo(
  context: AppContext,
  services: AppServices,
  progress: Progress,
): Promise<void> {
  const accounts = services.accounts.accounts;
  if (await accounts.accountOf(demoAccountHolder)) return;
  const person = await context.populationRegister.findByIdentityCode(demoAccountHolder);
  if (!person) {
    progress('demo: Kimmo Mäkinen is not in the population register, so he gets no demo account');
    return;
  }
  const result = await accounts.open(person.identityCode, {
    email: person.email ?? '',
    emailNotifications: person.email !== null,
    mobile: '',
    smsNotifications: false,
    acceptTerms: true,
    language: person.language,
  });
  if (result.kind !== 'opened') throw new Error(`demo account could not be opened: ${result.kind}`);
  progress('demo: opened the e-services account of Kimmo Mäkinen');
}
