/** The note every change is followed by: connectors read the list on a schedule. */
export const PICKUP_NOTE = 'Connectors pick up changes within about 15 minutes.';
