import { Button, Link, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId } from 'react';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
});

/** The text under the demo card's heading (also in docs/console-ui.md). */
export const DEMO_DESCRIPTION =
  'Explore the console against a local Contoso domain and connector service that run on this computer. Nothing leaves this computer, and your own settings are not changed.';

/**
 * The way into the built-in demo environment.
 *
 * Prominent (a card with what it is) when nothing was ever configured, so a first start has
 * something to try at once; a quiet link otherwise, so it never competes with signing in.
 * Both carry the same accessible name, "Try the demo environment".
 */
export function DemoOffer(props: { prominent: boolean; disabled: boolean; onStart: () => void }) {
  const styles = useStyles();
  const headingId = useId();
  if (!props.prominent) {
    return (
      <Link as="button" type="button" disabled={props.disabled} onClick={props.onStart}>
        Try the demo environment
      </Link>
    );
  }
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Demo environment
      </h2>
      <Text>{DEMO_DESCRIPTION}</Text>
      <Button appearance="secondary" disabledFocusable={props.disabled} onClick={props.onStart}>
        Try the demo environment
      </Button>
    </section>
  );
}
