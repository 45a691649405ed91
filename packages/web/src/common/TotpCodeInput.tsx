import { useId } from 'react';
import { Input, PinInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onComplete?: (value: string) => void;
  error?: string | null;
  autoFocus?: boolean;
}

/**
 * Six boxes for the authenticator code. The first box carries the field's name so that assistive tech
 * and tests find one field; typing or pasting all six digits into it fills the rest.
 */
export function TotpCodeInput({ value, onChange, onComplete, error, autoFocus }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Input.Wrapper label={t('totp.codeLabel')} description={t('totp.codeHint')} error={error} labelProps={{ id: labelId }}>
      <PinInput
        mt={6}
        length={6}
        type="number"
        inputMode="numeric"
        oneTimeCode
        autoFocus={autoFocus}
        value={value}
        onChange={onChange}
        onComplete={onComplete}
        error={!!error}
        aria-labelledby={labelId}
        getInputProps={(index) => ({
          'aria-label': index === 0 ? t('totp.codeField') : t('totp.codeDigit', { n: index + 1 }),
        })}
      />
    </Input.Wrapper>
  );
}
