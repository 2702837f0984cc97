import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { DeviceIdentity } from '../../../electron/contract';
import { useApi, useConnected } from '../../api/api_context';
import { completeSelections, type Selections } from './ballot_rules';
import { BoothChrome } from './booth_chrome';
import { boothDir, createBoothI18n, pickBoothLanguage, type BoothLanguage } from './booth_i18n';
import { BoothIdle } from './booth_idle';
import { DEFAULT_DISPLAY, TEXT_SIZE_PX, type DisplaySettings } from './booth_settings';
import { BoothVoting } from './booth_voting';
import { StampMark } from './stamp_mark';
import { useBoothBallot } from './use_booth_ballot';
import './booth.css';

/** The language a booth shows between voters (a delegate's own takes over when their ballot comes). */
const BOOTH_DEFAULT_LANGUAGE: BoothLanguage = 'en';
/** How long the confirmation stays before the booth resets for the next voter. */
const CONFIRMATION_MS = 8000;

type Phase = { kind: 'ready' } | { kind: 'done' };

/**
 * A booth tablet: idle until a ballot is issued to it, then the paper ballot in the
 * delegate's language, review, cast, confirmation — and back to idle with its language and
 * display reset, so the next voter starts from the same screen (VxMark resets per session).
 */
export function BoothScreen({ device }: { device: DeviceIdentity }) {
  const i18n = useMemo(() => createBoothI18n(BOOTH_DEFAULT_LANGUAGE), []);
  return (
    <I18nextProvider i18n={i18n}>
      <BoothSession device={device} />
    </I18nextProvider>
  );
}

function BoothSession({ device }: { device: DeviceIdentity }) {
  const [language, setLanguage] = useState<BoothLanguage>(BOOTH_DEFAULT_LANGUAGE);
  const { t, i18n } = useTranslation();
  useEffect(() => {
    void i18n.changeLanguage(language);
    // The booth is the whole page: the document's language and direction follow it.
    document.documentElement.lang = language;
    document.documentElement.dir = boothDir(language);
  }, [i18n, language]);
  const api = useApi();
  const connected = useConnected();
  const { ballot, failed, reload, set } = useBoothBallot();
  const [display, setDisplay] = useState<DisplaySettings>(DEFAULT_DISPLAY);
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const [casting, setCasting] = useState(false);
  const [castError, setCastError] = useState<string | null>(null);
  const [eventName, setEventName] = useState<string | null>(null);
  const token = ballot?.state === 'ballot' ? ballot.token : null;

  useEffect(() => {
    void api.call('health', {}).then((r) => setEventName(r.ok ? (r.value.event?.name ?? null) : null));
  }, [api]);

  // A new ballot (a new token: a new voter) starts in the delegate's own language, with a
  // clean slate; a re-read of the same ballot keeps everything as it is.
  const [seenToken, setSeenToken] = useState<string | null>(null);
  if (token !== seenToken) {
    setSeenToken(token);
    if (ballot?.state === 'ballot') {
      setLanguage(pickBoothLanguage(ballot.voterLanguages, BOOTH_DEFAULT_LANGUAGE));
      setCastError(null);
      setPhase({ kind: 'ready' });
    }
  }

  const reset = () => {
    setLanguage(BOOTH_DEFAULT_LANGUAGE);
    setDisplay(DEFAULT_DISPLAY);
    setCastError(null);
    setPhase({ kind: 'ready' });
    reload();
  };

  useEffect(() => {
    if (phase.kind !== 'done') return undefined;
    const timer = setTimeout(reset, CONFIRMATION_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the timer belongs to this confirmation only
  }, [phase]);

  const cast = (selections: Selections) => {
    if (ballot?.state !== 'ballot' || casting) return;
    setCasting(true);
    setCastError(null);
    const all = completeSelections(ballot.contests, selections);
    void api.call('voting.booth.cast', { token: ballot.token, selections: all }).then((r) => {
      setCasting(false);
      // A retry after a lost answer finds the ballot already in the box: that is success.
      if (r.ok || r.error.code === 'already_cast') {
        setPhase({ kind: 'done' });
        return;
      }
      // 'offline' comes from the HTTP transport itself, so it is not among the method's codes.
      const code: string = r.error.code;
      switch (code) {
        case 'no_ballot':
          setCastError(t('booth.error.notIssued'));
          break;
        case 'wrong_state':
          setCastError(t('booth.error.closed'));
          break;
        case 'offline':
          setCastError(t('booth.error.offline'));
          break;
        default:
          setCastError(t('booth.error.rejected'));
      }
    });
  };

  const hostLanguage = ballot?.state === 'ballot' ? (ballot.definitionLanguages.find((l) => l !== 'en') ?? 'en') : 'en';

  return (
    <main
      className="booth"
      data-testid="kiosk"
      data-size={display.size}
      data-contrast={display.contrast}
      lang={language}
      dir={boothDir(language)}
      style={{ fontSize: `${TEXT_SIZE_PX[display.size]}px` }}
    >
      <BoothChrome
        deviceName={device.name}
        connected={connected}
        language={language}
        display={display}
        onLanguage={setLanguage}
        onDisplay={setDisplay}
      />
      <div className="booth-stage" aria-live="polite">
        {failed && phase.kind !== 'done' ? (
          <p className="booth-error with-action" role="alert">
            {t('booth.error.offline')}
            <button type="button" className="booth-button" onClick={reload}>{t('booth.error.retry')}</button>
          </p>
        ) : null}
        {phase.kind === 'done' ? (
          <section className="booth-done" data-testid="booth-done" aria-labelledby="booth-done-title">
            <div className="done-stamp"><StampMark size="5em" /></div>
            <h1 id="booth-done-title">{t('booth.cast.doneTitle')}</h1>
            <p>{t('booth.cast.doneBody')}</p>
            <p className="done-reset">{t('booth.cast.resetting')}</p>
            <button type="button" className="booth-button primary" data-testid="booth-finish" onClick={reset}>
              {t('booth.cast.finish')}
            </button>
          </section>
        ) : ballot?.state === 'ballot' ? (
          <BoothVoting
            key={ballot.token}
            definition={{ contests: ballot.contests }}
            language={language}
            hostLanguage={hostLanguage}
            casting={casting}
            castError={castError}
            onCast={cast}
          />
        ) : (
          <BoothIdle eventName={eventName} roundOpen={ballot?.state === 'idle' ? ballot.roundOpen : false} onBallot={set} />
        )}
      </div>
    </main>
  );
}
