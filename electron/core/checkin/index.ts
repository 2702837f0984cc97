/** Check-in: scans, attendance, dashboards and roll calls, offline sync, records. */
export { recordScan, codeHash, type ScanContext, type ScanRequest } from './scan_service';
export { syncOfflineScans } from './offline_sync';
export { EventClosedError, GroupCommit, groupCommitFor, MAX_GROUP, type GroupCommitStats } from './group_commit';
export { buildDashboard, buildRollCall, scannedTwice } from './dashboard';
export { buildDeskSnapshot } from './desk_snapshot';
export { checkinStatus, recentScans, undoCheckIn } from './desk_records';
export { getDeskPerson, staffFlags } from './desk_person';
export type { Desk } from './attendance_store';
export { exportAttendance, recordHtml, type BuiltFile } from './attendance_export';
export { buildRecordTable, localTime, type RecordTable } from './attendance_records';
