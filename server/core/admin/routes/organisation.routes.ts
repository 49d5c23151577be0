/** REST handlers of organisations: list, add (administrators), get by id or name; the countries, named in a language. */
import type { OrganisationService } from '../../organisations/organisation.service.ts';
import type { RestRouter } from '../../rest/rest-router.ts';
import { presentOrganisation } from '../presenters/organisation.presenter.ts';
import { ADMIN_ENDPOINTS as E } from './admin-endpoints.ts';

interface NewOrganisationBody {
  [field: string]: string | undefined;
  name: string;
  type: string;
}

/** Registers the organisation endpoints on `router`. */
export function organisationRoutes(router: RestRouter, organisations: OrganisationService): void {
  router.handle(E.listOrganisations, async ({ actor }) => ({ organisations: (await organisations.list(actor)).map(presentOrganisation) }));

  router.handle<NewOrganisationBody>(E.addOrganisation, async ({ actor, body }) => {
    const { name, type, subtype, country, sector, identity } = body;
    return presentOrganisation(await organisations.add(actor, { name, type, subtype, country, sector, identity }));
  });

  router.handle(E.getOrganisation, async ({ actor, params }) => presentOrganisation(await organisations.find(actor, params.id!)));

  router.handle(E.listCountries, async ({ query }) => ({ countries: organisations.countries((query.lang as string | undefined) ?? 'en') }));
}
