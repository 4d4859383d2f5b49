import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

/**
 * The load balancer's settings as a checklist the admin ticks off on the load balancer.
 *
 * They cannot be measured from here; the ticks are only a working aid for this screen and are
 * not sent or stored.
 */
export function LoadBalancerChecklist(props: { items: readonly string[] }) {
  const styles = useStyles();
  const headingId = useId();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Load balancer checklist
      </h2>
      <Text>These settings cannot be read from this computer. Check each one on the load balancer.</Text>
      <div role="group" aria-labelledby={headingId}>
        {props.items.map((item, index) => (
          <div key={item}>
            <Checkbox
              label={item}
              checked={ticked.has(index)}
              onChange={(_event, data) => {
                const next = new Set(ticked);
                if (data.checked === true) next.add(index);
                else next.delete(index);
                setTicked(next);
              }}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
