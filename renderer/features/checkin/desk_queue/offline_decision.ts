import { throwIllegalValue, type BadgeCodeProblem, type BadgeRefusal, type DeskSnapshot, type ScanOutcome, type ScanResult } from '../../../../electron/contract';
import { verifyBadgeOffline } from './badge_signature';

/** One person of the desk's copy. */
export type SnapshotPerson = DeskSnapshot['people'][number];

/** A check-in the desk knows of without asking the host: from its copy, or made here since. */
export interface EarlierCheckIn {
  readonly participantId: number;
  /** null: the event desk; otherwise the session door. */
  readonly sessionId: number | null;
  readonly at: string;
  /** The desk's name as the host recorded it; null: this desk, while offline. */
  readonly where: string | null;
}

/** What the desk decided for a scan while the host was away, and about whom. */
export interface OfflineDecision {
  readonly result: ScanResult;
  readonly participantId: number | null;
  readonly person: SnapshotPerson | null;
  /** Why a badge was refused, in the host's words (null for a welcome or "already"). */
  readonly badgeRefusal: BadgeRefusal | null;
  /** For `already`: the first check-in. */
  readonly earlier: EarlierCheckIn | null;
}

/** What was scanned or picked: a badge's text, or a person found by name. */
export type OfflineInput = { readonly code: string } | { readonly participantId: number };

function refusalOf(problem: BadgeCodeProblem): { result: ScanResult; badgeRefusal: BadgeRefusal } {
  switch (problem) {
    case 'bad_signature':
      return { result: 'forged', badgeRefusal: 'bad_signature' };
    case 'wrong_event':
      return { result: 'wrong_event', badgeRefusal: 'wrong_event' };
    case 'malformed':
    case 'not_ours':
      return { result: 'unknown', badgeRefusal: problem };
    default:
      return throwIllegalValue(problem);
  }
}

// The people of a snapshot by id, built once per copy (a desk scans hundreds against one).
const indexes = new WeakMap<DeskSnapshot, Map<number, SnapshotPerson>>();
function personById(snapshot: DeskSnapshot, id: number): SnapshotPerson | null {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new Map(snapshot.people.map((p) => [p.participantId, p]));
    indexes.set(snapshot, index);
  }
  return index.get(id) ?? null;
}

/** The check-ins at the event desk the copy already knew of, as earlier check-ins. */
export function snapshotCheckIns(snapshot: DeskSnapshot): EarlierCheckIn[] {
  return snapshot.checkedIn.map((c) => ({ participantId: c.participantId, sessionId: null, at: c.at, where: c.deskName }));
}

/**
 * Decides a scan from the desk's own copy, the way the host would: a genuine badge of this
 * event, held by someone still registered, their newest badge, not already checked in at this
 * door (the event desk or one session) according to the copy and what was checked in here since.
 */
export function decideOffline(input: OfflineInput, snapshot: DeskSnapshot, earlier: readonly EarlierCheckIn[], sessionId: number | null): OfflineDecision {
  const refused = (result: ScanResult, badgeRefusal: BadgeRefusal | null, person: SnapshotPerson | null, participantId: number | null): OfflineDecision => ({
    result,
    participantId,
    person,
    badgeRefusal,
    earlier: null,
  });
  let participantId: number;
  let serial: number | null = null;
  if ('code' in input) {
    const checked = verifyBadgeOffline(input.code, { eventTagHex: snapshot.eventTag, publicKeyBase64: snapshot.publicKey.rawBase64 });
    if (!checked.ok) {
      const { result, badgeRefusal } = refusalOf(checked.problem);
      return refused(result, badgeRefusal, null, null);
    }
    participantId = checked.value.participantId;
    serial = checked.value.serial;
  } else {
    participantId = input.participantId;
  }
  const person = personById(snapshot, participantId);
  if (!person) return refused('unknown', serial === null ? null : 'unknown_participant', null, participantId);
  if (person.status === 'cancelled') return refused('cancelled', serial === null ? null : 'cancelled', person, participantId);
  if (serial !== null) {
    if (person.badgeSerial === null || serial > person.badgeSerial) return refused('not_issued', 'not_issued', person, participantId);
    if (serial < person.badgeSerial) return refused('replaced', 'replaced', person, participantId);
  }
  const first = earlier
    .filter((e) => e.participantId === participantId && e.sessionId === sessionId)
    .sort((a, b) => a.at.localeCompare(b.at))[0];
  if (first) return { result: 'already', participantId, person, badgeRefusal: null, earlier: first };
  return { result: 'welcome', participantId, person, badgeRefusal: null, earlier: null };
}

const OFFLINE_MESSAGE = 'Recorded on this desk while the host is unreachable; it is sent to the host when the connection is back.';

/**
 * The desk's own answer in the shape of the host's, so the desk screen shows it the same way.
 * Its scanId is negative (no row at the host yet) and there is no check-in to undo yet.
 */
export function offlineOutcome(
  decision: OfflineDecision,
  copy: DeskSnapshot,
  scan: { clientScanId: string; sessionId: number | null; scannedAt: string; scanId: number; thisDeskName: string },
): ScanOutcome {
  const p = decision.person;
  const category = p ? (copy.categories.find((c) => c.code === p.categoryCode) ?? { code: p.categoryCode, name: p.categoryCode, colour: '#64748b' }) : null;
  return {
    scanId: scan.scanId,
    clientScanId: scan.clientScanId,
    result: decision.result,
    message: OFFLINE_MESSAGE,
    person: p && category
      ? {
          participantId: p.participantId,
          title: p.title,
          displayName: p.displayName,
          familyName: p.familyName,
          nativeName: p.nativeName,
          nativeNameLang: p.nativeNameLang,
          photoFile: null,
          organisation: '',
          position: '',
          country: p.country,
          delegationId: p.delegationId,
          delegationName: p.delegationName,
          isHeadOfDelegation: p.isHeadOfDelegation,
          category,
          languages: [],
          status: p.status,
          notes: '',
          flags: p.flags,
        }
      : null,
    sessionId: scan.sessionId,
    // attendanceId 1 is a placeholder: an "already" shown offline has nothing to undo here.
    checkIn: decision.earlier
      ? { attendanceId: 1, at: decision.earlier.at, deskId: '', deskName: decision.earlier.where ?? scan.thisDeskName, operator: '' }
      : null,
    expected: null,
    checkedOutOf: [],
    badgeRefusal: decision.badgeRefusal,
    replacedAt: decision.result === 'replaced' ? (p?.badgePrintedAt ?? null) : null,
    replay: false,
    scannedAt: scan.scannedAt,
  };
}
