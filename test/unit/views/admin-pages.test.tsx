import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AdminAllowlistBody,
  AdminCredentialCreatedBody,
  AdminCredentialsBody,
  AdminRevokeCredentialBody,
  allowlistEntries,
} from '../../../src/http/views/staff/admin-credential-pages.js';
import { adminPaths } from '../../../src/http/views/staff/admin-parts.js';
import { AdminStaffPage } from '../../../src/http/views/staff/admin-pages.js';
import {
  AdminDeactivateServiceBody,
  AdminServiceFormBody,
  AdminServicesBody,
  parseServiceForm,
  serviceFormValues,
} from '../../../src/http/views/staff/admin-service-pages.js';
import { locales } from '../../../src/i18n/i18n.js';
import { sampleAdminCredential, sampleAdminFrame, sampleAdminService } from './admin-sample.js';
import { attributeOf, pageContext, render } from './render.js';

const expected = {
  fi: {
    services: 'Palvelut',
    edit: 'Muokkaa palvelua',
    nameSv: 'Nimi ruotsiksi',
    formUrlProblem: 'Lomake 1, Lomakkeen osoite: osoitteen pitää alkaa https://.',
    credentials: 'API-tunnukset',
    created: 'Uudet API-tunnukset',
    warning: 'Salasana näytetään vain tämän kerran',
    cidr: 'Sallitut IP-osoitteet: ”10.0.0.0/33” ei ole IP-osoite',
  },
  sv: {
    services: 'Tjänster',
    edit: 'Redigera tjänst',
    nameSv: 'Namn på svenska',
    formUrlProblem: 'Blankett 1, Blankettens adress: adressen ska börja med https://.',
    credentials: 'API-koder',
    created: 'Nya API-koder',
    warning: 'Lösenordet visas endast denna gång',
    cidr: 'Tillåtna IP-adresser: ”10.0.0.0/33” är varken en IP-adress',
  },
  en: {
    services: 'Services',
    edit: 'Edit a service',
    nameSv: 'Name in Swedish',
    formUrlProblem: 'Form 1, Form address: the address must start with https://.',
    credentials: 'API credentials',
    created: 'New API credentials',
    warning: 'It is shown only this once',
    cidr: 'Allowed IP addresses: “10.0.0.0/33” is not an IP address',
  },
} as const;

/** Every error summary link points at an element of the page. */
function assertSummaryLinksResolve(html: string): void {
  const links = [...html.matchAll(/<div class="error-summary"[\s\S]*?<\/div>/g)].flatMap((m) =>
    [...m[0].matchAll(/href="#([^"]+)"/g)].map((l) => l[1]!),
  );
  assert.ok(links.length > 0, 'the summary links to fields');
  for (const id of links) assert.ok(attributeOf(html, id, 'id'), `#${id} exists`);
}

