import { css } from 'lit';
import { accountStyles } from '../account/account.styles.js';

/** Styles of the password-change screen: the theme tokens, the shared base and its own layout. */
export const passwordChangeStyles = [
  ...accountStyles,
  css`
    [part~='greeting'] {
      font-weight: 600;
    }
  `,
];
