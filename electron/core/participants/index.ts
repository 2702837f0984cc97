/**
 * The participants feature as other parts of the core use it: people, delegations and
 * categories of the open event, the ranked search over them, and keeping that search current.
 * A module that writes the participant table itself (import) must call refreshSearchIndex after
 * its transaction commits: see participant_search.ts.
 */
export { eventSearch, listParticipantIds, listParticipants, participantFacets, refreshSearchGroups, refreshSearchIndex, warmSearchIndex } from './participant_search';
export type { ListInput } from './participant_search';
export { getParticipant, getParticipantsByIds } from './participant_rows';
export { getDelegation, insertDelegation, insertParticipant, listCategories, listDelegations, setDelegationHead, upsertCategory } from './participant_store';
export type { NewParticipant } from './participant_store';
export { createParticipant, nextTimestamp, setParticipantStatus, updateParticipant } from './participant_writes';
export type { WriteContext } from './participant_writes';
export { lastChange, undoChange } from './participant_undo';
export { mergeParticipants } from './participant_merge';
export { deleteCategory, deleteDelegation, reorderDelegations, saveCategory, saveDelegation, setHead } from './group_store';
export { buildExport, neutraliseCell, restoreCell } from './participant_export';
export { ExportChunks } from './export_chunks';