describe('organisation admin pages', () => {
  for (const locale of locales) {
    const words = expected[locale];
    const ctx = pageContext({ locale, signedIn: true });

    test(`${locale}: the services list and the service form with its error summary`, () => {
      const list = render(<AdminServicesBody ctx={ctx} services={[sampleAdminService()]} notice="added" />);
      assert.match(list, new RegExp(`<h1>${words.services}</h1>`));
      assert.match(list, /href="\/virkailija\/hallinta\/palvelut\/kallio-sosiaali"/);
      assert.match(list, /href="\/virkailija\/hallinta\/palvelut\/kallio-sosiaali\/poista-kaytosta"/);
      assert.doesNotMatch(list, /staffAdmin\./, 'no untranslated keys');

      const form = render(
        <AdminStaffPage ctx={ctx} frame={sampleAdminFrame} title="Hallinta">
          <AdminServiceFormBody
            ctx={ctx}
            mode="edit"
            values={serviceFormValues(sampleAdminService())}
            problems={[{ field: 'forms.0.url', code: 'notHttps' }]}
          />
        </AdminStaffPage>,
      );
      assert.match(form, new RegExp(`<html lang="${locale}"`));
      assert.match(form, new RegExp(`<h1>${words.edit}: Sosiaalipalvelut</h1>`));
      assert.match(form, new RegExp(`<label for="nameSv">${words.nameSv}</label>`));
      assert.ok(form.includes(words.formUrlProblem), 'the problem names the field');
      assertSummaryLinksResolve(form);
      assert.equal(attributeOf(form, 'forms-0-url', 'aria-invalid'), 'true');
      assert.match(form, /<input type="text" id="forms-1-url" name="forms\.1\.url" value\/>/, 'a blank row');
      assert.match(
        form,
        /<input type="checkbox" id="acceptsMessages" name="acceptsMessages" value="1" checked/,
      );
      assert.doesNotMatch(form, /staffAdmin\./);

      const deactivate = render(<AdminDeactivateServiceBody ctx={ctx} service={sampleAdminService()} />);
      assert.match(deactivate, /action="\/virkailija\/hallinta\/palvelut\/kallio-sosiaali\/poista-kaytosta"/);
      assert.match(deactivate, /name="_csrf" value="csrf-token"/);
    });

    test(`${locale}: credentials, the once-shown password, revoking and the allowlist form`, () => {
      const list = render(
        <AdminCredentialsBody
          ctx={ctx}
          credentials={[
            sampleAdminCredential(),
            sampleAdminCredential({ username: 'api-old', revokedAt: '2025-03-02T10:00:00.000Z' }),
          ]}
        />,
      );
      assert.match(list, new RegExp(`<h1>${words.credentials}</h1>`));
      assert.match(list, /192\.0\.2\.0\/24/);
      assert.equal((list.match(/\/peru"/g) ?? []).length, 1, 'only the unrevoked credentials can be revoked');
      assert.doesNotMatch(list, /staffAdmin\./);

      const password = 'Xy7#abcdefghijklmnopqrstuvwxyz012345';
      const created = render(
        <AdminCredentialCreatedBody
          ctx={ctx}
          created={{ username: 'api-1', password, allowedIps: ['192.0.2.0/24'] }}
        />,
      );
      assert.match(created, new RegExp(`<h1>${words.created}</h1>`));
      assert.ok(created.includes(words.warning), 'the warning says it is shown once');
      assert.equal(created.split(password).length - 1, 1, 'the password appears once');

      const revoke = render(<AdminRevokeCredentialBody ctx={ctx} credential={sampleAdminCredential()} />);
      assert.match(revoke, /action="\/virkailija\/hallinta\/tunnukset\/api-1234567-1-0a1b2c3d\/peru"/);

      const allowlist = render(
        <AdminStaffPage ctx={ctx} frame={sampleAdminFrame} title="Hallinta">
          <AdminAllowlistBody
            ctx={ctx}
            credential={sampleAdminCredential()}
            value={'192.0.2.0/24\n10.0.0.0/33'}
            problems={[{ field: 'allowedIps', code: 'invalidCidr', value: '10.0.0.0/33' }]}
          />
        </AdminStaffPage>,
      );
      assert.ok(allowlist.includes(words.cidr), 'the problem names the field and the entry');
      assertSummaryLinksResolve(allowlist);
      assert.equal(attributeOf(allowlist, 'allowedIps', 'aria-invalid'), 'true');
      assert.doesNotMatch(allowlist, /staffAdmin\./);
    });
  }

  test('a posted service form reads back as the values it showed; an allowlist splits by line', () => {
    const values = serviceFormValues(sampleAdminService());
    const body: Record<string, string> = {
      _csrf: 'x',
      serviceId: values.serviceId,
      nameFi: values.nameFi,
      nameSv: values.nameSv,
      nameEn: '',
      descriptionFi: values.descriptionFi,
      descriptionSv: '',
      descriptionEn: '',
      eServiceUrl: values.eServiceUrl,
      acceptsMessages: '1',
      'forms.0.titleFi': 'Hakemus',
      'forms.0.titleSv': 'Ansökan',
      'forms.0.titleEn': '',
      'forms.0.url': 'https://kallio.example/hakemus.pdf',
    };
    assert.deepEqual(parseServiceForm(body), values);
    assert.equal(parseServiceForm({ ...body, acceptsMessages: undefined }).acceptsMessages, false);
    assert.deepEqual(allowlistEntries(' 192.0.2.1\r\n\n10.0.0.0/8, 2001:db8::/32 '), [
      '192.0.2.1',
      '10.0.0.0/8',
      '2001:db8::/32',
    ]);
    assert.equal(adminPaths.allowlist('a b'), '/virkailija/hallinta/tunnukset/a%20b/sallitut-osoitteet');
  });
});
