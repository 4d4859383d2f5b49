import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Height of a data row, in pixels (the virtualizer lays rows out with it). */
export const ROW_HEIGHT = 44;
/** Height of the sticky header row, in pixels. */
export const HEADER_HEIGHT = 40;

/**
 * Styles of the virtual grid, from Fluent tokens so it matches a Fluent DataGrid in every theme.
 *
 * Selected and focused rows also get forced-colors rules: backgrounds vanish in Windows
 * contrast themes, so selection is drawn with system colors there.
 */
export const useGridStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  frameBar: { display: 'flex', justifyContent: 'flex-end' },
  grid: {
    position: 'relative',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  headerRow: {
    display: 'grid',
    height: `${String(HEADER_HEIGHT)}px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  headerCell: {
    ...typographyStyles.body1Strong,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    position: 'relative',
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    userSelect: 'none',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  headerLabel: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  resizeHandle: {
    position: 'absolute',
    top: 0,
    right: 0,
    width: '8px',
    height: '100%',
    cursor: 'col-resize',
    touchAction: 'none',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
    ':hover': { borderRight: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  },
  body: { position: 'relative' },
  row: {
    ...typographyStyles.body1,
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    display: 'grid',
    alignItems: 'center',
    height: `${String(ROW_HEIGHT)}px`,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', color: 'HighlightText', forcedColorAdjust: 'none' },
  },
  cell: { padding: `0 ${tokens.spacingHorizontalS}`, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hint: { display: 'none' },
  sortable: { cursor: 'pointer' },
});
