/**
 * The Gateway's pages by address (below /ui/gateway): search, a record, proposing one, correcting one, the
 * moderation queue, likely duplicates, the gaps by country on a map, the agreements network, a country's needs matched with assistance. The Gateway is a chunk of its own, fetched when one of its pages is
 * first opened (`App.tsx`): its record types carry the GCA framework they take pillar and indicator ids from.
 */
import type { ReactNode } from 'react';
import { match } from '../../router.tsx';
import { CorrectPage } from './correct/CorrectPage.tsx';
import { DuplicatesPage } from './duplicates/DuplicatesPage.tsx';
import { GapsPage } from './gaps/GapsPage.tsx';
import { MatchingPage } from './matching/MatchingPage.tsx';
import { ModerationPage } from './moderation/ModerationPage.tsx';
import { NetworkPage } from './network/NetworkPage.tsx';
import { ProposePage } from './propose/ProposePage.tsx';
import { RecordPage } from './record/RecordPage.tsx';
import { SearchPage } from './search/SearchPage.tsx';
import { GatewayNamesProvider } from './useGatewayNames.ts';

/** The page of `path`, or `notFound` when it is no Gateway page. */
export default function GatewayPages({ path, query, notFound }: { path: string; query: URLSearchParams; notFound: ReactNode }) {
  return <GatewayNamesProvider>{pageOf(path, query) ?? notFound}</GatewayNamesProvider>;
}

function pageOf(path: string, query: URLSearchParams): ReactNode {
  let params: Record<string, string> | undefined;
  if (path === '/gateway') return <SearchPage query={query} />;
  if (path === '/gateway/propose') return <ProposePage type={query.get('type') ?? undefined} />;
  if (path === '/gateway/moderation') return <ModerationPage offset={Math.max(0, Number(query.get('offset')) || 0)} />;
  if (path === '/gateway/gaps') return <GapsPage query={query} />;
  if (path === '/gateway/network') return <NetworkPage query={query} />;
  if (path === '/gateway/matching') return <MatchingPage query={query} />;
  if (path === '/gateway/duplicates') return <DuplicatesPage query={query} />;
  if ((params = match('/gateway/records/:id', path))) return <RecordPage key={params.id} id={params.id!} sent={query.get('sent') ?? undefined} />;
  if ((params = match('/gateway/records/:id/correct', path))) return <CorrectPage key={params.id} id={params.id!} />;
  return null;
}
