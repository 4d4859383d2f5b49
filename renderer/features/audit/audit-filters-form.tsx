import { Button, Dropdown, Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import { FilterRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { AuditActionSchema } from '../../../contract/index.ts';
import { auditActionLabel } from '../../format/labels.ts';
import type { AuditFilters } from '../../stores/audit-store.ts';

const ANY_ACTION = 'Any action';

const useStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  who: { minWidth: '14rem' },
  action: { minWidth: '16rem' },
});

/**
 * The audit filters: Who, Action, From, To (local dates), and Apply filters.
 *
 * Filters apply only on request (button or Enter), so typing a name does not query the
 * service on every key.
 */
export function AuditFiltersForm(props: { initial: AuditFilters; busy: boolean; onApply: (filters: AuditFilters) => void }) {
  const styles = useStyles();
  const [filters, setFilters] = useState<AuditFilters>(props.initial);
  const update = (patch: Partial<AuditFilters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
  };
  return (
    <form
      className={styles.form}
      aria-label="Audit filters"
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply(filters);
      }}
    >
      <Field label="Who" className={styles.who}>
        <Input
          value={filters.who}
          onChange={(_event, data) => {
            update({ who: data.value });
          }}
        />
      </Field>
      <Field label="Action" className={styles.action}>
        <Dropdown
          value={filters.action === '' ? ANY_ACTION : auditActionLabel(filters.action)}
          selectedOptions={[filters.action]}
          onOptionSelect={(_event, data) => {
            const parsed = AuditActionSchema.safeParse(data.optionValue);
            update({ action: parsed.success ? parsed.data : '' });
          }}
        >
          <Option value="">{ANY_ACTION}</Option>
          {AuditActionSchema.options.map((action) => (
            <Option key={action} value={action}>
              {auditActionLabel(action)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="From">
        <Input
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(_event, data) => {
            update({ from: data.value });
          }}
        />
      </Field>
      <Field label="To">
        <Input
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(_event, data) => {
            update({ to: data.value });
          }}
        />
      </Field>
      <Button type="submit" icon={<FilterRegular />} disabledFocusable={props.busy}>
        Apply filters
      </Button>
    </form>
  );
}
