import { Typography } from 'antd';

const LINK = /(https?:\/\/[^\s]+)/g;

/** A kept e-mail's text, its links clickable (an invitation opens the set-password page). */
export function MailBody({ text }: { text: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="mail-body">
      {text.split(LINK).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} data-testid="mail-link">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </Typography.Paragraph>
  );
}
