import { ok } from '../../../contract';
import { cancelMissing } from '../../import/import_results';
import { deletePreset, listPresets, savePreset } from '../../import/import_presets';
import { ImportService } from '../../import/import_service';
import { refreshSearchIndex } from '../../participants';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

type ImportMethod =
  | 'import.begin'
  | 'import.chunk'
  | 'import.analyse'
  | 'import.commit'
  | 'import.cancel'
  | 'import.cancelMissing'
  | 'import.presets.list'
  | 'import.presets.save'
  | 'import.presets.delete';

/** Registration import: chunked upload, analysis, all-or-nothing commit, presets. */
export function importHandlers({ session }: HandlerContext): FeatureHandlers<ImportMethod> {
  const changed = () => session.bus.publish('data.changed', { scope: 'participants' });
  const service = new ImportService({
    workspace: () => session.current,
    progress: (payload) => session.bus.publish('import.progress', payload),
    committed: changed,
  });
  const now = () => new Date().toISOString();
  return {
    'import.begin': (input) => service.begin(input.fileName, input.size),
    'import.chunk': (input) => service.chunk(input.uploadId, input.offset, input.dataBase64),
    'import.analyse': (input) => service.analyse(input),
    'import.commit': (input) => service.commit(input),
    'import.cancel': (input) => service.cancel(input.uploadId),
    'import.cancelMissing': (input) => {
      const result = withEvent(session, (db) => {
        const cancelled = cancelMissing(db, input.ids, now());
        refreshSearchIndex(db, input.ids);
        return { cancelled };
      });
      if (result.ok && result.value.cancelled > 0) changed();
      return result;
    },
    'import.presets.list': () => withEvent(session, listPresets),
    'import.presets.save': (input) => withEvent(session, (db) => savePreset(db, input, now())),
    'import.presets.delete': (input) => {
      const result = withEvent(session, (db) => deletePreset(db, input.name));
      return result.ok ? ok({ deleted: result.value }) : result;
    },
  };
}
