import { useGraphiQL } from '@graphiql/react';
import { isClient, type DevClient, type DevPrincipals, type Settings, type Who } from './gateway-api';
import { EXAMPLES } from './examples';

export const KIND_LABELS: Readonly<Record<string, string>> = {
  ANONYMOUS: 'Anonymous',
  USER: 'Traveller',
  PARTNER: 'Partner client',
  PAYMENT_PROVIDER: 'Payment provider',
  SUPPORT: 'Support agent',
  MODERATOR: 'Moderator',
  ADMIN: 'Administrator',
  ANALYST: 'Analyst',
  AUDITOR: 'Auditor',
  AUTHORITY: 'Authority',
};

/** The principal as the panel first shows it: with the kind's first client, all its scopes and its default purpose. */
export function whoFor(kind: string, settings: Settings, principals: DevPrincipals | null, prev: Who): Who {
  const client = isClient(kind) ? principals?.clients.find((c) => c.kind === kind) : undefined;
  return {
    ...prev,
    kind,
    partnerId: client?.partnerId ?? '',
    clientId: client?.clientId ?? '',
    scopes: client?.scopes ?? [],
    purpose: settings.purposes[kind]?.[0] ?? '',
    reference: '',
    account: principals?.staffAccounts[kind] ?? '',
    traveller: prev.traveller || principals?.traveller || '',
  };
}

interface Props {
  who: Who;
  setWho: (w: Who) => void;
  settings: Settings;
  principals: DevPrincipals | null;
  principalsError: string | null;
  explain: boolean;
  setExplain: (on: boolean) => void;
}

