/** The programme: sessions by day, who each expects, and editing them. */
export { audienceSql, getSession, insertSession, listSessions, type NewProgrammeSession } from './session_store';
export { createSession, deleteSession, updateSession } from './session_editing';
