import { useState } from 'react';
import { getForbund, listMembers } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { listWebhooks } from '../api/webhook-endpoints.ts';
import type { WebhookSubscription } from '../api/webhook-types.ts';
import { Page } from '../components/page.tsx';
import { isMemberRep } from '../components/permissions.ts';
import { isNotFound, Loaded } from '../components/status.tsx';
import { cyclePath, defaultYear } from '../cycle/cycle-paths.ts';
import { Link, pathOf } from '../router.tsx';
import { SubscriptionCard } from '../webhooks/subscription-card.tsx';
import { WebhookCreateForm } from '../webhooks/webhook-create-form.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * A member's integrations: the webhook subscriptions that push the förbund's events to the
 * member's finance system, with their delivery log. For the member's own representative and the
 * förbund's administrator; the API answers 404 to anyone else, and so does this page.
 */
export function IntegrationsPage({ forbundId, memberId }: { forbundId: string; memberId: string }) {
  const principal = useSession()?.principal;
  // A representative of another member learns nothing, not even that the member exists.
  if (isMemberRep(principal) && principal?.memberId !== memberId) return <NotFoundPage />;
  return <Integrations forbundId={forbundId} memberId={memberId} ownMember={isMemberRep(principal)} />;
}

function Integrations({ forbundId, memberId, ownMember }: { forbundId: string; memberId: string; ownMember: boolean }) {
  const [forbund] = useApi(`forbund:${forbundId}`, (signal) => getForbund(forbundId, signal));
  const [members] = useApi(`members:${forbundId}`, (signal) => listMembers(forbundId, signal));
  const [webhooks, reload] = useApi(`webhooks:${forbundId}:${memberId}`, (signal) =>
    listWebhooks(forbundId, memberId, signal),
  );
  // Local changes (a created, switched or rotated subscription) show at once without a reload.
  const [changed, setChanged] = useState<Record<string, WebhookSubscription>>({});
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);

  if ([forbund, webhooks].some(isNotFound)) return <NotFoundPage />;
  const memberName =
    members.status === 'ready' ? members.data.items.find((member) => member.id === memberId)?.name : undefined;
  const forbundName = forbund.status === 'ready' ? forbund.data.name : undefined;
  const title = `Integrationer – ${memberName ?? memberId}`;
  const back = ownMember
    ? { to: cyclePath(forbundId, 'medlem', defaultYear('medlem')), text: 'Tillbaka till medlemssidan' }
    : { to: pathOf('forbund', forbundId), text: `Tillbaka till ${forbundName ?? 'förbundet'}` };

  return (
    <Page title={forbundName ? `${title} – ${forbundName}` : title} heading={title}>
      <p className="no-print">
        <Link to={back.to}>{back.text}</Link>
      </p>
      <p>
        Förbundet skickar händelser – avräkningar, budgetbeslut, samråd med mera – direkt till medlemmens ekonomisystem.
        Varje anrop är signerat med prenumerationens hemlighet enligt Standard Webhooks, och misslyckade leveranser
        försöks igen i upp till 72 timmar.
      </p>

      <section className="section" aria-labelledby="prenumerationer-rubrik">
        <h2 id="prenumerationer-rubrik">Prenumerationer</h2>
        <Loaded state={webhooks} loadingText="Hämtar prenumerationerna…">
          {({ items }) =>
            items.length === 0 ? (
              <p className="empty">Medlemmen har inga prenumerationer ännu. Skapa en nedan.</p>
            ) : (
              <div className="subscriptions">
                {items.map((item) => (
                  <SubscriptionCard
                    key={item.id}
                    forbundId={forbundId}
                    memberId={memberId}
                    subscription={changed[item.id] ?? item}
                    newSecret={created?.id === item.id ? created.secret : undefined}
                    onChanged={(subscription) => setChanged((all) => ({ ...all, [subscription.id]: subscription }))}
                  />
                ))}
              </div>
            )
          }
        </Loaded>
      </section>

      <section className="section" aria-label="Ny prenumeration">
        <WebhookCreateForm
          forbundId={forbundId}
          memberId={memberId}
          onCreated={({ secret, ...subscription }) => {
            setCreated({ id: subscription.id, secret });
            setChanged({});
            reload();
          }}
        />
      </section>
    </Page>
  );
}
