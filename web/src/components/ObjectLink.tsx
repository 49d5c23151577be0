/** A link to an object's page: its name (in its own direction), else its id. */
import type { ObjectSummary } from '../api/types.ts';
import { Link } from '../router.tsx';
import { UserText } from './UserText.tsx';

export function objectPath(collection: string, id: string): string {
  return `/collections/${encodeURIComponent(collection)}/objects/${encodeURIComponent(id)}`;
}

export function ObjectLink({ object }: { object: Pick<ObjectSummary, 'id' | 'name' | 'collection'> }) {
  return <Link to={objectPath(object.collection, object.id)}>{object.name ? <UserText text={object.name} /> : <code dir="ltr">{object.id}</code>}</Link>;
}