function ClientPicker({ who, setWho, clients }: { who: Who; setWho: (w: Who) => void; clients: DevClient[] }) {
  const client = clients.find((c) => c.partnerId === who.partnerId);
  const toggle = (scope: string) => setWho({ ...who, scopes: who.scopes.includes(scope) ? who.scopes.filter((s) => s !== scope) : [...who.scopes, scope] });
  return (
    <>
      <label>
        {who.kind === 'PARTNER' ? 'Partner' : 'Provider'}
        <select
          name="partner"
          value={who.partnerId}
          onChange={(e) => {
            const next = clients.find((c) => c.partnerId === e.target.value);
            setWho({ ...who, partnerId: e.target.value, clientId: next?.clientId ?? '', scopes: next?.scopes ?? [] });
          }}
        >
          {clients.map((c) => (
            <option key={c.clientId} value={c.partnerId}>
              {c.partnerName} · {c.clientId}
              {c.country === 'KZ' ? '' : ` · ${c.country}`}
            </option>
          ))}
        </select>
      </label>
      {client && (
        <fieldset className="scopes">
          <legend>Scopes of the token</legend>
          {client.scopes.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" name="scope" value={s} checked={who.scopes.includes(s)} onChange={() => toggle(s)} /> {s}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

// Without the development list: the client typed, its scopes as a list (uncontrolled, so spaces survive typing).
function TypedClient({ who, setWho }: { who: Who; setWho: (w: Who) => void }) {
  return (
    <>
      <label>
        Client id
        <input name="clientId" value={who.clientId} placeholder="e.g. demo-operator-08" onChange={(e) => setWho({ ...who, clientId: e.target.value })} />
      </label>
      <label>
        Scopes of the token
        <input
          key={who.kind}
          name="scopes"
          defaultValue={who.scopes.join(' ')}
          placeholder="blank: all of the client's"
          onChange={(e) => setWho({ ...who, scopes: e.target.value.split(/[\s,]+/).filter(Boolean) })}
        />
      </label>
    </>
  );
}

function ModeSwitch({ explain, setExplain, devTokens }: { explain: boolean; setExplain: (on: boolean) => void; devTokens: boolean }) {
  return (
    <fieldset className="mode-switch">
      <legend>Run</legend>
      <label className="check">
        <input type="radio" name="mode" value="run" checked={!explain} onChange={() => setExplain(false)} />
        {devTokens ? ' with a token of this principal' : ' with my token'}
      </label>
      <label className="check">
        <input type="radio" name="mode" value="explain" checked={explain} onChange={() => setExplain(true)} />
        {' explain as this principal: decisions only, no values'}
      </label>
    </fieldset>
  );
}

function Examples({ kind }: { kind: string }) {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const examples = EXAMPLES[kind] ?? [];
  if (!examples.length) return null;
  return (
    <div className="examples">
      <h3>Examples</h3>
      {examples.map((x) => (
        <button key={x.label} type="button" className="example" onClick={() => queryEditor?.setValue(x.query)}>
          {x.label}
        </button>
      ))}
    </div>
  );
}

/** Who asks: principal kind, client and scopes, purpose and reference (minted in development, or explained as); else a pasted token. */
export function PrincipalPanel({ who, setWho, settings, principals, principalsError, explain, setExplain }: Props) {
  const choose = settings.devTokens || explain;
  const purposes = choose ? (settings.purposes[who.kind] ?? []) : [...new Set(Object.values(settings.purposes).flat())];
  const needsRef = settings.referencePurposes.includes(who.purpose);
  const refs = principals?.references.filter((r) => r.kind === who.kind && r.purpose === who.purpose) ?? [];
  const staffMissing = (kind: string) => principals !== null && !isClient(kind) && !['ANONYMOUS', 'USER'].includes(kind) && !principals.staffKinds.includes(kind);
  const staff = !isClient(who.kind) && !['ANONYMOUS', 'USER'].includes(who.kind);
  return (
    <section className="panel who" aria-label="Who asks">
      <h2>Who asks</h2>
      <ModeSwitch explain={explain} setExplain={setExplain} devTokens={settings.devTokens} />
      {choose && (
        <>
          <label>
            Principal
            <select name="kind" value={who.kind} onChange={(e) => setWho(whoFor(e.target.value, settings, principals, who))}>
              {Object.keys(settings.purposes).map((k) => (
                <option key={k} value={k} disabled={staffMissing(k)}>
                  {KIND_LABELS[k] ?? k}
                  {staffMissing(k) ? ' (no account)' : ''}
                </option>
              ))}
            </select>
          </label>
          {principalsError && <p className="error">{principalsError}</p>}
          {isClient(who.kind) &&
            (principals ? <ClientPicker who={who} setWho={setWho} clients={principals.clients.filter((c) => c.kind === who.kind)} /> : <TypedClient who={who} setWho={setWho} />)}
          {who.kind === 'USER' && (
            <label>
              Traveller id
              <input name="traveller" value={who.traveller} onChange={(e) => setWho({ ...who, traveller: e.target.value.trim() })} />
            </label>
          )}
          {explain && staff && (
            <label>
              Account id
              <input name="account" value={who.account} onChange={(e) => setWho({ ...who, account: e.target.value.trim() })} />
            </label>
          )}
          {settings.devTokens && !explain && (
            <p className="hint">
              Tokens are minted by this gateway for the seeded account or client, as <code>npm run token</code> does.
            </p>
          )}
        </>
      )}
      {(explain || !settings.devTokens) && (
        <label>
          {explain ? 'Your token (auditor or administrator)' : 'Bearer token'}
          <textarea
            name="token"
            rows={3}
            value={who.pastedToken}
            placeholder={settings.devTokens ? 'Blank: the demo auditor' : 'Paste an access token'}
            onChange={(e) => setWho({ ...who, pastedToken: e.target.value })}
          />
        </label>
      )}
      {purposes.length > 0 && (
        <label>
          Purpose <span className="header-name">X-Purpose</span>
          <select name="purpose" value={who.purpose} onChange={(e) => setWho({ ...who, purpose: e.target.value, reference: '' })}>
            {!settings.devTokens && <option value="">{explain ? '(default)' : '(none)'}</option>}
            {purposes.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
      {(needsRef || who.reference) && (
        <label>
          Reference <span className="header-name">X-Purpose-Ref</span>
          <input
            name="reference"
            list="references"
            value={who.reference}
            placeholder="ticket, case or request number"
            onChange={(e) => setWho({ ...who, reference: e.target.value })}
          />
          <datalist id="references">
            {refs.map((r) => (
              <option key={r.reference} value={r.reference} />
            ))}
          </datalist>
          {refs.length > 0 && <span className="hint">Held by this account: {refs.map((r) => r.reference).join(', ')}</span>}
        </label>
      )}
      <Examples kind={who.kind} />
    </section>
  );
}
