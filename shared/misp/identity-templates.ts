/**
 * The MISP `person` and `organization` templates as a STIX 2.1 `identity` (`identity_class` individual or
 * organization): its name, roles, description and contact information. What identifies a person officially
 * (passport, identity card, birth) is not read: those attributes are converted on their own, so kept unmapped.
 */
import { email, first, all, reads, text, type RelationValues, type TemplateDomainObject, type TemplateMapping } from './template-readers.ts';

/** Relations whose values make `contact_information`, one `relation: value` line each. */
const CONTACT = ['e-mail', 'phone-number', 'fax-number', 'address'] as const;

const contactRelations = {
  'e-mail': reads('`contact_information` (a line `e-mail: …`)', email, { many: true }),
  'phone-number': reads('`contact_information` (a line `phone-number: …`)', text, { many: true }),
  'fax-number': reads('`contact_information` (a line `fax-number: …`)', text, { many: true }),
  address: reads('`contact_information` (a line `address: …`)', text, { many: true }),
};

function identity(values: RelationValues, name: string | undefined, identityClass: string): TemplateDomainObject | undefined {
  const known = name ?? first<string>(values, 'alias');
  if (known === undefined) return undefined;
  const roles = all<string>(values, 'role');
  const description = first<string>(values, 'text');
  const contact = CONTACT.flatMap((relation) => all<string>(values, relation).map((value) => `${relation}: ${value}`));
  return {
    type: 'identity',
    properties: {
      name: known,
      identity_class: identityClass,
      ...(description !== undefined ? { description } : {}),
      ...(roles.length ? { roles } : {}),
      ...(contact.length ? { contact_information: contact.join('\n') } : {}),
    },
  };
}

/** A person's name: title, first, middle and last name, those given, in that order. */
function personName(values: RelationValues): string | undefined {
  const parts = ['title', 'first-name', 'middle-name', 'last-name'].map((relation) => first<string>(values, relation)).filter((part) => part !== undefined);
  return parts.length ? parts.join(' ') : undefined;
}

export const IDENTITY_TEMPLATES: Readonly<Record<string, TemplateMapping>> = {
  person: {
    becomes: 'identity, `identity_class: individual` (needs a name or an alias)',
    relations: {
      title: reads('`name` (title, first, middle and last name joined)', text), 'first-name': reads('`name`', text),
      'middle-name': reads('`name`', text), 'last-name': reads('`name`', text), alias: reads('`name` when there is no name', text),
      role: reads('`roles`', text, { many: true }), text: reads('`description`', text), ...contactRelations,
    },
    build: (values) => identity(values, personName(values), 'individual'),
  },
  organization: {
    becomes: 'identity, `identity_class: organization` (needs a name or an alias)',
    relations: {
      name: reads('`name`', text), alias: reads('`name` when there is no name', text), role: reads('`roles`', text, { many: true }), ...contactRelations,
    },
    build: (values) => identity(values, first<string>(values, 'name'), 'organization'),
  },
};
