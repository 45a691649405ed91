import { Combobox, createTheme } from '@mantine/core';

const font = "'Noto Sans JP', sans-serif";

export const theme = createTheme({
  fontFamily: font,
  headings: { fontFamily: font, fontWeight: '700' },
  primaryColor: 'teal',
  defaultRadius: 'md',
  // Japanese text reads better with a little more line height than Latin defaults.
  lineHeights: { xs: '1.5', sm: '1.6', md: '1.65', lg: '1.65', xl: '1.65' },
  components: {
    // A closed dropdown kept in the DOM is labelled like its input, so a field's label would name two
    // elements (screen readers list both; getByLabel is ambiguous). Mount options only while open.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});
