import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

export interface ConnectedOrganisation {
  name: string;
  services: string[];
}

export function StartPage(props: { ctx: PageContext; organisations: ConnectedOrganisation[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('start.title')}>
      <h1>{t('start.title')}</h1>
      <p>{t('start.intro')}</p>
      <p>{t('start.stop')}</p>
      <p>{t('start.safe')}</p>
      <div class="card-row">
        <section class="card" aria-labelledby="register-heading">
          <h2 id="register-heading">{t('start.register')}</h2>
          <p>
            <a class="button" href="/login">
              {t('start.openAccount')}
            </a>
          </p>
        </section>
        <section class="card" aria-labelledby="login-heading">
          <h2 id="login-heading">{t('start.loginLater')}</h2>
          <p>
            <a class="button button--secondary" href="/login">
              {t('start.login')}
            </a>
          </p>
        </section>
      </div>
      {props.organisations.length > 0 && (
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">{t('start.servicesTitle')}</h2>
          <p>{t('start.servicesIntro')}</p>
          <ul>
            {props.organisations.map((organisation) => (
              <li>
                {organisation.name}
                {organisation.services.length > 0 && (
                  <ul>
                    {organisation.services.map((service) => (
                      <li>{service}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
