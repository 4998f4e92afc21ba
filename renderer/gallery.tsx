import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { isLang } from '../shared/i18n';
import type { CustodyFact } from '../shared/domain/custody';
import type { BoxKind } from '../shared/domain/venue';
import { isClientError } from './api';
import { createClient, pickTransport, type StationClient } from './api/client';
import { AppShell } from './app/AppShell';
import { ElectionProvider } from './app/election-context';
import { LangProvider, useT } from './app/i18n';
import { BallotEntry, type EnteredBallot, type EntryOffice } from './widgets/BallotEntry';
import { CertificateInput, type DeskAnswer } from './widgets/CertificateInput';
import { CustodySteps, type CustodyStepRequest } from './widgets/CustodySteps';
import { TallyMarks } from './widgets/TallyMarks';
import './styles/base.css';
import './styles/app.css';
import './styles/widgets.css';

/**
 * The widget gallery: every tricky widget with fixed props and no backend, for component tests and for looking at.
 * ?lang=en switches the language; ?view=shell shows the app frame of a drill election; ?view=ballot12 a long section;
 * ?view=client a probe of the API client, ?view=desk the desk alone.
 */

const params = new URLSearchParams(window.location.search);
const langParam = params.get('lang');
const view = params.get('view') ?? 'widgets';

export const NINE_CANDIDATES: EntryOffice[] = [
  { id: 'chair', title: '主任', seats: 1, candidates: [{ id: 'c1', name: '王秀兰' }, { id: 'c2', name: '刘建华' }] },
  { id: 'vice', title: '副主任', seats: 1, candidates: [{ id: 'v1', name: '孙丽' }, { id: 'v2', name: '李明' }] },
  {
    id: 'members',
    title: '委员',
    seats: 3,
    candidates: [
      { id: 'm1', name: '丁伟' },
      { id: 'm2', name: '马红梅' },
      { id: 'm3', name: '朱国强' },
      { id: 'm4', name: '张敏' },
      { id: 'm5', name: '陈静' },
    ],
  },
];

const SURNAMES = '丁马王毛方石田冯朱刘孙李杨吴何张陈';
const TWELVE: EntryOffice[] = [
  {
    id: 'members',
    title: '委员',
    seats: 7,
    candidates: Array.from({ length: 12 }, (_, i) => ({ id: `m${i + 1}`, name: `${SURNAMES[i]}${'一二三四五六七八九十'[i % 10]}` })),
  },
];

function BallotDemo({ offices }: { offices: EntryOffice[] }) {
  const [entered, setEntered] = useState<EnteredBallot[]>([]);
  return (
    <>
      <BallotEntry offices={offices} onSubmit={(b) => setEntered((xs) => [...xs, b])} />
      <p>
        已录入 <output data-testid="ballot-count">{entered.length}</output> 张
      </p>
      <pre className="demo-output" data-testid="ballot-output">
        {entered.map((b) => JSON.stringify(b)).join('\n')}
      </pre>
    </>
  );
}

function CustodyDemo({ kind, label }: { kind: BoxKind; label: string }) {
  const [events, setEvents] = useState<(CustodyFact & { seals?: string[] })[]>([]);
  const [log, setLog] = useState<CustodyStepRequest[]>([]);
  const seals = {
    empty: events.find((e) => e.step === 'sealed-empty')?.seals ?? [],
    closed: events.find((e) => e.step === 'sealed-closed')?.seals ?? [],
  };
  const onStep = (r: CustodyStepRequest) => {
    setLog((xs) => [...xs, r]);
    const fact: CustodyFact & { seals?: string[] } = { step: r.step };
    if (r.seals) fact.seals = r.seals;
    if (r.step === 'seal-checked') fact.flagged = r.intact === false;
    setEvents((xs) => [...xs, fact]);
  };
  return (
    <div data-testid={`custody-demo-${kind}`}>
      <CustodySteps kind={kind} boxLabel={label} events={events} seals={seals} onStep={onStep} />
      <pre className="demo-output" data-testid={`custody-log-${kind}`}>
        {log.map((r) => JSON.stringify(r)).join('\n')}
      </pre>
    </div>
  );
}

