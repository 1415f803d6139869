import { useEffect, useState } from 'react';
import { consentsOf, setConsent, type ConsentState } from './gateway-api';

export interface SeenPerson {
  id: string;
  label: string;
}

interface Props {
  traveller: string;
  setTraveller: (id: string) => void;
  seen: readonly SeenPerson[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A demo traveller's consents, read and changed as that traveller (grantConsent / withdrawConsent), so the next run shows the effect. */
export function ConsentPanel({ traveller, setTraveller, seen }: Props) {
  const [consents, setConsents] = useState<ConsentState[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (id: string) => {
    setNote(null);
    setConsents(null);
    if (!id) return;
    try {
      setConsents(await consentsOf(id));
    } catch (e) {
      setNote(message(e));
    }
  };
  useEffect(() => {
    void load(traveller);
  }, [traveller]);

  const toggle = async (c: ConsentState) => {
    setBusy(true);
    try {
      const refused = await setConsent(traveller, c.purpose, !c.granted);
      await load(traveller);
      setNote(refused ?? `${c.purpose} ${c.granted ? 'withdrawn' : 'granted'}: run the query again to see the effect.`);
    } catch (e) {
      setNote(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel consents" aria-label="Traveller's consents">
      <h2>
        Traveller’s consents <span className="tag">demo data</span>
      </h2>
      <label>
        Traveller
        <input name="consent-traveller" list="seen-travellers" value={traveller} placeholder="a traveller's id" onChange={(e) => setTraveller(e.target.value.trim())} />
        <datalist id="seen-travellers">
          {seen.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </datalist>
      </label>
      {seen.length > 0 && <p className="hint">Pick someone from the last response ({seen.length} there), or paste an id.</p>}
      {consents && (
        <ul className="consent-list">
          {consents.map((c) => (
            <li key={c.purpose}>
              <label className="check">
                <input type="checkbox" checked={c.granted} disabled={busy} onChange={() => void toggle(c)} /> {c.purpose}
              </label>
            </li>
          ))}
        </ul>
      )}
      {note && <p className="note">{note}</p>}
    </section>
  );
}
