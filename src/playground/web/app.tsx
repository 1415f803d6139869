import { useCallback, useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import { buildSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { GraphiQLProvider } from '@graphiql/react';
import { DOC_EXPLORER_PLUGIN, DocExplorerStore } from '@graphiql/plugin-doc-explorer';
import { HISTORY_PLUGIN, HistoryStore } from '@graphiql/plugin-history';
import { GraphiQLInterface } from 'graphiql';
import { ConsentPanel, type SeenPerson } from './consent-panel';
import { disclosuresOf, headersOf, loadPrincipals, loadSchemaText, postGraphql, readSettings, type DevPrincipals, type Who } from './gateway-api';
import { postExplain } from './explain-request';
import { piiFieldsOf } from './pii-paths';
import { KIND_LABELS, PrincipalPanel, whoFor } from './principal-panel';
import { ResultsPanel, type Disclosures, type Run } from './results-panel';

type Fetcher = ComponentProps<typeof GraphiQLProvider>['fetcher'];

const NOBODY: Who = { kind: 'ANONYMOUS', partnerId: '', clientId: '', account: '', scopes: [], purpose: '', reference: '', traveller: '', pastedToken: '' };

const WELCOME = `# The policy playground: choose who asks on the left, pick an example or write a query, and run it.
# Below, every value the policy masked or withheld is marked with its reason, and the disclosure rows the request wrote are listed.
{
  tours(first: 3) { nodes { title region reviews(first: 2) { rating author { fullName } } } }
}
`;

function describe(who: Who, principals: DevPrincipals | null, devTokens: boolean): string {
  if (!devTokens) return who.pastedToken.trim() ? 'your token' : 'anonymous';
  const client = principals?.clients.find((c) => c.kind === who.kind && c.partnerId === who.partnerId);
  const parts = [
    KIND_LABELS[who.kind] ?? who.kind,
    client?.partnerName,
    who.scopes.length ? who.scopes.join(' ') : undefined,
    who.purpose || undefined,
    who.reference || undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** People in the response (objects with an id and a name), for the consent panel. */
function peopleIn(data: unknown, out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(data)) for (const x of data) peopleIn(x, out);
  else if (typeof data === 'object' && data !== null) {
    const o = data as Record<string, unknown>;
    if (typeof o.id === 'string' && 'fullName' in o) out.set(o.id, typeof o.fullName === 'string' ? o.fullName : '(name withheld)');
    for (const v of Object.values(o)) peopleIn(v, out);
  }
  return out;
}

export function App() {
  const settings = useMemo(readSettings, []);
  const [principals, setPrincipals] = useState<DevPrincipals | null>(null);
  const [principalsError, setPrincipalsError] = useState<string | null>(null);
  const [who, setWho] = useState<Who>(() => whoFor('ANONYMOUS', settings, null, NOBODY));
  // Without development tokens, explaining with one's own auditor token is how to see what another principal would.
  const [explain, setExplain] = useState(!settings.devTokens);
  const [run, setRun] = useState<Run | null>(null);
  const [disclosures, setDisclosures] = useState<Disclosures>({ state: 'unavailable' });
  const [consentTraveller, setConsentTraveller] = useState('');
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  const piiFields = useMemo(() => (schema ? piiFieldsOf(schema) : {}), [schema]);
  // The fetcher is created once; it reads who asks and where to report through these.
  const current = useRef({ who, principals, explain });
  current.current = { who, principals, explain };

  useEffect(() => {
    if (settings.schemaPath)
      loadSchemaText(settings.schemaPath).then(
        (sdl) => setSchema(buildSchema(sdl)),
        () => setSchema(null),
      );
  }, [settings]);

  useEffect(() => {
    if (!settings.devTokens) return;
    loadPrincipals().then(
      (p) => {
        setPrincipals(p);
        setConsentTraveller((t) => t || p.traveller || '');
      },
      (e: unknown) => setPrincipalsError(`Could not load the demo principals: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [settings]);

  const fetcher = useCallback<Fetcher>(
    async (params, opts) => {
      const { who: asking, principals: known, explain: explained } = current.current;
      const sentAt = new Date();
      const reply = explained ? await postExplain(params, asking, settings) : await postGraphql(params, { ...opts?.headers, ...(await headersOf(asking, settings)) });
      // The wire form: GraphiQL reads its plain error objects as it reads GraphQLErrors.
      const result = reply.body as unknown as ExecutionResult;
      setRun({ reply, query: params.query, operationName: params.operationName ?? null, asked: describe(asking, known, settings.devTokens), explained });
      if (settings.devTokens && reply.requestId) {
        setDisclosures({ state: 'loading' });
        disclosuresOf(reply.requestId, sentAt).then(
          (rows) => setDisclosures({ state: 'done', rows }),
          (e: unknown) => setDisclosures({ state: 'failed', error: e instanceof Error ? e.message : String(e) }),
        );
      } else setDisclosures({ state: 'unavailable' });
      return result;
    },
    [settings],
  );

  const seen: SeenPerson[] = useMemo(() => [...peopleIn(run?.reply.body.data)].map(([id, label]) => ({ id, label })), [run]);

  return (
    <GraphiQLProvider
      fetcher={fetcher}
      plugins={[DOC_EXPLORER_PLUGIN, HISTORY_PLUGIN]}
      referencePlugin={DOC_EXPLORER_PLUGIN}
      defaultQuery={WELCOME}
      shouldPersistHeaders={false}
      schema={schema}
    >
      <HistoryStore>
        <DocExplorerStore>
          <div className="app">
            <header className="topbar">
              <h1>
                QAZTRACKER <span>policy playground</span>
              </h1>
              <span className="mode">{settings.devTokens ? 'development: tokens are minted by this gateway for the demo accounts' : 'tokens are your own'}</span>
            </header>
            <aside className="side">
              <PrincipalPanel who={who} setWho={setWho} settings={settings} principals={principals} principalsError={principalsError} explain={explain} setExplain={setExplain} />
              {settings.devTokens && <ConsentPanel traveller={consentTraveller} setTraveller={setConsentTraveller} seen={seen} />}
            </aside>
            <main className="work">
              <div className="editor">
                <GraphiQLInterface defaultEditorToolsVisibility={false} />
              </div>
              <ResultsPanel run={run} disclosures={disclosures} schema={schema} piiFields={piiFields} />
            </main>
          </div>
        </DocExplorerStore>
      </HistoryStore>
    </GraphiQLProvider>
  );
}