function DeskDemo() {
  const [issued, setIssued] = useState<Record<string, string>>({});
  const [log, setLog] = useState<string[]>([]);
  const count = Object.keys(issued).length;
  const onScan = (certificate: string): DeskAnswer => {
    if (issued[certificate]) {
      return { kind: 'already-issued', certificate, at: issued[certificate]!, venue: '中心会场', desk: '1号发票处' };
    }
    if (certificate === '1001' || certificate === '1002') {
      setIssued((m) => ({ ...m, [certificate]: new Date(2025, 5, 8, 9, 42).toISOString() }));
      return certificate === '1001'
        ? { kind: 'issue', certificate, name: '张秀英', group: '第三居民小组', proxy: null }
        : { kind: 'issue', certificate, name: '赵德明', group: '第五居民小组', proxy: { trustee: '李建国' } };
    }
    if (certificate === '2001') return { kind: 'wrong-venue', certificate, venue: '第二投票站（幸福里社区活动室）' };
    return { kind: 'unknown', certificate };
  };
  return (
    <>
      <CertificateInput
        issuedCount={count}
        onScan={onScan}
        onAssisted={(c) => setLog((xs) => [...xs, `assisted ${c}`])}
        onExchange={(c) => setLog((xs) => [...xs, `exchange ${c}`])}
      />
      <pre className="demo-output" data-testid="desk-log">
        {log.join('\n')}
      </pre>
    </>
  );
}

function Widgets() {
  const t = useT();
  return (
    <main className="gallery page">
      <h1>{t('gallery.title')}</h1>
      <section id="tally" data-testid="gallery-tally">
        <h2>TallyMarks 正字</h2>
        {[0, 1, 2, 3, 4, 5, 7, 12].map((n) => (
          <div key={n} data-testid={`tally-${n}`}>
            <TallyMarks count={n} label={`候选人${n}`} />
          </div>
        ))}
        <div data-testid="tally-large">
          <TallyMarks count={23} label="王秀兰" size="large" />
        </div>
      </section>
      <section id="ballot" data-testid="gallery-ballot">
        <h2>BallotEntry 选票录入</h2>
        <BallotDemo offices={NINE_CANDIDATES} />
      </section>
      <section id="custody" data-testid="gallery-custody">
        <h2>CustodySteps 票箱保管</h2>
        <CustodyDemo kind="station" label="第二投票站 1号票箱" />
        <CustodyDemo kind="central" label="中心会场 1号票箱" />
      </section>
      <section id="desk" data-testid="gallery-desk">
        <h2>CertificateInput 验证发票</h2>
        <DeskDemo />
      </section>
    </main>
  );
}

/** A probe of the one client (for transport tests): type a method and a JSON input, press Enter, see the answer. */
function ClientProbe() {
  // Loose on purpose: the probe calls any method name, including ones outside the contract.
  const [client] = useState<StationClient>(() => createClient(pickTransport(window)));
  const [method, setMethod] = useState('echo');
  const [input, setInput] = useState('{}');
  const [answer, setAnswer] = useState('');
  const call = async () => {
    try {
      const value = await client.call(method, JSON.parse(input) as unknown);
      setAnswer(JSON.stringify({ ok: true, value }));
    } catch (err) {
      setAnswer(JSON.stringify(isClientError(err) ? { ok: false, code: err.code, message: err.message, path: err.path ?? null } : { ok: false, thrown: String(err) }));
    }
  };
  return (
    <main className="gallery page">
      <p>
        transport: <output data-testid="transport">{client.transport}</output>
      </p>
      <form onSubmit={(e) => { e.preventDefault(); void call(); }}>
        <input aria-label="method" value={method} onChange={(e) => setMethod(e.target.value)} data-testid="probe-method" />
        <input aria-label="input" value={input} onChange={(e) => setInput(e.target.value)} data-testid="probe-input" />
        <button type="submit" data-testid="probe-call">call</button>
      </form>
      <pre data-testid="probe-answer">{answer}</pre>
    </main>
  );
}

function Gallery() {
  if (view === 'client') return <ClientProbe />;
  if (view === 'shell') {
    return (
      <ElectionProvider initial={{ title: '幸福里社区第十二届居民委员会选举', drill: true }}>
        <AppShell pages={{ desk: () => <DeskDemo />, counting: () => <BallotDemo offices={NINE_CANDIDATES} /> }} />
      </ElectionProvider>
    );
  }
  if (view === 'ballot12') {
    return (
      <main className="gallery page">
        <BallotDemo offices={TWELVE} />
      </main>
    );
  }
  if (view === 'desk') {
    return (
      <main className="gallery page">
        <DeskDemo />
      </main>
    );
  }
  return <Widgets />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider {...(isLang(langParam) ? { initial: langParam } : {})}>
      <Gallery />
    </LangProvider>
  </StrictMode>,
);
