import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useStore } from 'zustand';
import { OutputKindSchema, ServerTypeSchema } from '../../../contract/index.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { useStores } from '../../stores/stores-context.tsx';
import type { ServerConfigForm as ServerConfigFields } from './server-config-store.ts';
import { OUTPUT_LABELS, SERVER_TYPE_LABELS } from './server-config-labels.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  choices: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

function toggled<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return order.filter((candidate) => set.has(candidate));
}

/**
 * Which server types and outputs to save, and Save files…: main generates the files again
 * and asks for the folder with the desktop's own picker (the renderer never names a path).
 */
export function SaveFiles() {
  const styles = useStyles();
  const headingId = useId();
  const { serverConfig } = useStores();
  const form = useStore(serverConfig, (state) => state.form);
  const save = useStore(serverConfig, (state) => state.save);
  const busy = useStore(serverConfig, (state) => state.operationId !== undefined);
  const update = (patch: Partial<ServerConfigFields>): void => {
    serverConfig.getState().update(patch);
  };
  const nothingChosen = form.serverTypes.length === 0 || form.outputs.length === 0 || form.connectorUrl.trim() === '';
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Save files
      </h2>
      <div className={styles.choices}>
        <div role="group" aria-labelledby={`${headingId}-types`}>
          <Text id={`${headingId}-types`} weight="semibold" block>
            Server types
          </Text>
          <div>
            {ServerTypeSchema.options.map((type) => (
              <div key={type}>
                <Checkbox
                  label={SERVER_TYPE_LABELS[type]}
                  checked={form.serverTypes.includes(type)}
                  onChange={(_event, data) => {
                    update({ serverTypes: toggled(form.serverTypes, type, data.checked === true, ServerTypeSchema.options) });
                  }}
                />
              </div>
            ))}
          </div>
        </div>
        <div role="group" aria-labelledby={`${headingId}-outputs`}>
          <Text id={`${headingId}-outputs`} weight="semibold" block>
            Files to save
          </Text>
          <div>
            {OutputKindSchema.options.map((kind) => (
              <div key={kind}>
                <Checkbox
                  label={OUTPUT_LABELS[kind]}
                  checked={form.outputs.includes(kind)}
                  onChange={(_event, data) => {
                    update({ outputs: toggled(form.outputs, kind, data.checked === true, OutputKindSchema.options) });
                  }}
                />
              </div>
            ))}
          </div>
        </div>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<SaveRegular />} disabledFocusable={busy || nothingChosen} onClick={() => void serverConfig.getState().saveFiles()}>
          Save files…
        </Button>
        <Checkbox
          label="Replace existing files"
          checked={form.replaceExisting}
          onChange={(_event, data) => {
            update({ replaceExisting: data.checked === true });
          }}
        />
      </div>
      <LoadStatus loadState={save.loadState} error={save.error} loadingLabel="Saving the files…" onCancel={() => void serverConfig.getState().cancel()} />
      <div role="status">
        {save.result?.saved === true && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Saved {String(save.result.files.length)} files</MessageBarTitle>
              to {save.result.folder}: {save.result.files.map((file) => file.name).join(', ')}.
            </MessageBarBody>
          </MessageBar>
        )}
        {save.result?.saved === false && 'No folder was chosen; nothing was saved.'}
      </div>
    </section>
  );
}
